#include "cursornote.h"

#include "designview.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

namespace topolab::app {

namespace {

constexpr qreal maximumWidth = 360;
constexpr qreal padding = 6;
// Below and to the right of the cursor, clear of the pointer's arrow.
constexpr QPointF defaultOffset(16, 18);

} // namespace

CursorNote::CursorNote()
    : mOffset(defaultOffset)
{
    setFlag(ItemIgnoresTransformations);
    setZValue(100);
    setAcceptedMouseButtons(Qt::NoButton);
}

void CursorNote::show(const QPointF &scenePos, const QString &text, Tone tone,
                      const QRectF &visible, qreal zoom)
{
    prepareGeometryChange();
    mText = text;
    mOffset = defaultOffset;
    if (!visible.isEmpty() && zoom > 0) {
        const QSizeF size = textRect().size() + QSizeF(2 * padding, 2 * padding);
        if (scenePos.x() + (defaultOffset.x() + size.width()) / zoom > visible.right())
            mOffset.setX(-size.width() - 4);
        if (scenePos.y() + (defaultOffset.y() + size.height()) / zoom > visible.bottom())
            mOffset.setY(-size.height() - 4);
    }
    mTone = tone;
    setPos(scenePos);
    setVisible(!text.isEmpty());
    update();
}

QRectF CursorNote::textRect() const
{
    const QFont font = scene() ? scene()->font() : QFont();
    const QRectF bounds = QFontMetricsF(font).boundingRect(QRectF(0, 0, maximumWidth, 1000),
                                                           Qt::TextWordWrap | Qt::AlignLeft, mText);
    return QRectF(mOffset + QPointF(padding, padding), bounds.size());
}

QRectF CursorNote::boundingRect() const
{
    return textRect().adjusted(-padding - 1, -padding - 1, padding + 1, padding + 1);
}

void CursorNote::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    // The note speaks to the user at the cursor: only on the canvas, not in the overview that
    // shows the same scene (where, drawn at screen size, it would cover the map).
    if (widget && !qobject_cast<const DesignView *>(widget->parentWidget()))
        return;
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    QColor accent = palette.color(QPalette::Mid);
    if (mTone == Tone::Accepted)
        accent = QColor(0x2e, 0x9a, 0x47);
    else if (mTone == Tone::Refused)
        accent = QColor(0xd3, 0x2f, 0x2f);
    const QRectF text = textRect();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(accent, 1.5));
    painter->setBrush(palette.color(QPalette::ToolTipBase));
    painter->drawRoundedRect(text.adjusted(-padding, -padding, padding, padding), 5, 5);
    painter->setPen(palette.color(QPalette::ToolTipText));
    painter->setFont(scene() ? scene()->font() : QFont());
    painter->drawText(text, Qt::TextWordWrap | Qt::AlignLeft, mText);
}

} // namespace topolab::app
