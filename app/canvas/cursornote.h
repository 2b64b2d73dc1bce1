#pragma once

#include <QGraphicsItem>
#include <QString>

namespace topolab::app {

// A short note that follows the cursor during a gesture ("lb-1 → app-1: request link", or why
// the link is refused), at the same size whatever the zoom. Owns its text.
class CursorNote : public QGraphicsItem
{
public:
    enum class Tone { Neutral, Accepted, Refused };

    CursorNote();

    // At `scenePos`, below and right of it, or on the other side where the note would leave
    // `visible` (the view's area, in scene units at `zoom`).
    void show(const QPointF &scenePos, const QString &text, Tone tone, const QRectF &visible = {},
              qreal zoom = 1);
    QString text() const { return mText; }
    Tone tone() const { return mTone; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF textRect() const;

    QString mText;
    Tone mTone = Tone::Neutral;
    QPointF mOffset; // from the cursor to the note's text, in screen units
};

} // namespace topolab::app
