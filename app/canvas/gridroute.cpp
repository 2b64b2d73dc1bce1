#include "gridroute.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace topolab::app {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;

std::vector<qreal> sortedUnique(std::vector<qreal> values)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end(),
                             [](qreal a, qreal b) { return std::abs(a - b) < 0.5; }),
                 values.end());
    return values;
}

bool inside(const QRectF &box, QPointF p)
{
    return p.x() > box.left() && p.x() < box.right() && p.y() > box.top() && p.y() < box.bottom();
}

// Whether the axis-parallel segment p–q passes through the inside of a box.
bool blocked(QPointF p, QPointF q, const QList<QRectF> &boxes)
{
    const qreal left = std::min(p.x(), q.x());
    const qreal right = std::max(p.x(), q.x());
    const qreal top = std::min(p.y(), q.y());
    const qreal bottom = std::max(p.y(), q.y());
    for (const QRectF &box : boxes) {
        if (right > box.left() && left < box.right() && bottom > box.top() && top < box.bottom())
            return true;
        if (left == right && left > box.left() && left < box.right() && top < box.bottom()
            && bottom > box.top())
            return true;
        if (top == bottom && top > box.top() && top < box.bottom() && left < box.right()
            && right > box.left())
            return true;
    }
    return false;
}

// Where the path leaving `box` from its centre first crosses its border.
QPointF borderPoint(const QRectF &box, QPointF inner, QPointF outer)
{
    if (inner.x() == outer.x())
        return {inner.x(), outer.y() > inner.y() ? box.bottom() : box.top()};
    return {outer.x() > inner.x() ? box.right() : box.left(), inner.y()};
}

} // namespace

QPainterPath gridRoute(const QRectF &from, const QRectF &to, const QList<QRectF> &obstacles,
                       qreal clearance, qreal bendCost)
{
    // A search among many boxes (a region of a hundred servers) costs milliseconds per link,
    // and a drag reroutes hundreds of links per step: there the simpler shapes have to do.
    constexpr qsizetype maximumWalls = 32;
    if (from.intersects(to) || obstacles.size() > maximumWalls)
        return {};
    // The boxes in the way, grown by the clearance: routes run along their borders.
    QList<QRectF> walls;
    for (const QRectF &box : obstacles) {
        if (!box.intersects(from) && !box.intersects(to))
            walls.append(box.adjusted(-clearance, -clearance, clearance, clearance));
    }
    const QPointF start = from.center();
    const QPointF end = to.center();
    std::vector<qreal> xs{start.x(), end.x(), from.left() - clearance, from.right() + clearance,
                          to.left() - clearance, to.right() + clearance};
    std::vector<qreal> ys{start.y(), end.y(), from.top() - clearance, from.bottom() + clearance,
                          to.top() - clearance, to.bottom() + clearance};
    for (const QRectF &wall : std::as_const(walls)) {
        xs.insert(xs.end(), {wall.left(), wall.right()});
        ys.insert(ys.end(), {wall.top(), wall.bottom()});
    }
    xs = sortedUnique(std::move(xs));
    ys = sortedUnique(std::move(ys));
    const std::size_t columns = xs.size();
    const std::size_t rows = ys.size();
    // Two vertices per grid point, one travelling across and one down: turning is the edge
    // between them, which is what makes bends cost.
    const auto vertex = [columns](std::size_t row, std::size_t column, bool down) {
        return 2 * (row * columns + column) + (down ? 1 : 0);
    };
    Graph graph(2 * rows * columns);
    std::vector<bool> open(rows * columns);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            const QPointF p(xs[c], ys[r]);
            open[r * columns + c] = std::none_of(walls.begin(), walls.end(),
                                                 [p](const QRectF &w) { return inside(w, p); });
        }
    }
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            if (!open[r * columns + c])
                continue;
            const QPointF p(xs[c], ys[r]);
            boost::add_edge(vertex(r, c, false), vertex(r, c, true), bendCost, graph);
            if (c + 1 < columns && open[r * columns + c + 1]
                && !blocked(p, QPointF(xs[c + 1], ys[r]), walls))
                boost::add_edge(vertex(r, c, false), vertex(r, c + 1, false), xs[c + 1] - xs[c],
                                graph);
            if (r + 1 < rows && open[(r + 1) * columns + c]
                && !blocked(p, QPointF(xs[c], ys[r + 1]), walls))
                boost::add_edge(vertex(r, c, true), vertex(r + 1, c, true), ys[r + 1] - ys[r],
                                graph);
        }
    }
    const auto index = [](const std::vector<qreal> &values, qreal value) {
        return std::size_t(std::min_element(values.begin(), values.end(),
                                            [value](qreal a, qreal b) {
                                                return std::abs(a - value) < std::abs(b - value);
                                            })
                           - values.begin());
    };
    const std::size_t r0 = index(ys, start.y()), c0 = index(xs, start.x());
    const std::size_t r1 = index(ys, end.y()), c1 = index(xs, end.x());
    if (!open[r0 * columns + c0] || !open[r1 * columns + c1])
        return {};

    // Leaving across or down costs the same: search from the across vertex, whose bend edge to
    // the down one is made free for the start.
    const std::size_t source = vertex(r0, c0, false);
    boost::remove_edge(vertex(r0, c0, false), vertex(r0, c0, true), graph);
    boost::add_edge(vertex(r0, c0, false), vertex(r0, c0, true), 0.0, graph);
    std::vector<std::size_t> previous(boost::num_vertices(graph));
    std::vector<double> distance(boost::num_vertices(graph));
    boost::dijkstra_shortest_paths(
        graph, source,
        boost::predecessor_map(previous.data()).distance_map(distance.data()));
    std::size_t target = vertex(r1, c1, false);
    if (distance[vertex(r1, c1, true)] < distance[target])
        target = vertex(r1, c1, true);
    if (distance[target] >= std::numeric_limits<double>::max() / 2)
        return {};

    // Back from the end, one point per grid point, bends kept, straight runs merged.
    std::vector<QPointF> points;
    for (std::size_t v = target;; v = previous[v]) {
        const std::size_t cell = v / 2;
        const QPointF p(xs[cell % columns], ys[cell / columns]);
        if (points.empty() || points.back() != p)
            points.push_back(p);
        if (v == source || previous[v] == v)
            break;
    }
    std::reverse(points.begin(), points.end());
    std::vector<QPointF> corners;
    for (const QPointF &p : points) {
        while (corners.size() >= 2) {
            const QPointF &a = corners[corners.size() - 2];
            const QPointF &b = corners.back();
            const bool straight = (a.x() == b.x() && b.x() == p.x()) || (a.y() == b.y() && b.y() == p.y());
            if (!straight)
                break;
            corners.pop_back();
        }
        corners.push_back(p);
    }
    // From the borders of the two boxes, not their centres.
    std::size_t first = 0;
    while (first + 1 < corners.size() && from.contains(corners[first + 1]))
        ++first;
    std::size_t last = corners.size() - 1;
    while (last > first + 1 && to.contains(corners[last - 1]))
        --last;
    if (last <= first)
        return {};
    QPainterPath path(borderPoint(from, corners[first], corners[first + 1]));
    for (std::size_t i = first + 1; i < last; ++i)
        path.lineTo(corners[i]);
    path.lineTo(borderPoint(to, corners[last], corners[last - 1]));
    return path;
}

} // namespace topolab::app
