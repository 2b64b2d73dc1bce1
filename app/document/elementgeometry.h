#pragma once

#include "core/model/topology.h"

#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <optional>
#include <string>

namespace topolab::app {

// Reads the canvas rectangle of an element from its layout box, for alignment and
// distribution: a component's box gives its centre, a region's its top-left and size. Sizes
// the file leaves at 0 ("the view's default") come from the canvas when it passes them, else
// from the defaults below. Holds nothing.
class ElementGeometry
{
public:
    static constexpr qreal defaultComponentWidth = 160;
    static constexpr qreal defaultComponentHeight = 60;
    static constexpr qreal defaultRegionWidth = 400;
    static constexpr qreal defaultRegionHeight = 300;

    // Nullopt when `id` is unknown or has no layout box.
    static std::optional<QRectF> rect(const core::Topology &topology, const std::string &id,
                                      const QHash<QString, QSizeF> &sizes);
    // The position moveElements() takes to put `id` at `rect`: a component's centre, a region's
    // top-left.
    static QPointF position(const core::Topology &topology, const std::string &id,
                            const QRectF &rect);
    // A coordinate the file format accepts (|v| <= 1e7, as core's reader requires); 0 for NaN.
    static double bounded(double value);
};

} // namespace topolab::app
