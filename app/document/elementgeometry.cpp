#include "elementgeometry.h"

#include "stdstrings.h"

#include <algorithm>
#include <cmath>

namespace topolab::app {

std::optional<QRectF> ElementGeometry::rect(const core::Topology &topology, const std::string &id,
                                            const QHash<QString, QSizeF> &sizes)
{
    const auto it = topology.layout.find(id);
    if (it == topology.layout.end() || !topology.hasId(id))
        return std::nullopt;
    const core::LayoutBox &box = it->second;
    const bool isRegion = topology.region(id) != nullptr;
    QSizeF size(box.width > 0 ? box.width : (isRegion ? defaultRegionWidth : defaultComponentWidth),
                box.height > 0 ? box.height
                               : (isRegion ? defaultRegionHeight : defaultComponentHeight));
    if (const auto hint = sizes.constFind(toQString(id)); hint != sizes.constEnd())
        size = *hint;
    if (isRegion)
        return QRectF(QPointF(box.x, box.y), size);
    return QRectF(QPointF(box.x - size.width() / 2, box.y - size.height() / 2), size);
}

QPointF ElementGeometry::position(const core::Topology &topology, const std::string &id,
                                  const QRectF &rect)
{
    return topology.region(id) ? rect.topLeft() : rect.center();
}

double ElementGeometry::bounded(double value)
{
    constexpr double limit = 1e7;
    return std::isnan(value) ? 0.0 : std::clamp(value, -limit, limit);
}

} // namespace topolab::app
