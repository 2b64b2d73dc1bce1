#pragma once

#include "core/model/topology.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>

namespace topolab::app {

// A region container on the canvas: a rounded, tinted rectangle with its label and id in the
// header. Sits above the links, which show through its translucent fill, and beneath the
// components; owns copies of the strings it shows.
class RegionItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };

    RegionItem(const core::Region &region, const QRectF &sceneRect);

    QString id() const { return mId; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString mId;
    QString mLabel;
    QSizeF mSize;
};

} // namespace topolab::app
