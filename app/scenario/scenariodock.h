#pragma once

#include "core/model/paramspec.h"

#include <QDockWidget>
#include <QPointer>

#include <optional>

class QLabel;
class QPushButton;
class QTabWidget;

namespace topolab::app {

class ClientGroupsPanel;
class FailuresPanel;
class ParamSetForm;
class RandomFailuresPanel;
class TopologyDocument;

// The "Scenario" dock: what a simulation of the document runs. The run's settings (duration,
// warm-up, seed, replications) on top, then tabs for the client groups (who sends requests, and
// how), the scheduled failures on a timeline, and the random failures. A topology without a
// client group cannot be simulated, so the dock then says so and offers to add one. Every edit
// is one undo step through TopologyDocument::editSections(); the dock only listens to the
// document otherwise, and keeps the user's selections across changes and undo. Owns its panels,
// not the document.
class ScenarioDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit ScenarioDock(QWidget *parent = nullptr);

    void setDocument(TopologyDocument *document);
    TopologyDocument *document() const { return mDocument; }

    // "Fail at…" for the component or region `id`: asks when, how and how long, then adds the
    // failure, shows it on the timeline and returns true; false when cancelled or refused.
    bool failAt(const QString &id);
    // Brings the dock up on one of its tabs.
    void showClientGroups();
    void showFailures();

    ParamSetForm *runSettings() const { return mRun; }
    QWidget *emptyState() const { return mEmpty; }
    QPushButton *addClientGroupButton() const { return mAddGroup; }
    QTabWidget *tabs() const { return mTabs; }
    ClientGroupsPanel *clientGroups() const { return mGroups; }
    FailuresPanel *failures() const { return mFailures; }
    RandomFailuresPanel *randomFailures() const { return mRandom; }

Q_SIGNALS:
    // Something for the status bar: what was added, or why not.
    void message(const QString &text);
    // A component or region to show on the canvas (a failure's target, double-clicked).
    void elementActivated(const QString &id);

private:
    void build();
    void refresh();
    void scheduleRefresh();
    // Docked under or over the canvas, grows to show its fields when it comes up too low.
    void ensureRoom();
    // Sets (or, nullopt, resets) one run setting as one step.
    void applyRun(const QString &path, const std::optional<core::ParamValue> &value);

    QPointer<TopologyDocument> mDocument;
    QWidget *mContent = nullptr;
    QWidget *mEmpty = nullptr;
    QPushButton *mAddGroup = nullptr;
    QLabel *mRunTitle = nullptr;
    ParamSetForm *mRun = nullptr;
    QTabWidget *mTabs = nullptr;
    ClientGroupsPanel *mGroups = nullptr;
    FailuresPanel *mFailures = nullptr;
    RandomFailuresPanel *mRandom = nullptr;
    bool mRefreshPending = false;
};

} // namespace topolab::app
