#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QWidget>

class QChart;
class QChartView;
class QValueAxis;
class QXYSeries;

namespace topolab::app {

// A chart of values over simulated time, the one place the results views meet Qt Charts:
// lines, areas stacked on one another, and bands marking stretches of time (failure incidents)
// across the whole height. Hovering a point shows its value in a tooltip.
class TimeChart : public QWidget
{
    Q_OBJECT

public:
    TimeChart(const QString &title, const QString &unit, QWidget *parent = nullptr);

    // Removes every series and band.
    void clear();
    // Renames the chart and the unit of its values (a sweep's charts change with its mode).
    void setTitle(const QString &title, const QString &unit);
    QString title() const;
    void addLine(const QString &name, const QList<QPointF> &points, const QColor &colour);
    // An area from the top of the areas stacked so far up by `values` (same x as before).
    void addStacked(const QString &name, const QList<QPointF> &values, const QColor &colour);
    // A shaded stretch from `from` to `to` seconds, named in the legend once per `label`.
    void addBand(double from, double to, const QString &label);
    // Fits the axes to what was added; the time axis to `end` seconds when given.
    void finish(double end = 0);

    // For variants on one chart and for charts against a parameter: a line drawn in `style`
    // (Qt::DashLine...), with a dot at every point when `markers` (hovering then reads the
    // nearest point).
    void addLine(const QString &name, const QList<QPointF> &points, const QColor &colour,
                 Qt::PenStyle style, bool markers = false);
    // A see-through area between `low` and `high` (the same x), such as a confidence interval.
    void addRange(const QString &name, const QList<QPointF> &low, const QList<QPointF> &high,
                  const QColor &colour);
    // A horizontal axis of something other than time: its title, and the unit hovering
    // reads its values in ("s" and whole numbers unless set).
    void setHorizontalAxis(const QString &title, const QString &unit);
    // Fits both axes to the values added, not from 0, with a little room around them.
    void fitToValues();
    // The names of the lines (not areas or bands), in the order added.
    QStringList lineNames() const;
    // The lower edge of the named range or area.
    QList<QPointF> lowerPoints(const QString &name) const;

    int seriesCount() const;
    int bandCount() const { return mBands; }
    // Each band's (from, to), in the order added.
    QList<QPointF> bandSpans() const;
    // The points of the named line or the top edge of the named area, for tests and export.
    QList<QPointF> points(const QString &name) const;
    QChart *chart() const { return mChart; }
    // The chart drawn at `size`, whatever size it has on screen (for reports).
    QImage picture(QSize size) const;

private:
    void track(QXYSeries *series, const QString &name);
    void extend(const QList<QPointF> &points);

    QString mUnit;
    QChart *mChart;
    QChartView *mView;
    QValueAxis *mTime;
    QValueAxis *mValue;
    QList<QPointF> mStackTop;
    double mMaxX = 0;
    double mMaxY = 0;
    int mBands = 0;
    // What fitToValues() and setHorizontalAxis() need.
    double mMinX = 0;
    double mMinY = 0;
    bool mAnyValue = false;
    bool mTimeAxis = true;
    QString mXUnit;
};

} // namespace topolab::app
