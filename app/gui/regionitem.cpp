#include "regionitem.h"

#include "autolayout.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

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

void RegionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
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
    painter->setPen(pen);
    painter->setBrush(fill);
    if (!detailed) {
        painter->drawRect(box);
        return;
    }
    painter->drawRoundedRect(box, radius, radius);
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

} // namespace topolab::app
