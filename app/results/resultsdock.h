#pragma once

#include "simulation/simulationoutcome.h"
#include "simulation/loadtimeline.h"
#include "simulation/statetimeline.h"

#include <QDockWidget>
#include <QPointer>

#include <memory>

class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QTabWidget;

namespace topolab::app {

class ComponentTable;
class ReplayBar;
class ReportDialog;
class TimeChart;

// What the last simulation found, as the people who run the service read it: summary cards
// (availability, error budget, failed requests, p99, lost writes, the worst incident with its
// detection, DNS and recovery times), then charts over simulated time with every incident
// marked as a band: on the Traffic tab requests per second stacked by outcome and failure
// cause, latency p50/p90/p99 and clients sent to a dead address; on the Data tab replication
// lag and writes lost; on the Components tab what each component did. The full text report
// is a click away.
class ResultsDock : public QDockWidget
{
    Q_OBJECT

public:
    // The availability the error budget is counted against.
    static constexpr double objective = 0.999;

    explicit ResultsDock(QWidget *parent = nullptr);

    // A failure cause as the charts name it ("dns stale"), by its index in sim::FailureCause.
    static QString causeTitle(std::size_t cause);

    void showOutcome(std::shared_ptr<const SimulationOutcome> outcome);
    std::shared_ptr<const SimulationOutcome> outcome() const { return mOutcome; }

    // The card with this object name ("availability", "failed", "budget", "p99", "lostWrites",
    // "incident"): its value line.
    QString cardValue(const QString &name) const;
    ReplayBar *replayBar() const { return mReplay; }
    TimeChart *requestsChart() const { return mRequests; }
    TimeChart *latencyChart() const { return mLatency; }
    TimeChart *stalenessChart() const { return mStaleness; }
    TimeChart *lagChart() const { return mLag; }
    TimeChart *lostWritesChart() const { return mLostWrites; }
    ComponentTable *componentTable() const { return mComponents; }
    QTabWidget *tabs() const { return mTabs; }
    ReportDialog *report() const;

    // Writes the last outcome as the path's suffix says (.html, .csv, .json); false with *error
    // naming the file when it cannot.
    bool exportTo(const QString &path, QString *error = nullptr) const;

Q_SIGNALS:
    // A moment of the replay: the components not up then, by id.
    void replayMoment(const QHash<QString, topolab::sim::ComponentState> &states);
    // The same moment's load of every component, by id (after replayMoment).
    void replayLoads(const QHash<QString, topolab::app::ComponentLoad> &loads);
    void replayEnded();
    // A row of the component table was activated: show that component.
    void componentActivated(const QString &id);

public Q_SLOTS:
    void showReport();
    // Asks where, then exportTo().
    void exportResults();

private:
    QLabel *addCard(QGridLayout *grid, int column, const QString &name, const QString &title);
    void fillCards(const SimulationOutcome &outcome);
    void fillCharts(const SimulationOutcome &outcome);

    std::shared_ptr<const SimulationOutcome> mOutcome;
    StateTimeline mTimeline;
    LoadTimeline mLoads;
    QLabel *mHeading;
    QLabel *mEmpty;
    QScrollArea *mScroll; // holds mBody, shown once there is an outcome
    QWidget *mBody;
    ReplayBar *mReplay;
    TimeChart *mRequests;
    TimeChart *mLatency;
    TimeChart *mStaleness;
    TimeChart *mLag;
    TimeChart *mLostWrites;
    ComponentTable *mComponents;
    QTabWidget *mTabs;
    QPushButton *mReportButton;
    QPushButton *mExportButton;
    QPointer<ReportDialog> mReport;
};

} // namespace topolab::app
