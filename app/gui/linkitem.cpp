#include "linkitem.h"

#include <QGraphicsScene>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>

#include <algorithm>

namespace topolab::app {

namespace {

qreal headLength(core::LinkKind kind)
{
    return kind == core::LinkKind::Tunnel ? 15 : 11;
}

} // namespace

LinkItem::LinkItem(const QString &from, const QString &to, core::LinkKind kind,
                   const QRectF &fromRect, const QRectF &toRect, LinkStyle style)
    : mFrom(from)
    , mTo(to)
    , mKind(kind)
{
    // Beneath the regions, whose translucent fill lets links show through while their
    // opaque label plates stay readable where a link crosses the header.
    setZValue(-1);
    updateToolTip();
    setEnds(fromRect, toRect, style);
}

void LinkItem::setEndIds(const QString &from, const QString &to)
{
    mFrom = from;
    mTo = to;
    updateToolTip();
}

void LinkItem::updateToolTip()
{
    const std::string_view name = core::linkKindName(mKind);
    setToolTip(tr("%1 → %2 (%3 link)")
                   .arg(mFrom, mTo, QString::fromUtf8(name.data(), qsizetype(name.size()))));
}

void LinkItem::setEnds(const QRectF &fromRect, const QRectF &toRect, LinkStyle style,
                       const QList<QRectF> &obstacles)
{
    prepareGeometryChange();
    const QPainterPath route = LinkRouter::route(fromRect, toRect, style, obstacles);
    const int count = route.elementCount();
    const QPointF end = route.elementAt(count - 1);
    const QPointF before = route.elementAt(count - 2);

    const qreal length = headLength(mKind);
    QLineF side(end, before);
    side.setLength(length);
    const QPointF base = side.p2();
    QLineF normal = side.normalVector();
    normal.setLength(length * 0.45);
    const QPointF offset = normal.p2() - normal.p1();
    mHead = QPolygonF({end, base + offset, base - offset});

    // The line stops inside the head's base so a thick or dashed pen does not poke through its
    // tip. The last segment is at least as long as the gap the router leaves, so shortening it
    // keeps the path's shape.
    mPath = QPainterPath(route.elementAt(0));
    for (int i = 1; i < count - 1; ++i)
        mPath.lineTo(route.elementAt(i));
    QLineF last(before, end);
    last.setLength(std::max<qreal>(0, last.length() - length * 0.8));
    mPath.lineTo(last.p2());
}

QPen LinkItem::pen(core::LinkKind kind, const QPalette &palette)
{
    QPen pen;
    switch (kind) {
    case core::LinkKind::Request:
        pen = QPen(palette.color(QPalette::Text), 1.6);
        break;
    case core::LinkKind::Replication:
        pen = QPen(QColor(0x1f, 0x6f, 0xd1), 2.0);
        pen.setDashPattern({4, 2.5});
        break;
    case core::LinkKind::Storage:
        pen = QPen(QColor(0x8a, 0x8a, 0x8a), 2.2);
        pen.setCapStyle(Qt::RoundCap);
        pen.setDashPattern({0.01, 2.2});
        break;
    case core::LinkKind::Backup:
        pen = QPen(QColor(0x2e, 0x9a, 0x47), 2.0);
        pen.setCapStyle(Qt::RoundCap);
        pen.setDashPattern({5, 2.5, 0.01, 2.5});
        break;
    case core::LinkKind::Tunnel:
        pen = QPen(QColor(0xe6, 0x7e, 0x00), 4.0);
        pen.setCapStyle(Qt::FlatCap);
        pen.setDashPattern({3, 1.5});
        break;
    }
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

QRectF LinkItem::boundingRect() const
{
    return mPath.boundingRect().united(mHead.boundingRect()).adjusted(-6, -6, 6, 6);
}

QPainterPath LinkItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath path = stroker.createStroke(mPath);
    path.addPolygon(mHead);
    return path;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPen linePen = pen(mKind, scene() ? scene()->palette() : QPalette());
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(linePen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(mPath);
    painter->setPen(QPen(linePen.color(), 1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(linePen.color());
    painter->drawPolygon(mHead);
}

} // namespace topolab::app
