#include "arrowheads.h"

#include <QColor>
#include <QPaintEngine>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QPolygonF>

#include <cmath>
#include <cstdio>

namespace topolab::app {

namespace {

// Sizes are kept to an eighth of a pixel: finer steps would only fill the cache.
long eighths(qreal value)
{
    return std::lround(value * 8);
}

QPixmap headPicture(const QPolygonF &deviceHead, const QColor &colour, qreal penWidth,
                    qreal ratio)
{
    const QRectF bounds = deviceHead.boundingRect();
    // Formatted by hand: a key is made for every head painted, and QString::arg on floating
    // point numbers cost as much as the drawing it saves.
    char key[96];
    std::snprintf(key, sizeof key, "topolab-head:%ld:%ld:%ld:%ld:%ld:%x:%ld",
                  eighths(bounds.width()), eighths(bounds.height()),
                  eighths(deviceHead.at(0).x() - bounds.left()),
                  eighths(deviceHead.at(0).y() - bounds.top()), eighths(penWidth), colour.rgba(),
                  eighths(ratio));
    QPixmap picture;
    if (QPixmapCache::find(QString::fromLatin1(key), &picture))
        return picture;
    // Room round the triangle for its outline and smoothed edge.
    const qreal room = std::ceil(penWidth / 2) + 1;
    const QSizeF size(std::ceil(bounds.width()) + 2 * room, std::ceil(bounds.height()) + 2 * room);
    picture = QPixmap((size * ratio).toSize());
    picture.setDevicePixelRatio(ratio);
    picture.fill(Qt::transparent);
    QPainter painter(&picture);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, penWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(colour);
    painter.drawPolygon(deviceHead.translated(QPointF(room, room) - bounds.topLeft()));
    painter.end();
    QPixmapCache::insert(QString::fromLatin1(key), picture);
    return picture;
}

} // namespace

bool drawArrowHead(QPainter *painter, const QPolygonF &head, const QColor &colour)
{
    const QTransform transform = painter->worldTransform();
    const bool raster
        = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    if (!raster || head.size() != 3 || transform.type() > QTransform::TxScale
        || transform.m11() != transform.m22())
        return false;
    const QPointF axis = head.at(0) - (head.at(1) + head.at(2)) / 2;
    if (std::abs(axis.x()) > 1e-6 && std::abs(axis.y()) > 1e-6)
        return false;
    const QPolygonF deviceHead = transform.map(head);
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    // The outline is one unit wide before the zoom, as LinkItem draws it.
    const qreal penWidth = transform.m11();
    const QPixmap picture = headPicture(deviceHead, colour, penWidth, ratio);
    // On the nearest whole pixel, as the lines are (LinkItem::paint).
    const qreal room = std::ceil(penWidth / 2) + 1;
    const QPointF corner = deviceHead.boundingRect().topLeft() - QPointF(room, room);
    painter->save();
    painter->setWorldTransform(QTransform());
    painter->drawPixmap(QPointF(std::round(corner.x()), std::round(corner.y())), picture);
    painter->restore();
    return true;
}

} // namespace topolab::app
