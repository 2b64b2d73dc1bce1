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

    void show(const QPointF &scenePos, const QString &text, Tone tone);
    QString text() const { return mText; }
    Tone tone() const { return mTone; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF textRect() const;

    QString mText;
    Tone mTone = Tone::Neutral;
};

} // namespace topolab::app
