#pragma once

#include "simulation/simulationoutcome.h"
#include "simulation/statetimeline.h"

#include <QDockWidget>
#include <QPointer>

#include <memory>

class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace topolab::app {

class ReplayBar;
class ReportDialog;
class TimeChart;

// What the last simulation found, as the people who run the service read it: summary cards
// (availability, error budget, failed requests, p99, lost writes, the worst incident with its
// detection, DNS and recovery times), then charts over simulated time (requests per second
// stacked by outcome and failure cause, p99 latency, clients resolving to a dead address)
// with every incident marked as a band, and the full text report a click away.
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
    ReportDialog *report() const;

    // Writes the last outcome as the path's suffix says (.html, .csv, .json); false with *error
    // naming the file when it cannot.
    bool exportTo(const QString &path, QString *error = nullptr) const;

Q_SIGNALS:
    // A moment of the replay: the components not up then, by id.
    void replayMoment(const QHash<QString, topolab::sim::ComponentState> &states);
    void replayEnded();

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
    QLabel *mHeading;
    QLabel *mEmpty;
    QScrollArea *mScroll; // holds mBody, shown once there is an outcome
    QWidget *mBody;
    ReplayBar *mReplay;
    TimeChart *mRequests;
    TimeChart *mLatency;
    TimeChart *mStaleness;
    QPushButton *mReportButton;
    QPushButton *mExportButton;
    QPointer<ReportDialog> mReport;
};

} // namespace topolab::app
