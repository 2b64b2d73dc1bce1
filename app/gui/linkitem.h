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

#include <optional>

namespace topolab::app {

// One link on the canvas: an arrow from the edge of one component to the edge of the other,
// routed by LinkRouter and drawn with the pen of its kind. Follows its ends when they move
// (setEnds). Owns its computed path.
class LinkItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(LinkItem)

public:
    enum { Type = UserType + 2 };
    // Below this scale a link is a hairline: drawn unsmoothed, without its head, and by
    // LinkOverview together with the others.
    static constexpr qreal minimumDetailScale = 0.3;

    LinkItem(const QString &from, const QString &to, core::LinkKind kind, const QRectF &fromRect,
             const QRectF &toRect, LinkStyle style = LinkStyle::Orthogonal);

    // Re-routes the link between boxes at these scene rectangles, round `obstacles` (the
    // other boxes near it) where the route allows.
    void setEnds(const QRectF &fromRect, const QRectF &toRect, LinkStyle style,
                 const QList<QRectF> &obstacles = {},
                 LinkRouter::Search search = LinkRouter::Search::On);
    // After an id was renamed.
    void setEndIds(const QString &from, const QString &to);

    static QPen pen(core::LinkKind kind, const QPalette &palette);

    // Another item draws this link (LinkOverview), or null for the link itself. The link stays
    // in the scene for hit tests, selection and its tooltip, and tells that item what to
    // repaint when it changes.
    void setDrawnBy(QGraphicsItem *overview);
    // The link as paint() draws it; for the item that draws it instead.
    void paintLink(QPainter *painter, const QRectF &exposed, bool selected) const;
    const QList<QLineF> &segments() const { return mSegments; }

    // How much wider than its kind's pen a link drawn at the busiest traffic of a replay is.
    static constexpr qreal maximumTrafficWidth = 6;
    // During a replay, the link's traffic as a share (0 to 1) of the run's busiest; drawn as
    // extra width. nullopt: no replay, the kind's pen.
    void setTraffic(std::optional<double> share);
    std::optional<double> traffic() const { return mTraffic; }
    // The pen paintLink() draws with: the kind's, widened by the traffic.
    QPen linePen(const QPalette &palette) const;

    QString from() const { return mFrom; }
    QString to() const { return mTo; }
    core::LinkKind kind() const { return mKind; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void updateToolTip();

    QString mFrom;
    QString mTo;
    core::LinkKind mKind;
    QPainterPath mPath;
    QList<QLineF> mSegments; // mPath's lines
    QPolygonF mHead;
    QRectF mBounds;
    QGraphicsItem *mOverview = nullptr;
    std::optional<double> mTraffic;
};

} // namespace topolab::app
