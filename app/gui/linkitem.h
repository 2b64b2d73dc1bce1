#pragma once

#include "core/model/linkkind.h"

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QPalette>
#include <QPen>
#include <QPolygonF>
#include <QString>

namespace topolab::app {

// One link on the canvas: an arrow from the edge of one component to the edge of the other,
// drawn with the pen of its kind, or, when the straight line would cross other boxes of the
// same row, a curve below that row. Owns its computed path.
class LinkItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(LinkItem)

public:
    enum { Type = UserType + 2 };

    LinkItem(const QString &from, const QString &to, core::LinkKind kind, const QRectF &fromRect,
             const QRectF &toRect, bool detour = false);

    static QPen pen(core::LinkKind kind, const QPalette &palette);

    QString from() const { return mFrom; }
    QString to() const { return mTo; }
    core::LinkKind kind() const { return mKind; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString mFrom;
    QString mTo;
    core::LinkKind mKind;
    QPainterPath mPath;
    QPolygonF mHead;
};

} // namespace topolab::app
