#include "componentitem.h"

#include "kindicons.h"

#include "document/stdstrings.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneHoverEvent>
#include <QLocale>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace topolab::app {

namespace {

constexpr qreal radius = 8;
constexpr qreal padding = 9;
constexpr qreal iconSize = 34;
constexpr qreal textLeft = padding + iconSize + 9;
constexpr qreal badgeRadius = 9;
constexpr qreal minimumDetailScale = 0.3;
constexpr qreal handleRadius = 7;
constexpr qreal maximumTextGrowth = 1.4;
constexpr qreal markWidth = 4;


QFont idFont(QFont font)
{
    font.setBold(true);
    return font;
}

QFont titleFont(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

} // namespace

ComponentItem::ComponentItem(const core::Component &component, const QRectF &sceneRect)
    : mKind(component.kind)
    , mSize(sceneRect.size())
{
    setPos(sceneRect.topLeft());
    setFlag(ItemIsSelectable);
    setZValue(2);
    // Its text and icon are laid out and drawn once per zoom and state, then copied: a moving
    // box, or a repaint of many, costs a copy of pixels.
    setCacheMode(DeviceCoordinateCache);
    setComponent(component);
}

void ComponentItem::setComponent(const core::Component &component)
{
    mId = QString::fromStdString(component.id);
    mKind = component.kind;
    mTitle = toQString(core::kindTitle(component.kind));
    mLabel = QString::fromStdString(component.label);
    mRegion = QString::fromStdString(component.region);
    updateToolTip();
    refresh();
}

void ComponentItem::refresh()
{
    // Qt keeps one record per item of what needs redrawing but one cached picture per view:
    // after update() the first view to paint (the overview, often) redraws its picture and
    // clears the record, and the canvas goes on showing the old one, a ring or a badge that
    // is gone. Dropping the cache makes every view draw the item afresh.
    setCacheMode(NoCache);
    setCacheMode(DeviceCoordinateCache);
    update();
}

QVariant ComponentItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged)
        refresh();
    return QGraphicsItem::itemChange(change, value);
}

void ComponentItem::setBoxRect(const QRectF &sceneRect)
{
    if (sceneRect.size() != mSize) {
        prepareGeometryChange();
        mSize = sceneRect.size();
    }
    setPos(sceneRect.topLeft());
}

void ComponentItem::setFindings(const QStringList &messages)
{
    mFindings = messages;
    updateToolTip();
}

void ComponentItem::setMark(Mark mark)
{
    if (mark == mMark)
        return;
    mMark = mark;
    refresh();
}

void ComponentItem::setHandleEnabled(bool enabled)
{
    mHandleEnabled = enabled;
    setAcceptHoverEvents(enabled);
    if (!enabled && mHovered) {
        mHovered = false;
        unsetCursor();
        refresh();
    }
}

// A round knob on the middle of the right edge, as in node editors: links leave from there.
QRectF ComponentItem::handleRect() const
{
    const qreal r = handleRadius * mHandleScale;
    return QRectF(mSize.width() - r, mSize.height() / 2 - r, 2 * r, 2 * r);
}

void ComponentItem::setHandleScale(qreal scale)
{
    if (qFuzzyCompare(scale, mHandleScale))
        return;
    prepareGeometryChange();
    mHandleScale = scale;
}

void ComponentItem::setSimState(std::optional<sim::ComponentState> state)
{
    if (state == sim::ComponentState::Up)
        state.reset();
    if (state == mSimState)
        return;
    mSimState = state;
    updateToolTip();
    refresh();
}

void ComponentItem::setSimLoad(std::optional<ComponentLoad> load)
{
    const auto same = [](const std::optional<ComponentLoad> &a,
                         const std::optional<ComponentLoad> &b) {
        return a.has_value() == b.has_value()
               && (!a || (a->utilization == b->utilization && a->servedPerS == b->servedPerS));
    };
    if (same(load, mSimLoad))
        return;
    mSimLoad = load;
    updateToolTip();
    refresh();
}

void ComponentItem::setDeployMark(std::optional<DeployMark> mark)
{
    if (mark == mDeployMark)
        return;
    mDeployMark = mark;
    updateToolTip();
    refresh();
}

QColor ComponentItem::loadColour(double utilization)
{
    if (utilization < 0.7)
        return QColor(0x2e, 0x9a, 0x47);
    if (utilization < 0.9)
        return QColor(0xe6, 0x7e, 0x00);
    return QColor(0xd3, 0x2f, 0x2f);
}

QColor ComponentItem::stateColour(sim::ComponentState state)
{
    switch (state) {
    case sim::ComponentState::Up:
        return QColor(0x2e, 0x9a, 0x47);
    case sim::ComponentState::Down:
        return QColor(0xd3, 0x2f, 0x2f);
    case sim::ComponentState::Silent:
        return QColor(0x8e, 0x24, 0xaa);
    case sim::ComponentState::Degraded:
        return QColor(0xe6, 0x7e, 0x00);
    case sim::ComponentState::Booting:
        return QColor(0x1f, 0x6f, 0xd1);
    case sim::ComponentState::Draining:
        return QColor(0x75, 0x75, 0x75);
    case sim::ComponentState::Sick:
        return QColor(0xad, 0x14, 0x57);
    }
    return {};
}

void ComponentItem::updateToolTip()
{
    QString tip = QStringLiteral("<b>%1</b> — %2").arg(mId.toHtmlEscaped(), mTitle);
    if (mSimState)
        tip += QStringLiteral("<br><b>%1</b>")
                   .arg(tr("At this moment of the replay: %1")
                            .arg(QString::fromLatin1(sim::componentStateName(*mSimState))));
    if (mDeployMark)
        tip += QStringLiteral("<br><b>%1</b>")
                   .arg(tr("Deploy: %1").arg(DeployBadge::name(*mDeployMark)));
    if (mSimLoad) {
        const QLocale locale;
        const QString served = tr("%1 served per second")
                                   .arg(locale.toString(mSimLoad->servedPerS, 'f', 0));
        tip += QStringLiteral("<br>")
               + (mSimLoad->utilization
                      ? tr("%1 % busy, %2")
                            .arg(locale.toString(*mSimLoad->utilization * 100, 'f', 0), served)
                      : served);
    }
    if (!mLabel.isEmpty())
        tip += QStringLiteral("<br>") + mLabel.toHtmlEscaped();
    if (!mRegion.isEmpty())
        tip += QStringLiteral("<br>") + tr("Region: %1").arg(mRegion.toHtmlEscaped());
    for (const QString &finding : mFindings)
        tip += QStringLiteral("<br>• ") + finding.toHtmlEscaped();
    if (mHandleEnabled)
        tip += QStringLiteral("<br><i>%1</i>")
                   .arg(tr("Drag the knob on the right edge to another component to link them."));
    setToolTip(tip);
}

void ComponentItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    mHovered = true;
    refresh();
    QGraphicsItem::hoverEnterEvent(event);
}

void ComponentItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    const bool onHandle = handleRect().adjusted(-3, -3, 3, 3).contains(event->pos());
    if (onHandle)
        setCursor(Qt::CrossCursor);
    else
        unsetCursor();
    QGraphicsItem::hoverMoveEvent(event);
}

void ComponentItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    mHovered = false;
    unsetCursor();
    refresh();
    QGraphicsItem::hoverLeaveEvent(event);
}

qreal ComponentItem::preferredWidth(const core::Component &component, const QFont &font)
{
    const qreal idWidth
        = QFontMetricsF(idFont(font)).horizontalAdvance(QString::fromStdString(component.id));
    const qreal titleWidth = QFontMetricsF(titleFont(font))
                                 .horizontalAdvance(toQString(core::kindTitle(component.kind)));
    // Room for the text as it is drawn zoomed out (see paint()).
    const qreal needed
        = textLeft + std::max(idWidth, titleWidth) * maximumTextGrowth + padding + badgeRadius;
    return std::clamp(std::ceil(needed), minimumWidth, maximumWidth);
}

void ComponentItem::setSeverity(std::optional<core::Severity> severity)
{
    mSeverity = severity;
    refresh();
}

QRectF ComponentItem::boundingRect() const
{
    // The badge sits on the top-right corner (a deploy's on the top-left) and the handle on the
    // right edge, half outside the box; a mark rings the box.
    const qreal outside = std::max(markWidth + 3, handleRadius * mHandleScale + 5);
    return box().adjusted(-outside, -badgeRadius - 1 - outside / 2,
                          std::max(badgeRadius + 1, outside), outside);
}

QPainterPath ComponentItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(box(), radius, radius);
    if (mHandleEnabled) {
        QPainterPath knob;
        knob.addEllipse(handleRect().adjusted(-3, -3, 3, 3));
        // united(), not addEllipse(): the odd-even fill would cut the overlap out of the box.
        path = path.united(knob);
    }
    return path;
}

void ComponentItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const QFont font = scene() ? scene()->font() : QFont();
    const qreal scale
        = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    // Far out, text a few pixels high is unreadable and corners a pixel round are invisible,
    // yet both dominate the cost of painting a large topology.
    const bool detailed = scale >= minimumDetailScale;
    painter->setRenderHint(QPainter::Antialiasing, detailed);

    const bool selected = option->state & QStyle::State_Selected;
    painter->setPen(selected ? QPen(palette.color(QPalette::Highlight), 2.5)
                             : QPen(palette.color(QPalette::Mid), 1.2));
    painter->setBrush(palette.color(QPalette::Base));
    if (detailed) {
        painter->drawRoundedRect(box().adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    } else {
        // Far out (a large drawing, the overview) a white box on the white canvas would be
        // lost: a solid tone keeps every component visible as a block.
        QColor block = palette.color(QPalette::Mid);
        block.setAlphaF(0.7f);
        painter->setBrush(block);
        if (!selected)
            painter->setPen(Qt::NoPen);
        painter->drawRect(box());
    }
    if (mSimState) {
        // A replay's state: the box tinted and framed in the state's colour.
        const QColor colour = stateColour(*mSimState);
        QColor tint = colour;
        tint.setAlphaF(detailed ? 0.22f : 0.8f);
        painter->setPen(QPen(colour, 2.5));
        painter->setBrush(tint);
        if (detailed)
            painter->drawRoundedRect(box().adjusted(1, 1, -1, -1), radius, radius);
        else
            painter->drawRect(box());
    }

    if (mSimLoad && mSimLoad->utilization)
        paintLoad(painter, palette, detailed);

    const QRectF iconRect(padding, (mSize.height() - iconSize) / 2, iconSize, iconSize);
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const int pixels = std::clamp(int(std::ceil(iconSize * scale * ratio)), 8, 512);
    // A speck of an icon needs no smooth scaling.
    painter->setRenderHint(QPainter::SmoothPixmapTransform, detailed);
    painter->drawPixmap(iconRect, KindIcons::pixmap(mKind, pixels), QRectF(0, 0, pixels, pixels));
    if (mMark != Mark::None)
        paintMark(painter);
    if (mSeverity)
        paintBadge(painter, detailed);
    if (mDeployMark)
        DeployBadge::paint(painter, QPointF(0, 0), badgeRadius, *mDeployMark, detailed);
    if (!detailed)
        return;
    // Not in pictures: PictureExport paints without the mouse-over state.
    if (mHandleEnabled && mHovered && (option->state & QStyle::State_MouseOver))
        paintHandle(painter, palette);

    const qreal textWidth = mSize.width() - textLeft - padding;
    QFont bold = idFont(font);
    QFont small = titleFont(font);
    // Zoomed out, the text grows against the zoom, the same for every box, so that ids stay
    // readable at 50 %; preferredWidth() leaves room for it.
    const qreal grow = std::clamp(1 / scale, 1.0, maximumTextGrowth);
    if (grow > 1) {
        bold.setPointSizeF(bold.pointSizeF() * grow);
        small.setPointSizeF(small.pointSizeF() * grow);
    }
    const QFontMetricsF idMetrics(bold);
    const QFontMetricsF titleMetrics(small);
    const qreal blockHeight = idMetrics.height() + titleMetrics.height();
    const qreal top = (mSize.height() - blockHeight) / 2;

    painter->setPen(palette.color(QPalette::Text));
    painter->setFont(bold);
    painter->drawText(QPointF(textLeft, top + idMetrics.ascent()),
                      idMetrics.elidedText(mId, Qt::ElideMiddle, textWidth));
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->setFont(small);
    painter->drawText(QPointF(textLeft, top + idMetrics.height() + titleMetrics.ascent()),
                      titleMetrics.elidedText(mTitle, Qt::ElideRight, textWidth));
}

void ComponentItem::paintLoad(QPainter *painter, const QPalette &palette, bool detailed) const
{
    // A bar along the bottom edge, inside the rounded corners: its track, then the busy share.
    const qreal height = detailed ? 5 : mSize.height() / 4;
    const qreal inset = detailed ? radius : 0;
    const QRectF track(inset, mSize.height() - height - (detailed ? 3 : 0),
                       mSize.width() - 2 * inset, height);
    const double busy = std::clamp(*mSimLoad->utilization, 0.0, 1.0);
    painter->setPen(Qt::NoPen);
    QColor trackColour = palette.color(QPalette::Mid);
    trackColour.setAlphaF(0.35f);
    painter->setBrush(trackColour);
    painter->drawRect(track);
    painter->setBrush(loadColour(busy));
    painter->drawRect(QRectF(track.topLeft(), QSizeF(track.width() * busy, track.height())));
}

void ComponentItem::paintMark(QPainter *painter) const
{
    QColor colour;
    switch (mMark) {
    case Mark::None:
        return;
    case Mark::SinglePoint:
        colour = QColor(0xe0, 0x4f, 0x1a);
        break;
    case Mark::LinkAccepted:
        colour = QColor(0x2e, 0x9a, 0x47);
        break;
    case Mark::LinkRefused:
        colour = QColor(0xd3, 0x2f, 0x2f);
        break;
    }
    colour.setAlphaF(0.85f);
    QPen pen(colour, markWidth);
    if (mMark == Mark::SinglePoint)
        pen.setDashPattern({2.5, 1.2});
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const qreal inset = -markWidth / 2 - 1.5;
    painter->drawRoundedRect(box().adjusted(inset, inset, -inset, -inset), radius + 3, radius + 3);
}

void ComponentItem::paintHandle(QPainter *painter, const QPalette &palette) const
{
    const QRectF knob = handleRect();
    painter->setPen(QPen(palette.color(QPalette::Base), 1.5));
    painter->setBrush(palette.color(QPalette::Highlight));
    painter->drawEllipse(knob);
    painter->setPen(
        QPen(palette.color(QPalette::HighlightedText), 1.6, Qt::SolidLine, Qt::RoundCap));
    const QPointF c = knob.center();
    const qreal arm = handleRadius * mHandleScale * 0.5;
    painter->drawLine(QPointF(c.x() - arm, c.y()), QPointF(c.x() + arm, c.y()));
    painter->drawLine(QPointF(c.x(), c.y() - arm), QPointF(c.x(), c.y() + arm));
}

void ComponentItem::paintBadge(QPainter *painter, bool detailed) const
{
    const bool error = *mSeverity == core::Severity::Error;
    const QPointF centre(mSize.width(), 0);
    painter->setPen(detailed ? QPen(Qt::white, 1.5) : QPen(Qt::NoPen));
    painter->setBrush(error ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xf0, 0xa2, 0x02));
    painter->drawEllipse(centre, badgeRadius, badgeRadius);
    // Far out the mark in it is a pixel: the colour says enough.
    if (!detailed)
        return;
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(int(badgeRadius * 1.4));
    painter->setFont(font);
    painter->setPen(error ? Qt::white : QColor(0x33, 0x26, 0x00));
    painter->drawText(QRectF(centre.x() - badgeRadius, centre.y() - badgeRadius, 2 * badgeRadius,
                             2 * badgeRadius),
                      Qt::AlignCenter, QStringLiteral("!"));
}

} // namespace topolab::app
