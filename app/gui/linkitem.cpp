#include "linkitem.h"

#include <QGraphicsScene>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>

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

qreal headLength(core::LinkKind kind)
{
    return kind == core::LinkKind::Tunnel ? 15 : 11;
}

} // namespace

LinkItem::LinkItem(const QString &from, const QString &to, core::LinkKind kind,
                   const QRectF &fromRect, const QRectF &toRect, bool detour)
    : mFrom(from)
    , mTo(to)
    , mKind(kind)
{
    // Beneath the regions, whose translucent fill lets links show through while their
    // opaque label plates stay readable where a link crosses the header.
    setZValue(-1);
    const std::string_view name = core::linkKindName(kind);
    setToolTip(
        tr("%1 → %2 (%3)").arg(from, to, QString::fromUtf8(name.data(), qsizetype(name.size()))));

    constexpr qreal gap = 3; // keeps the arrow tip off the box border
    const QRectF a = fromRect.adjusted(-gap, -gap, gap, gap);
    const QRectF b = toRect.adjusted(-gap, -gap, gap, gap);
    const qreal dx = b.center().x() - a.center().x();
    const bool sameRow = std::abs(b.center().y() - a.center().y()) < a.height() / 2;

    QPointF end;
    QPointF control;
    if (sameRow && detour) {
        const qreal inset = std::min(a.width(), b.width()) / 4 * (dx > 0 ? 1 : -1);
        const QPointF start(a.center().x() + inset, a.bottom());
        end = QPointF(b.center().x() - inset, b.bottom());
        control = QPointF((start.x() + end.x()) / 2,
                          a.bottom() + std::clamp(std::abs(dx) / 5, 28.0, 60.0));
        mPath.moveTo(start);
        mPath.quadTo(control, end);
    } else {
        const QPointF start = exitPoint(a, b.center());
        end = exitPoint(b, a.center());
        control = start;
        mPath.moveTo(start);
        mPath.lineTo(end);
    }

    const QLineF back(end, control);
    const qreal length = headLength(kind);
    QLineF side = back;
    side.setLength(length);
    const QPointF base = side.p2();
    QLineF normal = side.normalVector();
    normal.setLength(length * 0.45);
    const QPointF offset = normal.p2() - normal.p1();
    mHead = QPolygonF({end, base + offset, base - offset});
    // The line stops at the head's base so a thick or dashed pen does not poke through its tip.
    QPainterPath trimmed;
    const qreal total = mPath.length();
    const qreal keep = total > length ? mPath.percentAtLength(total - length * 0.8) : 0;
    trimmed.moveTo(mPath.pointAtPercent(0));
    constexpr int steps = 24;
    if (mPath.elementCount() > 2) {
        for (int i = 1; i <= steps; ++i)
            trimmed.lineTo(mPath.pointAtPercent(keep * i / steps));
    } else {
        trimmed.lineTo(mPath.pointAtPercent(keep));
    }
    mPath = trimmed;
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
