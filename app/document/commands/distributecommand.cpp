#include "distributecommand.h"

#include "../elementgeometry.h"
#include "../stdstrings.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace topolab::app {

DistributeCommand::DistributeCommand(TopologyDocument *document, const QStringList &ids,
                                     TopologyDocument::Distribution distribution,
                                     const QHash<QString, QSizeF> &sizes)
    : LayoutBoxesCommand(document,
                         distribution == TopologyDocument::Distribution::Horizontal
                             ? tr("Distribute horizontally")
                             : tr("Distribute vertically"),
                         distribute(document->topology(), ids, distribution, sizes))
{
}

BoxChanges DistributeCommand::distribute(const core::Topology &topology, const QStringList &ids,
                                         TopologyDocument::Distribution distribution,
                                         const QHash<QString, QSizeF> &sizes)
{
    const bool horizontal = distribution == TopologyDocument::Distribution::Horizontal;
    const auto along = [horizontal](const QRectF &r) {
        return horizontal ? r.center().x() : r.center().y();
    };
    std::vector<std::pair<std::string, QRectF>> items;
    for (const QString &id : ids) {
        const std::string key = toStd(id);
        const bool seen = std::any_of(items.begin(), items.end(),
                                      [&](const auto &item) { return item.first == key; });
        if (auto rect = ElementGeometry::rect(topology, key, sizes); rect && !seen)
            items.emplace_back(key, *rect);
    }
    if (items.size() < 3)
        return {};
    std::sort(items.begin(), items.end(), [&](const auto &a, const auto &b) {
        const double pa = along(a.second);
        const double pb = along(b.second);
        return pa != pb ? pa < pb : a.first < b.first;
    });
    const double first = along(items.front().second);
    const double step = (along(items.back().second) - first) / double(items.size() - 1);
    std::map<std::string, QPointF> positions;
    for (std::size_t i = 1; i + 1 < items.size(); ++i) {
        QRectF rect = items[i].second;
        const double centre = std::round(first + step * double(i));
        rect.moveCenter(horizontal ? QPointF(centre, rect.center().y())
                                   : QPointF(rect.center().x(), centre));
        positions.emplace(items[i].first,
                          ElementGeometry::position(topology, items[i].first, rect));
    }
    return movesTo(topology, positions);
}

} // namespace topolab::app
