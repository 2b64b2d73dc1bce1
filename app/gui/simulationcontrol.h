#pragma once

#include "simulation/simulationoutcome.h"

#include <QObject>

#include <memory>

class QLabel;
class QProgressBar;
class QStatusBar;
class QWidget;

namespace topolab::app {

class DesignScene;
class DesignerActions;
class ResultsDock;
class SimulationRun;
class TopologyDocument;

// Simulate › Run and Stop for the window: refuses a topology that cannot run with the list of
// what to fix, runs the document's topology on a worker thread with a progress bar in the
// status bar, keeps the canvas read-only meanwhile, and shows what came out in the Results
// panel. Owns the run.
class SimulationControl : public QObject
{
    Q_OBJECT

public:
    SimulationControl(TopologyDocument *document, DesignScene *scene, DesignerActions *actions,
                      ResultsDock *results, QStatusBar *statusBar, QWidget *window);
    ~SimulationControl() override;

    SimulationRun *run() const { return mRun; }

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    // A run ended with this outcome (also when stopped).
    void ended(std::shared_ptr<const topolab::app::SimulationOutcome> outcome);
    // A refused run lacked a client group and the user asked for the place to add one.
    void clientGroupsWanted();

private:
    void showProgress(double fraction);
    void finish(std::shared_ptr<const SimulationOutcome> outcome);
    void setRunning(bool running);

    TopologyDocument *mDocument;
    DesignScene *mScene;
    DesignerActions *mActions;
    ResultsDock *mResults;
    QStatusBar *mStatusBar;
    QWidget *mWindow;
    SimulationRun *mRun;
    QLabel *mProgressText;
    QProgressBar *mProgressBar;
};

} // namespace topolab::app
