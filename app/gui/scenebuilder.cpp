#include "scenebuilder.h"

#include "autolayout.h"
#include "componentitem.h"
#include "linkitem.h"
#include "regionitem.h"

#include "core/model/topologyindex.h"

#include <QHash>
#include <QLineF>

#include <algorithm>

namespace topolab::app {

namespace {

} // namespace

SceneItems::SceneItems() = default;
SceneItems::SceneItems(SceneItems &&) noexcept = default;
SceneItems::~SceneItems() = default;

SceneBuilder::SceneBuilder(const QFont &font)
    : mFont(font)
{
}

SceneItems SceneBuilder::build(const core::Topology &topology,
                               const std::vector<core::Diagnostic> &findings) const
{
    // Automatic placement uses one column width for every box so the grid columns stay straight.
    qreal width = ComponentItem::minimumWidth;
    for (const auto &c : topology.components)
        width = std::max(width, ComponentItem::preferredWidth(c, mFont));
    const SceneGeometry geometry = AutoLayout(topology, width).compute();

    QHash<QString, core::Severity> worst;
    for (const auto &d : findings) {
        if (d.componentId.empty())
            continue;
        const QString id = QString::fromStdString(d.componentId);
        if (!worst.contains(id) || d.severity == core::Severity::Error)
            worst.insert(id, d.severity);
    }

    QHash<QString, QRectF> boxes;
    for (const auto &component : topology.components) {
        const QString id = QString::fromStdString(component.id);
        QSizeF size(ComponentItem::preferredWidth(component, mFont), AutoLayout::componentHeight);
        if (auto it = topology.layout.find(component.id); it != topology.layout.end()) {
            if (it->second.width > 0)
                size.setWidth(it->second.width);
            if (it->second.height > 0)
                size.setHeight(it->second.height);
        }
        QRectF box(QPointF(0, 0), size);
        box.moveCenter(geometry.components.value(id).center());
        boxes.insert(id, box);
    }

    SceneItems items;
    for (const auto &region : topology.regions) {
        const QString id = QString::fromStdString(region.id);
        items.regions.push_back(std::make_unique<RegionItem>(region, geometry.regions.value(id)));
    }
    for (const auto &component : topology.components) {
        const QString id = QString::fromStdString(component.id);
        auto item = std::make_unique<ComponentItem>(component, boxes.value(id));
        if (auto it = worst.constFind(id); it != worst.constEnd())
            item->setSeverity(*it);
        items.components.push_back(std::move(item));
    }
    const core::TopologyIndex index(topology);
    for (std::size_t i = 0; i < topology.links.size(); ++i) {
        const QString from = QString::fromStdString(topology.links[i].from);
        const QString to = QString::fromStdString(topology.links[i].to);
        items.links.push_back(std::make_unique<LinkItem>(from, to, index.linkKind(i),
                                                         boxes.value(from), boxes.value(to)));
    }
    return items;
}

} // namespace topolab::app
