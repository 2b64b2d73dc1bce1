#include "linkitem.h"

#include "arrowheads.h"
#include "bandedfill.h"

#include <QGraphicsScene>
#include <QLineF>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace topolab::app {

namespace {

// The part of `line` inside `rect` as the parameters t0 ≤ t1 along it (Liang–Barsky); false
// when none is.
bool clipLine(const QLineF &line, const QRectF &rect, qreal &t0, qreal &t1)
{
    const qreal p[] = {-line.dx(), line.dx(), -line.dy(), line.dy()};
    const qreal q[] = {line.x1() - rect.left(), rect.right() - line.x1(), line.y1() - rect.top(),
                       rect.bottom() - line.y1()};
    t0 = 0;
    t1 = 1;
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        const qreal t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
    }
    return t0 <= t1;
}

// The dash stroker works along the whole of a line, and a dashed link across the drawing is
// mostly outside the view: only the parts of `segments` in `clip` are drawn, each with the dash
// offset it has along the whole line, so that the pattern stays where it is.
void drawDashedIn(QPainter *painter, QPen pen, const QList<QLineF> &segments, const QRectF &clip)
{
    const qreal unit = pen.widthF() > 0 ? pen.widthF() : 1;
    const qreal offset = pen.dashOffset();
    qreal along = 0;
    for (const QLineF &segment : segments) {
        const qreal length = segment.length();
        qreal t0 = 0;
        qreal t1 = 1;
        if (clipLine(segment, clip, t0, t1)) {
            pen.setDashOffset(offset + along / unit + t0 * length / unit);
            painter->setPen(pen);
            painter->drawLine(QLineF(segment.pointAt(t0), segment.pointAt(t1)));
        }
        along += length;
    }
}

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
    // Selected, a link can be deleted on its own.
    setFlag(ItemIsSelectable);
    // For the exposed rectangle in paint().
    setFlag(ItemUsesExtendedStyleOption);
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
                       const QList<QRectF> &obstacles, LinkRouter::Search search)
{
    prepareGeometryChange();
    if (mOverview)
        mOverview->update(mBounds);
    const QPainterPath route = LinkRouter::route(fromRect, toRect, style, obstacles, 3, search);
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
    mSegments.clear();
    for (int i = 1; i < mPath.elementCount(); ++i)
        mSegments.append(QLineF(mPath.elementAt(i - 1), mPath.elementAt(i)));
    // Asked for on every paint and index update: computed once per route.
    // Room for the selection halo round the widest line a replay draws.
    const qreal margin = 6 + maximumTrafficWidth / 2;
    mBounds = mPath.boundingRect().united(mHead.boundingRect())
                  .adjusted(-margin, -margin, margin, margin);
    if (mOverview)
        mOverview->update(mBounds);
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
    return mBounds;
}

QPainterPath LinkItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath path = stroker.createStroke(mPath);
    path.addPolygon(mHead);
    return path;
}

void LinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    paintLink(painter, option->exposedRect, option->state & QStyle::State_Selected);
}

void LinkItem::setTraffic(std::optional<double> share)
{
    if (share)
        share = std::clamp(*share, 0.0, 1.0);
    if (share == mTraffic)
        return;
    mTraffic = share;
    if (mOverview)
        mOverview->update(mBounds);
    else
        update();
}

QPen LinkItem::linePen(const QPalette &palette) const
{
    QPen linePen = pen(mKind, palette);
    if (mTraffic)
        linePen.setWidthF(linePen.widthF() + maximumTrafficWidth * *mTraffic);
    return linePen;
}

void LinkItem::setDrawnBy(QGraphicsItem *overview)
{
    if (overview == mOverview)
        return;
    mOverview = overview;
    setFlag(ItemHasNoContents, overview != nullptr);
    if (overview)
        overview->update(mBounds);
    else
        update();
}

QVariant LinkItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged && mOverview)
        mOverview->update(mBounds);
    return QGraphicsItem::itemChange(change, value);
}

void LinkItem::paintLink(QPainter *painter, const QRectF &exposed, bool selected) const
{
    const QPen linePen = this->linePen(scene() ? scene()->palette() : QPalette());
    const QTransform &transform = painter->worldTransform();
    const qreal scale = QStyleOptionGraphicsItem::levelOfDetailFromTransform(transform);
    // Far out a link is a hairline and its head a speck: smoothing them shows nothing.
    const bool detailed = scale >= minimumDetailScale;
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    painter->setBrush(Qt::NoBrush);
    if (selected) {
        // A halo under the line, in the selection colour, wide enough to see at any zoom.
        QColor halo = scene() ? scene()->palette().color(QPalette::Highlight) : QColor(Qt::blue);
        halo.setAlphaF(0.45f);
        QPen haloPen(halo, linePen.widthF() + 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter->setPen(haloPen);
        painter->drawPath(mPath);
        painter->setBrush(halo);
        painter->drawPolygon(mHead);
        painter->setBrush(Qt::NoBrush);
    }
    painter->setPen(linePen);
    const bool raster
        = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    if (raster && linePen.style() == Qt::SolidLine && transform.type() <= QTransform::TxScale) {
        // On screen, the segments across and down the canvas are filled as rectangles on
        // whole device pixels: as sharp as a line can be, and the cheapest thing to draw.
        // Smoothed lines cost ten times more, and a thousand links crossing the view made the
        // repaint slow. Reaching half the width beyond each end, the rectangles fill the
        // corners as a join would. Pictures in SVG or PDF keep true lines.
        const qreal width = std::max<qreal>(1, std::round(linePen.widthF() * scale));
        const qreal half = width / 2 / scale;
        QList<QLineF> slanted;
        {
            BandedFill pixels(painter);
            for (const QLineF &segment : std::as_const(mSegments)) {
                if (segment.dx() != 0 && segment.dy() != 0) {
                    slanted.append(segment);
                    continue;
                }
                const QRectF line = QRectF(segment.p1(), segment.p2()).normalized();
                pixels.fill(pixels.devicePixels(line.adjusted(-half, -half, half, half)),
                            linePen.color());
            }
        }
        if (!slanted.isEmpty())
            painter->drawLines(slanted);
    } else if (raster && detailed && !exposed.isEmpty()) {
        // A dot or dash end a few pixels wide looks the same round or square, and square ones
        // the raster engine draws itself instead of through the general stroker.
        QPen dashes = linePen;
        if (dashes.capStyle() == Qt::RoundCap && dashes.widthF() * scale <= 3)
            dashes.setCapStyle(Qt::SquareCap);
        const qreal margin = 2 * linePen.widthF();
        drawDashedIn(painter, dashes, mSegments,
                     exposed.adjusted(-margin, -margin, margin, margin));
    } else if (raster && (linePen.capStyle() != Qt::RoundCap || !detailed)) {
        // Square and flat caps: lines the raster engine draws without the general stroker.
        painter->drawLines(mSegments);
    } else {
        painter->drawPath(mPath);
    }
    // Far out a head is a speck; nearer, most links cross the view with their heads outside it.
    if (!detailed || (!exposed.isEmpty() && !exposed.intersects(mHead.boundingRect())))
        return;
    if (drawArrowHead(painter, mHead, linePen.color()))
        return;
    painter->setPen(QPen(linePen.color(), 1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(linePen.color());
    painter->drawPolygon(mHead);
}

} // namespace topolab::app
