#include "linkrouter.h"

#include "gridroute.h"

#include <QLineF>

#include <algorithm>
#include <cmath>

namespace topolab::app {

namespace {

// Where the segment from the centre of `box` towards `towards` leaves the box.
QPointF exitPoint(const QRectF &box, const QPointF &towards)
{
    const QPointF c = box.center();
    const QPointF d = towards - c;
    const qreal tx = std::abs(d.x()) > 1e-9 ? box.width() / 2 / std::abs(d.x()) : 1e9;
    const qreal ty = std::abs(d.y()) > 1e-9 ? box.height() / 2 / std::abs(d.y()) : 1e9;
    return c + d * std::min({tx, ty, 1.0});
}

// The middle of the overlap of [a0, a1] and [b0, b1], or nullopt-like NaN when they are apart.
qreal overlapMiddle(qreal a0, qreal a1, qreal b0, qreal b1)
{
    const qreal low = std::max(a0, b0);
    const qreal high = std::min(a1, b1);
    return high - low >= 16 ? (low + high) / 2 : std::nan("");
}

} // namespace

QPainterPath LinkRouter::route(const QRectF &from, const QRectF &to, LinkStyle style,
                               const QList<QRectF> &obstacles, qreal gap, Search search)
{
    const QRectF a = from.adjusted(-gap, -gap, gap, gap);
    const QRectF b = to.adjusted(-gap, -gap, gap, gap);
    if (style == LinkStyle::Straight)
        return straight(a, b);
    // Tiers one above the other are joined vertically, as in layered network diagrams; when
    // that route would cross a box, the first clear one of the alternatives is taken.
    const bool stacked = b.top() >= a.bottom() || b.bottom() <= a.top();
    const QPainterPath direct = orthogonal(a, b, stacked);
    if (obstacles.isEmpty() || !crosses(direct, obstacles))
        return direct;
    const bool sideBySide = !stacked;
    for (const QPainterPath &candidate :
         {orthogonal(a, b, !stacked), detour(a, b, sideBySide, obstacles),
          detour(a, b, !sideBySide, obstacles)}) {
        if (!candidate.isEmpty() && !crosses(candidate, obstacles))
            return candidate;
    }
    if (search == Search::Off)
        return direct;
    // None of the simple shapes gets past: the shortest route round the boxes, whatever shape.
    const QPainterPath searched = gridRoute(a, b, obstacles, detourClearance);
    if (!searched.isEmpty() && !crosses(searched, obstacles))
        return searched;
    return direct;
}

bool LinkRouter::crosses(const QPainterPath &path, const QList<QRectF> &obstacles)
{
    for (int i = 1; i < path.elementCount(); ++i) {
        const QPointF p = path.elementAt(i - 1);
        const QPointF q = path.elementAt(i);
        const QLineF segment(p, q);
        const qreal left = std::min(p.x(), q.x());
        const qreal right = std::max(p.x(), q.x());
        const qreal top = std::min(p.y(), q.y());
        const qreal bottom = std::max(p.y(), q.y());
        for (const QRectF &box : obstacles) {
            const QRectF inner = box.adjusted(1, 1, -1, -1);
            // Most boxes are nowhere near the segment: no need to intersect their edges.
            if (right < inner.left() || left > inner.right() || bottom < inner.top()
                || top > inner.bottom())
                continue;
            if (inner.contains(p) || inner.contains(q))
                return true;
            const QLineF edges[] = {{inner.topLeft(), inner.topRight()},
                                    {inner.topRight(), inner.bottomRight()},
                                    {inner.bottomRight(), inner.bottomLeft()},
                                    {inner.bottomLeft(), inner.topLeft()}};
            for (const QLineF &edge : edges) {
                if (segment.intersects(edge) == QLineF::BoundedIntersection)
                    return true;
            }
        }
    }
    return false;
}

// The first lane clear of every box that a segment from `low` to `high` along the other axis
// would meet, starting `clearance` beyond `edge` and moving away (`step` +1 or -1) past the boxes
// in the way. Each round steps past the farthest box the lane is in, so the lane does not depend
// on the order of `obstacles`.
static qreal clearLane(qreal edge, int step, qreal low, qreal high, const QList<QRectF> &obstacles,
                       bool horizontalLane)
{
    qreal lane = edge + step * LinkRouter::detourClearance;
    for (int guard = 0; guard < obstacles.size() + 1; ++guard) {
        qreal next = lane;
        for (const QRectF &box : obstacles) {
            const qreal from = horizontalLane ? box.left() : box.top();
            const qreal to = horizontalLane ? box.right() : box.bottom();
            const qreal near = horizontalLane ? box.top() : box.left();
            const qreal far = horizontalLane ? box.bottom() : box.right();
            if (to <= low || from >= high || lane <= near - 2 || lane >= far + 2)
                continue;
            const qreal past = (step > 0 ? far : near) + step * LinkRouter::detourClearance;
            next = step > 0 ? std::max(next, past) : std::min(next, past);
        }
        if (next == lane)
            break;
        lane = next;
    }
    return lane;
}

QPainterPath LinkRouter::detour(const QRectF &a, const QRectF &b, bool horizontal,
                                const QList<QRectF> &obstacles)
{
    QPainterPath first;
    for (const int step : {1, -1}) {
        QPainterPath path;
        if (horizontal) {
            // Under the row (step 1) or over it, in the first lane no box is in.
            // Off-centre ends, so that a link back the other way keeps its own segments.
            const qreal inset
                = std::min(a.width(), b.width()) / 4 * (b.center().x() > a.center().x() ? 1 : -1);
            const qreal xa = a.center().x() + inset;
            const qreal xb = b.center().x() - inset;
            const qreal edge
                = step > 0 ? std::max(a.bottom(), b.bottom()) : std::min(a.top(), b.top());
            const qreal y
                = clearLane(edge, step, std::min(xa, xb), std::max(xa, xb), obstacles, true);
            path.moveTo(xa, step > 0 ? a.bottom() : a.top());
            path.lineTo(xa, y);
            path.lineTo(xb, y);
            path.lineTo(xb, step > 0 ? b.bottom() : b.top());
        } else {
            const qreal inset
                = std::min(a.height(), b.height()) / 4 * (b.center().y() > a.center().y() ? 1 : -1);
            const qreal ya = a.center().y() + inset;
            const qreal yb = b.center().y() - inset;
            const qreal edge
                = step > 0 ? std::max(a.right(), b.right()) : std::min(a.left(), b.left());
            const qreal x
                = clearLane(edge, step, std::min(ya, yb), std::max(ya, yb), obstacles, false);
            path.moveTo(step > 0 ? a.right() : a.left(), ya);
            path.lineTo(x, ya);
            path.lineTo(x, yb);
            path.lineTo(step > 0 ? b.right() : b.left(), yb);
        }
        if (!crosses(path, obstacles))
            return path;
        if (first.isEmpty())
            first = path;
    }
    return first;
}

QPainterPath LinkRouter::straight(const QRectF &a, const QRectF &b)
{
    QPainterPath path(exitPoint(a, b.center()));
    path.lineTo(exitPoint(b, a.center()));
    return path;
}

// Vertically: out of the bottom (or top) of one box, into the top (or bottom) of the other,
// turning twice at the half-way line like a bus in a network diagram, or straight down through
// the overlap when the boxes overlap in x. Horizontally the same with sides. Boxes that overlap
// in the chosen direction get the straight line: nothing orthogonal looks better there.
QPainterPath LinkRouter::orthogonal(const QRectF &a, const QRectF &b, bool vertical)
{
    const QPointF ca = a.center();
    const QPointF cb = b.center();
    QPainterPath path;
    if (vertical) {
        const bool below = cb.y() >= ca.y();
        const qreal startY = below ? a.bottom() : a.top();
        const qreal endY = below ? b.top() : b.bottom();
        if (below ? endY <= startY : endY >= startY)
            return straight(a, b);
        const qreal x = overlapMiddle(a.left(), a.right(), b.left(), b.right());
        if (!std::isnan(x)) {
            path.moveTo(x, startY);
            path.lineTo(x, endY);
            return path;
        }
        const qreal middle = (startY + endY) / 2;
        path.moveTo(ca.x(), startY);
        path.lineTo(ca.x(), middle);
        path.lineTo(cb.x(), middle);
        path.lineTo(cb.x(), endY);
        return path;
    }
    const bool right = cb.x() >= ca.x();
    const qreal startX = right ? a.right() : a.left();
    const qreal endX = right ? b.left() : b.right();
    if (right ? endX <= startX : endX >= startX)
        return straight(a, b);
    const qreal y = overlapMiddle(a.top(), a.bottom(), b.top(), b.bottom());
    if (!std::isnan(y)) {
        path.moveTo(startX, y);
        path.lineTo(endX, y);
        return path;
    }
    const qreal middle = (startX + endX) / 2;
    path.moveTo(startX, ca.y());
    path.lineTo(middle, ca.y());
    path.lineTo(middle, cb.y());
    path.lineTo(endX, cb.y());
    return path;
}

} // namespace topolab::app
