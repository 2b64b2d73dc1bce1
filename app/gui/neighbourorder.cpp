#include "neighbourorder.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace topolab::app {

namespace {

constexpr qreal unplaced = std::numeric_limits<qreal>::infinity();

} // namespace

NeighbourOrder::NeighbourOrder(const core::Topology &topology)
{
    for (const auto &link : topology.links) {
        const QString from = QString::fromStdString(link.from);
        const QString to = QString::fromStdString(link.to);
        mNeighbours[from].append(to);
        mNeighbours[to].append(from);
    }
}

void NeighbourOrder::sort(std::vector<const core::Component *> &row, const Position &xOf) const
{
    const auto mean = [this](const QString &id, const auto &positionOf) {
        qreal sum = 0;
        int n = 0;
        for (const QString &other : mNeighbours.value(id)) {
            if (const std::optional<qreal> x = positionOf(other)) {
                sum += *x;
                ++n;
            }
        }
        return n ? sum / n : unplaced;
    };

    std::vector<std::pair<qreal, const core::Component *>> keyed;
    QHash<QString, qreal> keyOf;
    for (const core::Component *c : row) {
        const QString id = QString::fromStdString(c->id);
        keyed.emplace_back(mean(id, xOf), c);
        keyOf.insert(id, keyed.back().first);
    }
    // A member linked only to others of this row (a backup target between its backups) goes
    // to the mean of their positions; one with no placed neighbour at all keeps file order, last.
    const auto keyInRow = [&keyOf](const QString &id) -> std::optional<qreal> {
        const qreal key = keyOf.value(id, unplaced);
        return std::isinf(key) ? std::nullopt : std::optional(key);
    };
    for (auto &[key, c] : keyed) {
        if (std::isinf(key))
            key = mean(QString::fromStdString(c->id), keyInRow);
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (std::size_t i = 0; i < row.size(); ++i)
        row[i] = keyed[i].second;
}

} // namespace topolab::app
