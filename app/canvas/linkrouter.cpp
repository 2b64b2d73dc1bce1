#include "linkrouter.h"

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

QPainterPath LinkRouter::route(const QRectF &from, const QRectF &to, LinkStyle style, qreal gap)
{
    const QRectF a = from.adjusted(-gap, -gap, gap, gap);
    const QRectF b = to.adjusted(-gap, -gap, gap, gap);
    return style == LinkStyle::Straight ? straight(a, b) : orthogonal(a, b);
}

QPainterPath LinkRouter::straight(const QRectF &a, const QRectF &b)
{
    QPainterPath path(exitPoint(a, b.center()));
    path.lineTo(exitPoint(b, a.center()));
    return path;
}

// Boxes stacked vertically are joined by vertical segments, boxes side by side by horizontal
// ones; where the boxes overlap in x (or y) one straight segment runs through the overlap,
// otherwise the link turns twice at the half-way line, like a bus in a network diagram.
QPainterPath LinkRouter::orthogonal(const QRectF &a, const QRectF &b)
{
    const QPointF ca = a.center();
    const QPointF cb = b.center();
    const bool below = b.top() >= a.bottom();
    const bool above = b.bottom() <= a.top();
    const bool vertical = (below || above)
                          && (b.left() > a.right() || b.right() < a.left()
                                  ? std::abs(cb.y() - ca.y()) >= std::abs(cb.x() - ca.x()) * 0.3
                                  : true);
    QPainterPath path;
    if (vertical) {
        const qreal startY = below ? a.bottom() : a.top();
        const qreal endY = below ? b.top() : b.bottom();
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
    if (right ? endX <= startX : endX >= startX) {
        // The boxes overlap: nothing orthogonal looks better than the straight line.
        return straight(a, b);
    }
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
