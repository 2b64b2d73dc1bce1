#include "freespot.h"

#include <cmath>

namespace topolab::app {

namespace {

bool isFree(const QPointF &centre, const QSizeF &size, const QList<QRectF> &taken, qreal margin)
{
    QRectF box(QPointF(0, 0), size);
    box.moveCenter(centre);
    box.adjust(-margin, -margin, margin, margin);
    for (const QRectF &other : taken) {
        if (box.intersects(other))
            return false;
    }
    return true;
}

} // namespace

QPointF FreeSpot::near(const QPointF &preferred, const QSizeF &size, const QList<QRectF> &taken,
                       qreal grid, qreal margin)
{
    const QPointF origin(std::round(preferred.x() / grid) * grid,
                         std::round(preferred.y() / grid) * grid);
    if (isFree(origin, size, taken, margin))
        return origin;
    // Steps of about a box, wider than tall, so neighbours form rows.
    const qreal stepX = std::ceil((size.width() + margin) / grid) * grid;
    const qreal stepY = std::ceil((size.height() + margin) / grid) * grid;
    constexpr int rings = 40;
    for (int ring = 1; ring <= rings; ++ring) {
        // Right and left first, then below and above: a row grows sideways.
        for (int dy = 0; dy <= ring; ++dy) {
            for (int sign : {1, -1}) {
                const int y = sign * dy;
                for (int x : {ring, -ring}) {
                    const QPointF candidate = origin + QPointF(x * stepX, y * stepY);
                    if (isFree(candidate, size, taken, margin))
                        return candidate;
                }
                if (dy == ring) {
                    for (int x = -ring + 1; x < ring; ++x) {
                        const QPointF candidate = origin + QPointF(x * stepX, y * stepY);
                        if (isFree(candidate, size, taken, margin))
                            return candidate;
                    }
                }
                if (dy == 0)
                    break;
            }
        }
    }
    return origin;
}

} // namespace topolab::app
