#include "hostseditspinner.h"

#include <QPainter>

namespace topolab::app {

namespace {

constexpr int spokes = 12;

} // namespace

HostsEditSpinner::HostsEditSpinner(QWidget *parent)
    : QWidget(parent)
{
    mTimer.setInterval(80);
    connect(&mTimer, &QTimer::timeout, this, [this] {
        mStep = (mStep + 1) % spokes;
        update();
    });
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QSize HostsEditSpinner::sizeHint() const
{
    const int side = fontMetrics().height();
    return {side, side};
}

void HostsEditSpinner::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(width(), height());
    painter.translate(width() / 2.0, height() / 2.0);
    QColor colour = palette().color(QPalette::WindowText);
    QPen pen(colour, std::max(1.5, side / 9.0), Qt::SolidLine, Qt::RoundCap);
    for (int i = 0; i < spokes; ++i) {
        // The spoke the wheel is at is darkest; the ones behind it fade out.
        const int age = (mStep - i + spokes) % spokes;
        colour.setAlphaF(1.0 - 0.75 * age / (spokes - 1));
        pen.setColor(colour);
        painter.setPen(pen);
        painter.save();
        painter.rotate(360.0 * i / spokes);
        painter.drawLine(QPointF(0, -side * 0.22), QPointF(0, -side * 0.42));
        painter.restore();
    }
}

void HostsEditSpinner::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    mTimer.start();
}

void HostsEditSpinner::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    mTimer.stop();
}

} // namespace topolab::app
