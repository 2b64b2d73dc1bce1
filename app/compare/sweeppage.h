#pragma once

#include "outcomestats.h"

#include "core/model/topology.h"
#include "core/simulation/variant.h"

#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QDoubleSpinBox;
class QSpinBox;
class QTableWidget;

namespace topolab::app {

class ParameterPicker;
class SweepRun;
class TimeChart;

// Parameter Sweep: one parameter run at a list of values ("30,60,300") or a range
// ("from:to:steps"), each value with the same seed and R replications; three charts against
// the value (availability, failed requests per replication, p99 latency), each mean with its
// 95 % interval as a band, a table of the points, and Export CSV. Points show as they finish;
// Stop ends the sweep within moments. Owns the run and the points.
class SweepPage : public QWidget
{
    Q_OBJECT

public:
    // One value of the sweep and what it came to.
    struct Point
    {
        core::ParamValue value;
        double x = 0; // where the charts put it
        OutcomeStats stats;
    };

    explicit SweepPage(QWidget *parent = nullptr);

    void setTopology(const core::Topology &topology);
    void selectComponent(const QString &id);

    // Runs the picked parameter at the values typed; false with *why when it cannot start.
    bool run(QString *why = nullptr);
    void stop();
    bool isRunning() const;

    // The points finished so far, in the order of the values.
    std::vector<Point> points() const;
    // The points as CSV (one line per value: the means and interval bounds), and written
    // atomically to `path`; false with *error naming the file when it cannot be written.
    QString csv() const;
    bool exportCsv(const QString &path, QString *error = nullptr) const;

    SweepRun *sweep() const { return mRun; }
    ParameterPicker *picker() const { return mPicker; }
    QLineEdit *valuesEdit() const { return mValues; }
    QSpinBox *replicationsBox() const { return mReplications; }
    QDoubleSpinBox *yearsBox() const { return mYears; }
    QTableWidget *table() const { return mTable; }
    TimeChart *availabilityChart() const { return mAvailability; }
    TimeChart *failedChart() const { return mFailed; }
    TimeChart *latencyChart() const { return mLatency; }

Q_SIGNALS:
    void finished(bool completed);

private:
    void pickerChanged();
    void showPoint(int index);
    void showCharts();
    void setRunning(bool running);
    void exportClicked();

    core::Topology mTopology;
    // The sweep that ran last: its parameter, values and points by index.
    std::optional<core::ParamPath> mPath;
    core::ParamSpec mSpec;
    std::vector<std::optional<Point>> mPoints;
    std::vector<core::ParamValue> mSweepValues;
    ParameterPicker *mPicker;
    QLineEdit *mValues;
    QSpinBox *mReplications;
    QDoubleSpinBox *mYears;
    QPushButton *mRunButton;
    QPushButton *mStopButton;
    QPushButton *mExportButton;
    QProgressBar *mProgress;
    QLabel *mMessage;
    TimeChart *mAvailability;
    TimeChart *mFailed;
    TimeChart *mLatency;
    QTableWidget *mTable;
    SweepRun *mRun;
};

} // namespace topolab::app
