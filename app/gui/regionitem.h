#pragma once

#include "core/model/topology.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>

namespace topolab::app {

// A region container on the canvas: a rounded, tinted rectangle with its label and id in the
// header, and a grip in its bottom-right corner while selected. Sits above the links, which show
// through its translucent fill, and beneath the components; owns copies of the strings it shows.
class RegionItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };

    RegionItem(const core::Region &region, const QRectF &sceneRect);

    QString id() const { return mId; }
    void setRegion(const core::Region &region);
    void setRect(const QRectF &sceneRect);
    QRectF sceneBox() const { return QRectF(pos(), mSize); }
    // Shown while something dragged over the canvas would land in this region.
    void setDropTarget(bool target);
    // Whether the resize grip is offered when the region is selected (an editable canvas).
    void setResizable(bool resizable) { mResizable = resizable; }
    // The bottom-right grip that resizes a selected region, in item coordinates; empty when
    // the region is not selected or not resizable.
    QRectF gripRect() const;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    // The name far out, in screen-sized text inside the top-left corner of `deviceArea`.
    void paintFarLabel(QPainter *painter, const QRectF &deviceArea, const QPalette &palette) const;
    void updateToolTip();

    QString mId;
    QString mLabel;
    QSizeF mSize;
    bool mDropTarget = false;
    bool mResizable = false;
};

} // namespace topolab::app
