#include "ratepreview.h"

#include "timeaxis.h"

#include "core/model/schemas.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace topolab::app {

namespace {

core::ParamSet emptyGroup()
{
    return core::ParamSet(core::clientGroupSchema());
}

QString rateText(double rps)
{
    return RatePreview::tr("%1 rps").arg(QString::number(rps, 'g', rps >= 1e6 ? 3 : 5));
}

} // namespace

RatePreview::RatePreview(QWidget *parent)
    : QWidget(parent)
    , mCurve(emptyGroup())
{
    setObjectName(QStringLiteral("ratePreview"));
    setAccessibleName(tr("Request rate over the run"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void RatePreview::setCurve(const RateCurve &curve, double duration)
{
    mCurve = curve;
    mDuration = duration > 0 ? duration : 1;
    const double peak = mCurve.peakRate(mDuration);
    setToolTip(tr("Request rate over the %1 run after the warm-up: from %2 to a peak of %3.")
                   .arg(TimeAxis::duration(mDuration), rateText(mCurve.rateAt(0)), rateText(peak)));
    update();
}

std::vector<double> RatePreview::samples(int count) const
{
    std::vector<double> out;
    for (int i = 0; i < count; ++i)
        out.push_back(mCurve.rateAt(mDuration * i / std::max(count - 1, 1)));
    return out;
}

QSize RatePreview::sizeHint() const
{
    return {280, fontMetrics().height() * 2 + 64};
}

QSize RatePreview::minimumSizeHint() const
{
    return {160, fontMetrics().height() * 2 + 40};
}

void RatePreview::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const int labelHeight = fm.height();
    const QRectF plot = QRectF(rect()).adjusted(4, labelHeight + 4, -8, -labelHeight - 4);
    p.fillRect(rect(), pal.color(QPalette::Base));
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    if (plot.width() < 10 || plot.height() < 10)
        return;

    const double peak = mCurve.peakRate(mDuration);
    const double top = peak > 0 ? peak * 1.1 : 1;
    const auto yOf = [&](double rate) {
        return plot.bottom() - rate / top * plot.height();
    };
    const auto xOf = [&](double t) {
        return plot.left() + t / mDuration * plot.width();
    };

    // The curve: a sample per pixel, plus both sides of every step so edges stay sharp.
    std::vector<double> times;
    const int columns = std::max(2, int(plot.width()));
    for (int i = 0; i <= columns; ++i)
        times.push_back(mDuration * i / columns);
    for (double t : mCurve.changes(mDuration)) {
        times.push_back(std::max(0.0, t - mDuration * 1e-9));
        times.push_back(t);
    }
    std::sort(times.begin(), times.end());
    QPainterPath line;
    for (std::size_t i = 0; i < times.size(); ++i) {
        const QPointF point(xOf(times[i]), yOf(mCurve.rateAt(times[i])));
        if (i == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
    }
    QPainterPath area = line;
    area.lineTo(plot.right(), plot.bottom());
    area.lineTo(plot.left(), plot.bottom());
    area.closeSubpath();
    QColor accent = pal.color(QPalette::Highlight);
    QColor fill = accent;
    fill.setAlphaF(0.18f);
    p.fillPath(area, fill);

    // The base rate, dashed, when the profile moves away from it.
    if (mCurve.shape() != RateCurve::Shape::Constant) {
        QPen dashed(pal.color(QPalette::PlaceholderText), 1, Qt::DashLine);
        p.setPen(dashed);
        p.drawLine(QPointF(plot.left(), yOf(mCurve.baseRate())),
                   QPointF(plot.right(), yOf(mCurve.baseRate())));
    }
    p.setPen(QPen(accent, 1.6));
    p.drawPath(line);
    if (mCurve.shape() != RateCurve::Shape::Constant) {
        const QString base = tr("base %1").arg(rateText(mCurve.baseRate()));
        const double y = yOf(mCurve.baseRate());
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(plot.left(), y - labelHeight - 1, plot.width() - 4, labelHeight),
                   Qt::AlignRight | Qt::AlignBottom, base);
    }

    // Labels: the peak above, the axis below.
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRectF(plot.left(), 2, plot.width(), labelHeight), Qt::AlignLeft | Qt::AlignVCenter,
               tr("peak %1").arg(rateText(peak)));
    const double step = TimeAxis::tickStep(mDuration, plot.width(), 64);
    const QRectF axis(plot.left(), plot.bottom() + 2, plot.width(), labelHeight);
    for (double t : TimeAxis::ticks(mDuration, step)) {
        const double x = xOf(t);
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3));
        const QString label = TimeAxis::tickLabel(t, step);
        const int width = fm.horizontalAdvance(label);
        const double left = std::clamp(x - width / 2.0, axis.left(), axis.right() - width);
        p.drawText(QRectF(left, axis.top(), width, labelHeight), Qt::AlignCenter, label);
    }
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
}

} // namespace topolab::app
