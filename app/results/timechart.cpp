#include "timechart.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QPainter>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace topolab::app {

TimeChart::TimeChart(const QString &title, const QString &unit, QWidget *parent)
    : QWidget(parent)
    , mUnit(unit)
    , mChart(new QChart)
    , mView(new QChartView(mChart, this))
    , mTime(new QValueAxis(mChart))
    , mValue(new QValueAxis(mChart))
{
    mChart->setTitle(title);
    mChart->legend()->setAlignment(Qt::AlignBottom);
    QFont small = mChart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    mChart->legend()->setFont(small);
    mChart->setMargins(QMargins(4, 4, 4, 4));
    mChart->setBackgroundRoundness(0);
    mTime->setTitleText(tr("time (s)"));
    mTime->setLabelFormat(QStringLiteral("%.0f"));
    mValue->setLabelFormat(QStringLiteral("%.4g"));
    mValue->setTitleText(unit);
    mChart->addAxis(mTime, Qt::AlignBottom);
    mChart->addAxis(mValue, Qt::AlignLeft);
    mView->setRenderHint(QPainter::Antialiasing);
    mView->setMinimumHeight(180);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mView);
}

void TimeChart::clear()
{
    mChart->removeAllSeries();
    mStackTop.clear();
    mMaxX = 0;
    mMaxY = 0;
    mBands = 0;
    mMinX = 0;
    mMinY = 0;
    mAnyValue = false;
}

void TimeChart::track(QXYSeries *series, const QString &name)
{
    series->setName(name);
    const auto hovered = [this, series, name](const QPointF &point, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        const QLocale locale;
        QPointF shown = point;
        if (series->pointsVisible() && series->count() > 0) {
            // A line with a dot per value reads the nearest value, not a point between two.
            const QList<QPointF> all = series->points();
            const auto closer = [&](const QPointF &a, const QPointF &b) {
                return std::abs(a.x() - point.x()) < std::abs(b.x() - point.x());
            };
            shown = *std::min_element(all.begin(), all.end(), closer);
        }
        const QString at = mTimeAxis
                               ? locale.toString(shown.x(), 'f', 0) + QStringLiteral(" s")
                               : (locale.toString(shown.x(), 'g', 4) + QLatin1Char(' ') + mXUnit)
                                     .trimmed();
        QToolTip::showText(QCursor::pos(), tr("%1 at %2: %3 %4")
                                               .arg(name, at, locale.toString(shown.y(), 'g', 4),
                                                    mUnit));
    };
    connect(series, &QXYSeries::hovered, this, hovered);
}

void TimeChart::addLine(const QString &name, const QList<QPointF> &points, const QColor &colour)
{
    addLine(name, points, colour, Qt::SolidLine);
}

void TimeChart::addStacked(const QString &name, const QList<QPointF> &values, const QColor &colour)
{
    auto *lower = new QLineSeries;
    auto *upper = new QLineSeries;
    QList<QPointF> top;
    top.reserve(values.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
        const double base = i < mStackTop.size() ? mStackTop[i].y() : 0.0;
        top.append(QPointF(values[i].x(), base + values[i].y()));
        lower->append(QPointF(values[i].x(), base));
        mMaxX = std::max(mMaxX, values[i].x());
        mMaxY = std::max(mMaxY, base + values[i].y());
    }
    upper->replace(top);
    mStackTop = top;
    auto *area = new QAreaSeries(upper, lower);
    area->setName(name);
    area->setColor(colour);
    // No outline: a layer with nothing in a second would still draw its edge on the stack's top.
    area->setPen(Qt::NoPen);
    mChart->addSeries(area);
    area->attachAxis(mTime);
    area->attachAxis(mValue);
    connect(area, &QAreaSeries::hovered, this, [this, name, values](const QPointF &point, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        // The value of this layer at the nearest second, not the height of the stack.
        const auto nearest = std::min_element(values.begin(), values.end(), [&](const QPointF &a, const QPointF &b) {
            return std::abs(a.x() - point.x()) < std::abs(b.x() - point.x());
        });
        if (nearest == values.end())
            return;
        const QLocale locale;
        QToolTip::showText(QCursor::pos(), tr("%1 at %2 s: %3 %4")
                                               .arg(name, locale.toString(nearest->x(), 'f', 0),
                                                    locale.toString(nearest->y(), 'g', 4), mUnit));
    });
}

void TimeChart::addBand(double from, double to, const QString &label)
{
    // A band as a see-through area the chart's full height; drawn after fitting (finish) so it
    // reaches the top.
    auto *lower = new QLineSeries;
    auto *upper = new QLineSeries;
    lower->append({QPointF(from, 0), QPointF(to, 0)});
    upper->append({QPointF(from, 1), QPointF(to, 1)});
    auto *band = new QAreaSeries(upper, lower);
    band->setName(label);
    QColor shade(0xd3, 0x2f, 0x2f);
    shade.setAlphaF(0.12f);
    band->setColor(shade);
    band->setBorderColor(Qt::transparent);
    band->setProperty("band", true);
    mChart->addSeries(band);
    band->attachAxis(mTime);
    band->attachAxis(mValue);
    // One legend entry per label.
    const QList<QLegendMarker *> markers = mChart->legend()->markers(band);
    for (QAbstractSeries *other : mChart->series()) {
        if (other != band && other->property("band").toBool() && other->name() == label) {
            for (QLegendMarker *marker : markers)
                marker->setVisible(false);
            break;
        }
    }
    mMaxX = std::max(mMaxX, to);
    ++mBands;
}

void TimeChart::finish(double end)
{
    if (end > 0)
        mMaxX = end;
    const double top = mMaxY > 0 ? mMaxY * 1.08 : 1.0;
    for (QAbstractSeries *series : mChart->series()) {
        if (!series->property("band").toBool())
            continue;
        QLineSeries *upper = static_cast<QAreaSeries *>(series)->upperSeries();
        const QList<QPointF> points = upper->points();
        upper->replace({QPointF(points.at(0).x(), top), QPointF(points.at(1).x(), top)});
    }
    mTime->setRange(0, std::max(1.0, mMaxX));
    mValue->setRange(0, top);
    mValue->applyNiceNumbers();
}

QImage TimeChart::picture(QSize size) const
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    const QSizeF shown = mChart->size();
    mChart->resize(size);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        mChart->scene()->render(&painter, QRectF(QPointF(0, 0), size),
                                mChart->sceneBoundingRect());
    }
    mChart->resize(shown);
    return image;
}

QList<QPointF> TimeChart::bandSpans() const
{
    QList<QPointF> spans;
    for (QAbstractSeries *series : mChart->series()) {
        if (!series->property("band").toBool())
            continue;
        const QList<QPointF> points = static_cast<QAreaSeries *>(series)->lowerSeries()->points();
        spans.append(QPointF(points.at(0).x(), points.at(1).x()));
    }
    return spans;
}

int TimeChart::seriesCount() const
{
    return int(mChart->series().size());
}

QList<QPointF> TimeChart::points(const QString &name) const
{
    for (QAbstractSeries *series : mChart->series()) {
        if (series->name() != name || series->property("band").toBool())
            continue;
        if (auto *line = qobject_cast<QLineSeries *>(series))
            return line->points();
        if (auto *area = qobject_cast<QAreaSeries *>(series))
            return area->upperSeries()->points();
    }
    return {};
}

} // namespace topolab::app

namespace topolab::app {

void TimeChart::extend(const QList<QPointF> &points)
{
    for (const QPointF &p : points) {
        mMinX = mAnyValue ? std::min(mMinX, p.x()) : p.x();
        mMinY = mAnyValue ? std::min(mMinY, p.y()) : p.y();
        mMaxX = std::max(mMaxX, p.x());
        mMaxY = std::max(mMaxY, p.y());
        mAnyValue = true;
    }
}

void TimeChart::addLine(const QString &name, const QList<QPointF> &points, const QColor &colour,
                        Qt::PenStyle style, bool markers)
{
    auto *series = new QLineSeries;
    series->replace(points);
    series->setPen(QPen(colour, 1.6, style));
    if (markers) {
        series->setPointsVisible(true);
        series->setMarkerSize(7);
    }
    mChart->addSeries(series);
    series->attachAxis(mTime);
    series->attachAxis(mValue);
    track(series, name);
    extend(points);
}

void TimeChart::addRange(const QString &name, const QList<QPointF> &low,
                         const QList<QPointF> &high, const QColor &colour)
{
    auto *lower = new QLineSeries;
    auto *upper = new QLineSeries;
    lower->replace(low);
    upper->replace(high);
    auto *area = new QAreaSeries(upper, lower);
    area->setName(name);
    QColor fill = colour;
    fill.setAlphaF(0.2f);
    area->setColor(fill);
    area->setPen(Qt::NoPen);
    mChart->addSeries(area);
    area->attachAxis(mTime);
    area->attachAxis(mValue);
    // The legend's swatch a little stronger than the band, so that it reads on white.
    QColor swatch = colour;
    swatch.setAlphaF(0.45f);
    for (QLegendMarker *marker : mChart->legend()->markers(area))
        marker->setBrush(swatch);
    extend(low);
    extend(high);
    const auto hovered = [this, name, low, high](const QPointF &point, bool state) {
        if (!state || low.isEmpty() || low.size() != high.size()) {
            QToolTip::hideText();
            return;
        }
        qsizetype nearest = 0;
        for (qsizetype i = 1; i < low.size(); ++i) {
            if (std::abs(low[i].x() - point.x()) < std::abs(low[nearest].x() - point.x()))
                nearest = i;
        }
        const QLocale locale;
        const QString at = mTimeAxis
                               ? locale.toString(low[nearest].x(), 'f', 0) + QStringLiteral(" s")
                               : (locale.toString(low[nearest].x(), 'g', 4) + QLatin1Char(' ')
                                  + mXUnit)
                                     .trimmed();
        QToolTip::showText(QCursor::pos(),
                           tr("%1 at %2: %3 to %4 %5")
                               .arg(name, at, locale.toString(low[nearest].y(), 'g', 4),
                                    locale.toString(high[nearest].y(), 'g', 4), mUnit));
    };
    connect(area, &QAreaSeries::hovered, this, hovered);
}

void TimeChart::setTitle(const QString &title, const QString &unit)
{
    mChart->setTitle(title);
    mUnit = unit;
    mValue->setTitleText(unit);
}

QString TimeChart::title() const
{
    return mChart->title();
}

void TimeChart::setHorizontalAxis(const QString &title, const QString &unit)
{
    mTimeAxis = false;
    mXUnit = unit;
    mTime->setTitleText(title);
    mTime->setLabelFormat(QStringLiteral("%.4g"));
    // Such charts are redrawn whole as values come; a partial repaint would leave old dots.
    mView->setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
}

void TimeChart::fitToValues()
{
    if (!mAnyValue) {
        mTime->setRange(0, 1);
        mValue->setRange(0, 1);
        return;
    }
    const auto padded = [](double low, double high, double share) {
        if (high <= low) {
            const double room = std::max(std::abs(low) * 0.05, 1e-6);
            return std::pair(low - room, high + room);
        }
        const double room = (high - low) * share;
        return std::pair(low - room, high + room);
    };
    const auto [x0, x1] = padded(mMinX, mMaxX, 0.04);
    const auto [y0, y1] = padded(mMinY, mMaxY, 0.1);
    // Nothing below 0 that the values do not reach: counts and latencies are not negative.
    mTime->setRange(mMinX >= 0 ? std::max(0.0, x0) : x0, x1);
    mValue->setRange(mMinY >= 0 ? std::max(0.0, y0) : y0, y1);
    mTime->applyNiceNumbers();
    mValue->applyNiceNumbers();
    // Counts in the tens of thousands as digits, not as 4e+04; values close together far from
    // 0 (an availability of 99.9997 %) with as many decimals as the ticks need to differ.
    const double biggest = std::max(std::abs(mValue->min()), std::abs(mValue->max()));
    const double step
        = (mValue->max() - mValue->min()) / std::max(1, mValue->tickCount() - 1);
    if (biggest >= 1e4) {
        mValue->setLabelFormat(QStringLiteral("%.0f"));
    } else if (step > 0 && biggest / step >= 1e3) {
        const int decimals = std::clamp(int(std::ceil(-std::log10(step))), 0, 9);
        mValue->setLabelFormat(QStringLiteral("%.") + QString::number(decimals)
                               + QStringLiteral("f"));
    } else {
        mValue->setLabelFormat(QStringLiteral("%.4g"));
    }
}

QStringList TimeChart::lineNames() const
{
    QStringList names;
    for (QAbstractSeries *series : mChart->series()) {
        if (qobject_cast<QLineSeries *>(series))
            names.append(series->name());
    }
    return names;
}

QList<QPointF> TimeChart::lowerPoints(const QString &name) const
{
    for (QAbstractSeries *series : mChart->series()) {
        if (series->name() != name || series->property("band").toBool())
            continue;
        if (auto *area = qobject_cast<QAreaSeries *>(series); area && area->lowerSeries())
            return area->lowerSeries()->points();
    }
    return {};
}

} // namespace topolab::app
