#pragma once

#include "deploycontroller.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

class QWidget;

namespace topolab::app {

class DeployActions;
class DeployDock;
class DesignScene;
class TopologyDocument;

// Deploy › Plan, Deploy… and Cancel for the window: plans the document's topology against its
// hosts (an unsaved document is asked to be saved first), shows the plan in the Deploy panel,
// asks about host keys met for the first time (trusted ones are planned again) and refuses
// changed ones, asks for confirmation with the plan's summary before a deploy, shows each
// host's progress and log as they come, and badges the components on the canvas by where the
// deploy left their host until the next plan or Clear Marks. The canvas is read-only while a
// plan or deploy runs. Owns the controller and the actions; the panel is the window's.
class DeployControl : public QObject
{
    Q_OBJECT

public:
    DeployControl(TopologyDocument *document, DesignScene *scene, DeployDock *dock,
                  QWidget *window);
    ~DeployControl() override;

    DeployController *controller() const { return mController; }
    DeployActions *actions() const { return mActions; }
    DeployDock *dock() const { return mDock; }
    // How the document gets a file when it has none; returns whether it was saved.
    void setSaveAs(std::function<bool()> saveAs) { mSaveAs = std::move(saveAs); }
    // The badges on the canvas, by component id.
    QHash<QString, DeployMark> marks() const { return mMarks; }

public Q_SLOTS:
    void plan();
    // Plans first unless the last plan is current, then confirms and deploys.
    void deploy();
    void cancel();
    void clearMarks();

Q_SIGNALS:
    // A sentence for the status bar.
    void message(const QString &text);

private:
    bool startPlan();
    void askToSave();
    void started(DeployController::Phase phase, const QStringList &hosts);
    void progressed(const DeployHostStatus &status);
    void planned(std::shared_ptr<const PlanSnapshot> plan);
    // Host keys: the refusals of changed ones, the questions about unknown ones; true when
    // a key was trusted (and a new plan started).
    bool askAboutKeys(const PlanSnapshot &plan);
    void confirmAndApply();
    void applied(const QList<DeployHostResult> &results, bool cancelled);
    void refused(const QString &title, const QString &text);
    void phaseChanged(DeployController::Phase phase);
    void markHost(const QString &host, std::optional<DeployMark> mark);
    void updateActions();

    TopologyDocument *mDocument;
    DesignScene *mScene;
    DeployDock *mDock;
    QWidget *mWindow;
    DeployActions *mActions;
    DeployController *mController;
    std::function<bool()> mSaveAs;
    QHash<QString, DeployMark> mMarks;
    QSet<QString> mRefusalsShown; // hosts whose changed key was explained in this round
    bool mDeployAfterPlan = false;
    bool mStale = true; // the document changed since the last plan
    bool mCanvasWasReadOnly = false;
};

} // namespace topolab::app
