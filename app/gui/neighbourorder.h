#pragma once

#include "core/model/topology.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace topolab::app {

// Who is linked to whom, in both directions, and the row ordering built on it: each box goes
// under the mean x of its already placed neighbours, which keeps links short and mostly
// vertical (the barycentre step of a layered graph layout). Owns the adjacency lists.
class NeighbourOrder
{
public:
    using Position = std::function<std::optional<qreal>(const QString &id)>;

    explicit NeighbourOrder(const core::Topology &topology);

    QStringList neighbours(const QString &id) const { return mNeighbours.value(id); }
    // Reorders `row`; `xOf` gives the x of a component already placed, if it is.
    void sort(std::vector<const core::Component *> &row, const Position &xOf) const;

private:
    QHash<QString, QStringList> mNeighbours;
};

} // namespace topolab::app
