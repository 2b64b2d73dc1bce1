#pragma once

#include "deploysnapshot.h"

#include <QDockWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolBar;

namespace topolab::app {

class DeployActions;
class DeployHostModel;
class DeployPlanView;

// The Deploy panel, under the canvas beside Results: a tool bar (Plan, Deploy, Cancel, Clear
// Marks), a summary line, and two tabs: Plan, the tree of what a deploy would change with the
// selected file's diff; and Hosts, a row per host (components, step, progress, elapsed time,
// state) with the selected host's redacted log, live. Shows; DeployControl decides. Owns its
// widgets and the table's model.
class DeployDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit DeployDock(QWidget *parent = nullptr);

    void setActions(DeployActions *actions);
    void setSummary(const QString &text);
    QString summary() const;
    // The Plan tab or the Hosts tab in front.
    void showPlanTab();
    void showHostsTab();

    DeployHostModel *hosts() const { return mHosts; }
    DeployPlanView *planView() const { return mPlan; }
    QTableView *table() const { return mTable; }
    QPlainTextEdit *logView() const { return mLog; }
    QTabWidget *tabs() const { return mTabs; }
    QToolBar *toolBar() const { return mToolBar; }
    // The host whose log is shown; empty when none is selected.
    QString logHost() const { return mLogHost; }
    void selectHost(const QString &host);

private:
    void showLogOf(const QString &host);
    void appendLog(const QString &host, const QString &lines);

    QToolBar *mToolBar;
    QLabel *mSummary;
    QTabWidget *mTabs;
    DeployPlanView *mPlan;
    DeployHostModel *mHosts;
    QTableView *mTable;
    QLabel *mLogTitle;
    QPlainTextEdit *mLog;
    QString mLogHost;
};

} // namespace topolab::app
