#pragma once

#include "simulation/simulationoutcome.h"

#include "core/model/topology.h"
#include "core/simulation/variant.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace topolab::app {

class ParameterPicker;
class SweepRun;
class TimeChart;

// Compare Variants: A is the topology as drawn, B the same with the changes picked from a
// list, or another topology file (for what a parameter cannot express); both run with the same seed
// and replications, and one view overlays them: requests failed per second, p99 latency and the
// share sent to a dead address (A solid, B dashed, incidents as bands), with a table of their
// summary numbers and the difference. Owns the run and B's file topology; the topology is a copy
// taken when Run is pressed.
class VariantsPage : public QWidget
{
    Q_OBJECT

public:
    explicit VariantsPage(QWidget *parent = nullptr);

    // The topology A is; offers its parameters. A run going on keeps the copy it started with.
    void setTopology(const core::Topology &topology);
    // Picks this component's parameters in the list of changes.
    void selectComponent(const QString &id);

    // Adds `change` to B's list, replacing one of the same parameter.
    void addChange(const core::ParamChange &change);
    const std::vector<core::ParamChange> &changes() const { return mChanges; }
    // Makes B the topology in the file at `path` instead of A with changes; false with *error
    // (its first load errors, each as file:line:col) when it does not load, B left as it was.
    bool useFileForB(const QString &path, QString *error = nullptr);
    // Back to B as A with the listed changes.
    void clearFileForB();
    // The file B is taken from, empty while B is A with changes.
    QString fileForB() const { return mFileBPath; }
    // Runs A and B; false with *why (what to fix) when it cannot start.
    bool run(QString *why = nullptr);
    void stop();
    bool isRunning() const;

    SweepRun *sweep() const { return mRun; }
    ParameterPicker *picker() const { return mPicker; }
    QComboBox *valueBox() const { return mValue; }
    QSpinBox *replicationsBox() const { return mReplications; }
    QTableWidget *table() const { return mTable; }
    TimeChart *failedChart() const { return mFailed; }
    TimeChart *latencyChart() const { return mLatency; }
    TimeChart *stalenessChart() const { return mStaleness; }
    // "A: …" and "B: …" of the last run.
    QString labelA() const { return mLabelA; }
    QString labelB() const { return mLabelB; }

Q_SIGNALS:
    // Both variants ran (or the run was stopped: `completed` false).
    void finished(bool completed);

private:
    void pickerChanged();
    void addPickedChange();
    void removeSelectedChange();
    void chooseFileForB();
    void showSourceOfB();
    void showChanges();
    void showResult();
    void setRunning(bool running);

    core::Topology mTopology; // A, as last offered
    std::vector<core::ParamChange> mChanges;
    std::optional<core::Topology> mFileB; // B when taken from a file
    QString mFileBPath;
    std::optional<core::ParamPath> mValuePath; // the parameter the value box is for
    QString mLabelA;
    QString mLabelB;
    ParameterPicker *mPicker;
    QComboBox *mValue;
    QPushButton *mAdd;
    QListWidget *mList;
    QPushButton *mRemove;
    QPushButton *mFromFile;
    QPushButton *mClearFile;
    QLabel *mFileNote;
    QSpinBox *mReplications;
    QLabel *mSeed;
    QPushButton *mRunButton;
    QPushButton *mStopButton;
    QProgressBar *mProgress;
    QLabel *mMessage;
    TimeChart *mFailed;
    TimeChart *mLatency;
    TimeChart *mStaleness;
    QTableWidget *mTable;
    SweepRun *mRun;
};

} // namespace topolab::app
