#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QHash>
#include <QPair>
#include <QString>

namespace topolab::app {

class LinkItem;

// Every link of the canvas drawn by one item, while the canvas is zoomed out so far that links
// are hairlines (below LinkItem::minimumDetailScale). A thousand-component drawing has about
// four thousand links; painted one item at a time, the view's work per item cost more than
// the lines. While this item is active the link items draw nothing but stay in the scene for
// hit tests, selection and tooltips (LinkItem::setDrawnBy), and tell it what to repaint.
// It never takes the mouse and is no part of pictures (PictureExport draws the links).
class LinkOverview : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };
    using Links = QHash<QPair<QString, QString>, LinkItem *>;

    // `links` belongs to the scene and outlives this item.
    explicit LinkOverview(const Links *links);

    bool isActive() const { return mActive; }
    // Takes over the drawing of every link, or hands it back.
    void setActive(bool active);
    // The links' bounding rectangle, to be told again after links move.
    void setArea(const QRectF &area);

    int type() const override { return Type; }
    QRectF boundingRect() const override { return mArea; }
    QPainterPath shape() const override { return {}; }
    bool contains(const QPointF &) const override { return false; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    // Far out, on the raster engine: whole-pixel fills and single calls per link kind.
    void paintHairlines(QPainter *painter, const QRectF &exposed, qreal scale) const;
    void paintHalos(QPainter *painter, const QRectF &exposed, qreal scale, QColor colour) const;

    const Links *mLinks;
    QRectF mArea;
    bool mActive = false;
};

} // namespace topolab::app
