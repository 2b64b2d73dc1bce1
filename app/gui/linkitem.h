#pragma once

#include "canvas/linkrouter.h"
#include "core/model/linkkind.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QLineF>
#include <QList>
#include <QPainterPath>
#include <QPalette>
#include <QPen>
#include <QPolygonF>
#include <QString>

namespace topolab::app {

// One link on the canvas: an arrow from the edge of one component to the edge of the other,
// routed by LinkRouter and drawn with the pen of its kind. Follows its ends when they move
// (setEnds). Owns its computed path.
class LinkItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(LinkItem)

public:
    enum { Type = UserType + 2 };

    LinkItem(const QString &from, const QString &to, core::LinkKind kind, const QRectF &fromRect,
             const QRectF &toRect, LinkStyle style = LinkStyle::Orthogonal);

    // Re-routes the link between boxes at these scene rectangles, round `obstacles` (the
    // other boxes near it) where the route allows.
    void setEnds(const QRectF &fromRect, const QRectF &toRect, LinkStyle style,
                 const QList<QRectF> &obstacles = {});
    // After an id was renamed.
    void setEndIds(const QString &from, const QString &to);

    static QPen pen(core::LinkKind kind, const QPalette &palette);

    QString from() const { return mFrom; }
    QString to() const { return mTo; }
    core::LinkKind kind() const { return mKind; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void updateToolTip();

    QString mFrom;
    QString mTo;
    core::LinkKind mKind;
    QPainterPath mPath;
    QList<QLineF> mSegments; // mPath's lines
    QPolygonF mHead;
    QRectF mBounds;
};

} // namespace topolab::app
