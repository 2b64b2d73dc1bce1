#include "simulationcontrol.h"

#include "canvas/designscene.h"
#include "designeractions.h"
#include "document/topologydocument.h"
#include "results/resultsdock.h"
#include "simulation/simulationrun.h"
#include "simulationrefusal.h"

#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

namespace topolab::app {

SimulationControl::SimulationControl(TopologyDocument *document, DesignScene *scene,
                                     DesignerActions *actions, ResultsDock *results,
                                     QStatusBar *statusBar, QWidget *window)
    : QObject(window)
    , mDocument(document)
    , mScene(scene)
    , mActions(actions)
    , mResults(results)
    , mStatusBar(statusBar)
    , mWindow(window)
    , mRun(new SimulationRun(this))
    , mProgressText(new QLabel(statusBar))
    , mProgressBar(new QProgressBar(statusBar))
{
    mProgressText->setObjectName(QStringLiteral("simulationProgressText"));
    mProgressBar->setObjectName(QStringLiteral("simulationProgress"));
    mProgressBar->setRange(0, 1000);
    mProgressBar->setTextVisible(false);
    mProgressBar->setMaximumWidth(160);
    // Permanent, on the left of the window's indicators: a status tip shown meanwhile would
    // be drawn over ordinary status bar widgets.
    mStatusBar->insertPermanentWidget(0, mProgressText);
    mStatusBar->insertPermanentWidget(1, mProgressBar);
    mProgressText->hide();
    mProgressBar->hide();
    connect(mActions->runSimulation, &QAction::triggered, this, &SimulationControl::start);
    connect(mActions->stopSimulation, &QAction::triggered, this, &SimulationControl::stop);
    connect(mRun, &SimulationRun::progressed, this, &SimulationControl::showProgress);
    connect(mRun, &SimulationRun::finished, this, &SimulationControl::finish);
    // A replay shows the run on the canvas, which cannot be edited meanwhile.
    connect(mResults, &ResultsDock::replayMoment, this,
            [this](const QHash<QString, sim::ComponentState> &states) {
                mScene->setReadOnly(true);
                mScene->showStates(states);
            });
    connect(mResults, &ResultsDock::replayLoads, mScene, &DesignScene::showLoads);
    connect(mResults, &ResultsDock::replayEnded, this, [this] {
        mScene->showStates({});
        mScene->showLoads({});
        mScene->setReadOnly(mRun->isRunning());
    });
}

SimulationControl::~SimulationControl() = default;

void SimulationControl::start()
{
    if (mRun->isRunning())
        return;
    // start() checks the topology itself; the list is only needed when it refuses.
    if (mRun->start(mDocument->topology())) {
        setRunning(true);
        showProgress(0);
        return;
    }
    QMessageBox *box = simulationRefusal(
        mDocument->displayName(), SimulationRun::problems(mDocument->topology()), mWindow);
    box->setObjectName(QStringLiteral("simulationRefused"));
    if (mDocument->topology().clientGroups.empty()) {
        // The usual first run of a drawing: offer the panel that adds who sends requests.
        QPushButton *add = box->addButton(tr("Add Client Group…"), QMessageBox::AcceptRole);
        add->setObjectName(QStringLiteral("addClientGroup"));
        connect(add, &QPushButton::clicked, this, &SimulationControl::clientGroupsWanted);
    }
    box->open();
}

void SimulationControl::stop()
{
    if (mRun->isRunning()) {
        mRun->cancel();
        mProgressText->setText(tr("Stopping…"));
    }
}

void SimulationControl::showProgress(double fraction)
{
    mProgressText->setText(tr("Simulating %1 %").arg(int(fraction * 100)));
    mProgressBar->setValue(int(fraction * 1000));
}

void SimulationControl::setRunning(bool running)
{
    mProgressText->setVisible(running);
    mProgressBar->setVisible(running);
    mActions->runSimulation->setEnabled(!running);
    mActions->stopSimulation->setEnabled(running);
    // What runs is the topology as it was when Run was pressed: no edits meanwhile.
    mScene->setReadOnly(running);
}

void SimulationControl::finish(std::shared_ptr<const SimulationOutcome> outcome)
{
    setRunning(false);
    const sim::SimulationResult &result = outcome->result;
    const QLocale locale;
    if (result.cancelled) {
        mStatusBar->showMessage(tr("Simulation stopped"), 5000);
    } else {
        mStatusBar->showMessage(
            tr("Simulated: availability %1 %, %2 failed requests, p99 %3 ms")
                .arg(locale.toString(result.availability * 100, 'f', 3),
                     locale.toString(qulonglong(result.requests.failed)),
                     locale.toString(result.latency.quantile(0.99) / 1e6, 'f', 1)));
        mResults->showOutcome(outcome);
        mResults->show();
        mResults->raise();
        // Room for the charts under the canvas when they come up in a low panel.
        auto *window = qobject_cast<QMainWindow *>(mWindow);
        if (window && mResults->height() < window->height() * 0.45)
            window->resizeDocks({mResults}, {int(window->height() * 0.5)}, Qt::Vertical);
    }
    Q_EMIT ended(outcome);
}

} // namespace topolab::app
