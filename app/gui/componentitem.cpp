#include "componentitem.h"

#include "kindicons.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
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

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

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
    : mId(QString::fromStdString(component.id))
    , mTitle(toQString(core::kindTitle(component.kind)))
    , mKind(component.kind)
    , mSize(sceneRect.size())
{
    setPos(sceneRect.topLeft());
    setFlag(ItemIsSelectable);
    setZValue(2);
    QString tip = QStringLiteral("<b>%1</b> — %2").arg(mId.toHtmlEscaped(), mTitle);
    if (!component.label.empty())
        tip += QStringLiteral("<br>") + QString::fromStdString(component.label).toHtmlEscaped();
    if (!component.region.empty())
        tip += QStringLiteral("<br>")
               + tr("Region: %1").arg(QString::fromStdString(component.region));
    setToolTip(tip);
}

qreal ComponentItem::preferredWidth(const core::Component &component, const QFont &font)
{
    const qreal idWidth
        = QFontMetricsF(idFont(font)).horizontalAdvance(QString::fromStdString(component.id));
    const qreal titleWidth = QFontMetricsF(titleFont(font))
                                 .horizontalAdvance(toQString(core::kindTitle(component.kind)));
    const qreal needed = textLeft + std::max(idWidth, titleWidth) + padding + badgeRadius;
    return std::clamp(std::ceil(needed), minimumWidth, maximumWidth);
}

void ComponentItem::setSeverity(std::optional<core::Severity> severity)
{
    mSeverity = severity;
    update();
}

QRectF ComponentItem::boundingRect() const
{
    // The badge sits on the top-right corner, half outside the box.
    return box().adjusted(-2, -badgeRadius - 1, badgeRadius + 1, 2);
}

QPainterPath ComponentItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(box(), radius, radius);
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
    if (detailed)
        painter->drawRoundedRect(box().adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    else
        painter->drawRect(box());

    const QRectF iconRect(padding, (mSize.height() - iconSize) / 2, iconSize, iconSize);
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const int pixels = std::clamp(int(std::ceil(iconSize * scale * ratio)), 8, 512);
    painter->drawPixmap(iconRect, KindIcons::pixmap(mKind, pixels), QRectF(0, 0, pixels, pixels));
    if (mSeverity)
        paintBadge(painter);
    if (!detailed)
        return;

    const qreal textWidth = mSize.width() - textLeft - padding;
    const QFont bold = idFont(font);
    const QFont small = titleFont(font);
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

void ComponentItem::paintBadge(QPainter *painter) const
{
    const bool error = *mSeverity == core::Severity::Error;
    const QPointF centre(mSize.width(), 0);
    painter->setPen(QPen(Qt::white, 1.5));
    painter->setBrush(error ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xf0, 0xa2, 0x02));
    painter->drawEllipse(centre, badgeRadius, badgeRadius);
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
