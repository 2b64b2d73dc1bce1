#include "regionitem.h"

#include "bandedfill.h"

#include "autolayout.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneHoverEvent>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace topolab::app {

namespace {

constexpr qreal radius = 14;
constexpr qreal gripSize = 16;
constexpr qreal minimumDetailScale = 0.3;

// The opaque colour of `over` painted on `under`.
QColor blend(const QColor &under, const QColor &over)
{
    const float a = over.alphaF();
    return QColor::fromRgbF(under.redF() * (1 - a) + over.redF() * a,
                            under.greenF() * (1 - a) + over.greenF() * a,
                            under.blueF() * (1 - a) + over.blueF() * a);
}

// The rounded, tinted area with its frame, as drawRoundedRect() would draw it, for screens:
// the straight parts on whole pixels in bands (see BandedFill), the corners smoothed. A region
// fills much of the view, and one smoothed shape that size went to the raster engine's thread
// pool twice per repaint. The parts meet without overlapping, so the see-through colours do
// not darken where they join. False, drawing nothing, where this does not serve.
bool paintArea(QPainter *painter, const QRectF &box, const QPen &pen, const QColor &fill)
{
    const QTransform transform = painter->worldTransform();
    const bool raster
        = painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster;
    if (!raster || pen.style() != Qt::SolidLine || transform.type() > QTransform::TxScale)
        return false;
    const qreal scale = transform.m11();
    // The frame's width on screen: whole pixels in its colour, then one pixel partly covered,
    // in a lighter tone, as smoothing draws it.
    const qreal w = pen.widthF() * scale;
    const int solid = int(std::floor(w));
    const qreal part = w - solid;
    const int thick = solid + (part > 0.02 ? 1 : 0);
    const qreal r = std::round(radius * scale);
    BandedFill pixels(painter);
    const QRectF a = pixels.devicePixels(box.adjusted(-0.5, -0.5, 0.5, 0.5));
    if (r < thick + 1 || a.width() < 2 * r + 1 || a.height() < 2 * r + 1)
        return false;
    QColor faint = pen.color();
    faint.setAlphaF(float(faint.alphaF() * part));
    const qreal across = a.width() - 2 * r;
    const qreal down = a.height() - 2 * r;
    // The four straight sides, from the outer edge inwards.
    for (int i = 0; i < thick; ++i) {
        const QBrush brush(i < solid ? pen.color() : faint);
        pixels.fill(QRectF(a.left() + r, a.top() + i, across, 1), brush);
        pixels.fill(QRectF(a.left() + r, a.bottom() - 1 - i, across, 1), brush);
        pixels.fill(QRectF(a.left() + i, a.top() + r, 1, down), brush);
        pixels.fill(QRectF(a.right() - 1 - i, a.top() + r, 1, down), brush);
    }
    // The inside: a middle column and the two sides.
    pixels.fill(QRectF(a.left() + r, a.top() + thick, across, a.height() - 2 * thick), fill);
    pixels.fill(QRectF(a.left() + thick, a.top() + r, r - thick, down), fill);
    pixels.fill(QRectF(a.right() - r, a.top() + r, r - thick, down), fill);
    // The corners: a quarter disc inside a quarter ring, each r pixels square.
    painter->setRenderHint(QPainter::Antialiasing, true);
    const struct
    {
        QPointF centre;
        int startAngle;
    } corners[] = {{{a.left() + r, a.top() + r}, 90},
                   {{a.right() - r, a.top() + r}, 0},
                   {{a.right() - r, a.bottom() - r}, 270},
                   {{a.left() + r, a.bottom() - r}, 180}};
    const QPen ring(pen.color(), w, Qt::SolidLine, Qt::FlatCap);
    for (const auto &corner : corners) {
        const qreal inner = r - w;
        painter->setPen(Qt::NoPen);
        painter->setBrush(fill);
        painter->drawPie(QRectF(corner.centre - QPointF(inner, inner), QSizeF(2 * inner, 2 * inner)),
                         corner.startAngle * 16, 90 * 16);
        const qreal middle = r - w / 2;
        painter->setPen(ring);
        painter->setBrush(Qt::NoBrush);
        painter->drawArc(QRectF(corner.centre - QPointF(middle, middle),
                                QSizeF(2 * middle, 2 * middle)),
                         corner.startAngle * 16, 90 * 16);
    }
    return true;
}

} // namespace

RegionItem::RegionItem(const core::Region &region, const QRectF &sceneRect)
    : mSize(sceneRect.size())
{
    setPos(sceneRect.topLeft());
    setFlag(ItemIsSelectable);
    setZValue(0);
    setAcceptHoverEvents(true);
    setRegion(region);
}

void RegionItem::setRegion(const core::Region &region)
{
    mId = QString::fromStdString(region.id);
    mLabel = QString::fromStdString(region.label);
    updateToolTip();
    update();
}

void RegionItem::updateToolTip()
{
    setToolTip(mLabel.isEmpty() || mLabel == mId ? mId
                                                 : QStringLiteral("%1 (%2)").arg(mLabel, mId));
}

void RegionItem::setRect(const QRectF &sceneRect)
{
    if (sceneRect.size() != mSize) {
        prepareGeometryChange();
        mSize = sceneRect.size();
    }
    setPos(sceneRect.topLeft());
}

void RegionItem::setDropTarget(bool target)
{
    if (target == mDropTarget)
        return;
    mDropTarget = target;
    update();
}

QRectF RegionItem::gripRect() const
{
    if (!mResizable || !isSelected())
        return {};
    return QRectF(mSize.width() - gripSize, mSize.height() - gripSize, gripSize, gripSize);
}

QVariant RegionItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    // The grip belongs to the shape only while selected.
    if (change == ItemSelectedChange)
        prepareGeometryChange();
    return QGraphicsItem::itemChange(change, value);
}

void RegionItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    if (gripRect().contains(event->pos()))
        setCursor(Qt::SizeFDiagCursor);
    else
        unsetCursor();
    QGraphicsItem::hoverMoveEvent(event);
}

QRectF RegionItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), mSize).adjusted(-2, -2, 2, 2);
}

// Only the header and the border: the inside belongs to the links and components drawn there,
// whose tool tips would otherwise be hidden by the region's.
QPainterPath RegionItem::shape() const
{
    const QRectF box(QPointF(0, 0), mSize);
    QPainterPath outline;
    outline.addRoundedRect(box, radius, radius);
    QPainterPathStroker stroker;
    stroker.setWidth(8);
    QPainterPath path = stroker.createStroke(outline);
    QPainterPath header;
    header.addRect(QRectF(0, 0, mSize.width(), AutoLayout::regionHeader * 0.8));
    if (const QRectF grip = gripRect(); !grip.isEmpty())
        header.addRect(grip);
    // united(), not addRect(): the odd-even fill would cut the overlaps out.
    return path.united(header);
}

void RegionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const qreal scale
        = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    // Far out the corners are a pixel round and the label unreadable (as for components).
    const bool detailed = scale >= minimumDetailScale;
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    const QRectF box = QRectF(QPointF(0, 0), mSize).adjusted(0.5, 0.5, -0.5, -0.5);

    const bool selected = option->state & QStyle::State_Selected;
    QColor fill = palette.color(QPalette::Highlight);
    fill.setAlphaF(mDropTarget ? 0.16f : 0.06f);
    QColor border = palette.color(QPalette::Highlight);
    border.setAlphaF(selected || mDropTarget ? 1.0f : 0.45f);
    QPen pen(border, selected || mDropTarget ? 2.5 : 1.5);
    if (mDropTarget)
        pen.setStyle(Qt::DashLine);
    if (!detailed && painter->worldTransform().type() <= QTransform::TxScale) {
        // A tinted area in a hairline frame, on whole pixels, named in small screen-sized
        // text where it is wide enough: far out, the regions are what the eye finds its way by.
        QRectF area;
        {
            BandedFill pixels(painter);
            area = pixels.devicePixels(box);
            pixels.fill(area.adjusted(1, 1, -1, -1), fill);
            pixels.frame(area, border);
        }
        // Not in a thumbnail of the drawing (the overview): there the name covers what it names.
        const QWidget *view = widget ? widget->parentWidget() : nullptr;
        if (!view || !view->property("thumbnail").toBool())
            paintFarLabel(painter, area, palette);
        return;
    }
    if (!paintArea(painter, box, pen, fill)) {
        painter->setPen(pen);
        painter->setBrush(fill);
        painter->drawRoundedRect(box, radius, radius);
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    if (selected && mResizable) {
        // Three diagonal strokes, the usual size-grip look.
        const QRectF grip = gripRect();
        painter->setPen(QPen(palette.color(QPalette::Highlight), 1.6, Qt::SolidLine, Qt::RoundCap));
        for (int i = 1; i <= 3; ++i) {
            const qreal d = i * grip.width() / 4;
            painter->drawLine(QPointF(grip.right() - d, grip.bottom() - 3),
                              QPointF(grip.right() - 3, grip.bottom() - d));
        }
    }

    QFont titleFont = scene() ? scene()->font() : QFont();
    titleFont.setBold(true);
    // Zoomed out, the header grows against the zoom as the component labels do.
    const qreal grow = std::clamp(1 / scale, 1.0, 1.4);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1 * grow);
    QFont idFont = scene() ? scene()->font() : QFont();
    idFont.setPointSizeF(idFont.pointSizeF() * grow);
    const QFontMetricsF titleMetrics(titleFont);
    const QFontMetricsF idMetrics(idFont);

    const qreal left = AutoLayout::regionPadding;
    // Centred in the upper part of the header, so links arriving at the first row of boxes
    // keep their arrow heads clear of the label plate.
    const qreal middle = AutoLayout::regionHeader * 0.42;
    const qreal baseline = middle + (titleMetrics.ascent() - titleMetrics.descent()) / 2;
    const qreal available = mSize.width() - 2 * left;
    const QString title = mLabel.isEmpty() ? mId : mLabel;
    const QString elided = titleMetrics.elidedText(title, Qt::ElideRight, available);
    // The id is what links and scenarios name, so show it whenever the label differs from it.
    const bool showId = !mLabel.isEmpty() && mLabel != mId && elided == title;
    const qreal idX = left + titleMetrics.horizontalAdvance(elided) + 8;
    const QString id
        = showId ? idMetrics.elidedText(mId, Qt::ElideRight, available - (idX - left)) : QString();
    const qreal textRight = showId ? idX + idMetrics.horizontalAdvance(id) : idX - 8;

    const QRectF plate(left - 6, baseline - titleMetrics.ascent() - 2, textRight - left + 12,
                       titleMetrics.ascent() + titleMetrics.descent() + 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(blend(palette.color(QPalette::Window), fill));
    painter->drawRoundedRect(plate, 4, 4);

    painter->setFont(titleFont);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QPointF(left, baseline), elided);
    if (showId) {
        painter->setFont(idFont);
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(QPointF(idX, baseline), id);
    }
}

void RegionItem::paintFarLabel(QPainter *painter, const QRectF &deviceArea,
                               const QPalette &palette) const
{
    QFont font = scene() ? scene()->font() : QFont();
    font.setBold(true);
    const QFontMetricsF metrics(font);
    const qreal margin = 4;
    const QString title = metrics.elidedText(mLabel.isEmpty() ? mId : mLabel, Qt::ElideRight,
                                             deviceArea.width() - 2 * margin);
    if (deviceArea.height() < 2 * metrics.height() || title.size() < 3)
        return;
    painter->save();
    painter->setWorldTransform(QTransform());
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QPointF(deviceArea.left() + margin, deviceArea.top() + margin
                                                              + metrics.ascent()),
                      title);
    painter->restore();
}

} // namespace topolab::app
