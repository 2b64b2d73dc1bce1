#include "placement.h"

#include "document/elementgeometry.h"
#include "document/stdstrings.h"
#include "document/topologydocument.h"
#include "gui/autolayout.h"
#include "gui/componentitem.h"

#include <QMap>

#include <algorithm>

namespace topolab::app {

Placement::Placement(TopologyDocument *document)
    : mDocument(document)
{
}

void Placement::recompute(const QFont &font)
{
    mAutomatic.clear();
    const core::Topology &topology = mDocument->topology();
    bool complete = true;
    for (const core::Component &c : topology.components)
        complete = complete && topology.layout.count(c.id);
    for (const core::Region &r : topology.regions)
        complete = complete && topology.layout.count(r.id);
    if (complete)
        return;
    // One column width for every box keeps the grid's columns straight.
    qreal width = ComponentItem::minimumWidth;
    for (const core::Component &c : topology.components)
        width = std::max(width, ComponentItem::preferredWidth(c, font));
    const SceneGeometry geometry = AutoLayout(topology, width).compute();
    for (auto it = geometry.components.constBegin(); it != geometry.components.constEnd(); ++it) {
        if (!topology.layout.count(toStd(it.key())))
            mAutomatic.insert(it.key(), it.value());
    }
    for (auto it = geometry.regions.constBegin(); it != geometry.regions.constEnd(); ++it) {
        if (!topology.layout.count(toStd(it.key())))
            mAutomatic.insert(it.key(), it.value());
    }
}

QRectF Placement::componentRect(const QString &id, const QFont &font, const QRectF &content) const
{
    const core::Component *component = mDocument->component(id);
    if (!component)
        return {};
    QSizeF size(ComponentItem::preferredWidth(*component, font), AutoLayout::componentHeight);
    QPointF centre;
    if (const auto box = mDocument->layoutBox(id)) {
        if (box->width > 0)
            size.setWidth(box->width);
        if (box->height > 0)
            size.setHeight(box->height);
        centre = QPointF(box->x, box->y);
    } else if (const auto it = mAutomatic.constFind(id); it != mAutomatic.constEnd()) {
        centre = it->center();
    } else {
        centre = QPointF(content.left() + size.width(), content.bottom() + 80);
    }
    QRectF rect(QPointF(0, 0), size);
    rect.moveCenter(centre);
    return rect;
}

QRectF Placement::regionRect(const QString &id, const QRectF &content) const
{
    if (const auto box = mDocument->layoutBox(id)) {
        return QRectF(box->x, box->y,
                      box->width > 0 ? box->width : ElementGeometry::defaultRegionWidth,
                      box->height > 0 ? box->height : ElementGeometry::defaultRegionHeight);
    }
    if (const auto it = mAutomatic.constFind(id); it != mAutomatic.constEnd())
        return *it;
    return QRectF(content.bottomLeft() + QPointF(0, 40),
                  QSizeF(ElementGeometry::defaultRegionWidth, ElementGeometry::defaultRegionHeight));
}

bool Placement::hasAutomatic() const
{
    for (auto it = mAutomatic.constBegin(); it != mAutomatic.constEnd(); ++it) {
        if (!mDocument->layoutBox(it.key())
            && (mDocument->component(it.key()) || mDocument->region(it.key())))
            return true;
    }
    return false;
}

void Placement::freeze(const QFont &font, const QRectF &content)
{
    QMap<QString, QPointF> positions;
    for (auto it = mAutomatic.constBegin(); it != mAutomatic.constEnd(); ++it) {
        if (mDocument->layoutBox(it.key()))
            continue;
        if (mDocument->region(it.key()))
            mDocument->resizeRegion(it.key(), regionRect(it.key(), content));
        else if (mDocument->component(it.key()))
            positions.insert(it.key(), componentRect(it.key(), font, content).center());
    }
    if (!positions.isEmpty())
        mDocument->moveElements(positions);
}

void Placement::rename(const QString &oldId, const QString &newId)
{
    if (mAutomatic.contains(oldId))
        mAutomatic.insert(newId, mAutomatic.take(oldId));
}

} // namespace topolab::app
