// Simulate › Run and Stop in the window: a topology that cannot run is refused with the list of
// what to fix; a run keeps the canvas read-only, shows progress, and ends with its numbers; Stop
// ends it promptly.
#include "windowtesthelpers.h"

#include "canvas/designscene.h"
#include "gui/designeractions.h"
#include "gui/reportdialog.h"
#include "gui/simulationcontrol.h"
#include "results/resultsdock.h"
#include "scenario/clientgroupspanel.h"
#include "scenario/scenariodock.h"
#include "simulation/simulationrun.h"

#include <QAction>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>

#include <chrono>

using namespace windowtest;


class TestSimControl : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startSuite(QStringLiteral("tst_simcontrol")); }
    void init() { startTest(); }
    void cleanup() { closeDialogs(); }

    void runShowsProgressAndEndsWithTheNumbers();
    void stopEndsTheRunPromptly();
    void topologyThatCannotRunIsRefusedWithWhatToFix();
};

void TestSimControl::runShowsProgressAndEndsWithTheNumbers()
{
    auto window = makeWindow();
    QVERIFY(window);
    const QString path = shortenedExample(mFilesDir->path(), 300, 2);
    QVERIFY(window->openFile(path));
    SimulationControl *control = window->simulation();
    DesignerActions *actions = window->actions();
    QSignalSpy ended(control, &SimulationControl::ended);
    QVERIFY(actions->runSimulation->isEnabled());
    QVERIFY(!actions->stopSimulation->isEnabled());

    actions->runSimulation->trigger();
    QVERIFY(control->run()->isRunning());
    // While it runs: no edits, no second run, a way to stop, progress in the status bar.
    QVERIFY(window->scene()->isReadOnly());
    QVERIFY(!actions->runSimulation->isEnabled());
    QVERIFY(actions->stopSimulation->isEnabled());
    auto *bar = window->statusBar()->findChild<QProgressBar *>(QStringLiteral("simulationProgress"));
    QVERIFY(bar && bar->isVisible());

    QVERIFY(ended.wait(120000));
    const auto outcome = ended.at(0).at(0).value<std::shared_ptr<const SimulationOutcome>>();
    QVERIFY(outcome && !outcome->result.cancelled);
    QCOMPARE(outcome->model.replications, 2);
    QVERIFY(!window->scene()->isReadOnly());
    QVERIFY(actions->runSimulation->isEnabled());
    QVERIFY(!actions->stopSimulation->isEnabled());
    QVERIFY(!bar->isVisible());
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("availability")));
    // The Results panel comes up with the run's numbers; the full report is a click away.
    ResultsDock *results = window->results();
    QTRY_VERIFY(results->isVisible());
    QCOMPARE(results->outcome(), outcome);
    QVERIFY(!results->cardValue(QStringLiteral("availability")).isEmpty());
    results->showReport();
    QVERIFY(results->report() && results->report()->isVisible());
    QVERIFY(results->report()->text().contains(QStringLiteral("availability")));
}

void TestSimControl::stopEndsTheRunPromptly()
{
    auto window = makeWindow();
    QVERIFY(window);
    const QString path
        = shortenedExample(mFilesDir->path(), 10000000, 1);
    QVERIFY(window->openFile(path));
    SimulationControl *control = window->simulation();
    QSignalSpy progressed(control->run(), &SimulationRun::progressed);
    QSignalSpy ended(control, &SimulationControl::ended);
    window->actions()->runSimulation->trigger();
    QVERIFY(progressed.wait(20000));
    const auto asked = std::chrono::steady_clock::now();
    window->actions()->stopSimulation->trigger();
    QVERIFY(ended.wait(10000));
    QVERIFY(std::chrono::steady_clock::now() - asked < std::chrono::seconds(2));
    const auto outcome = ended.at(0).at(0).value<std::shared_ptr<const SimulationOutcome>>();
    QVERIFY(outcome->result.cancelled);
    QVERIFY(!window->results()->outcome());
    QVERIFY(!window->scene()->isReadOnly());
    QVERIFY(window->actions()->runSimulation->isEnabled());
}

void TestSimControl::topologyThatCannotRunIsRefusedWithWhatToFix()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->actions()->newBlank->trigger();
    window->actions()->runSimulation->trigger();
    auto *box = window->findChild<QMessageBox *>(QStringLiteral("simulationRefused"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->informativeText().contains(QStringLiteral("no client group")),
             qPrintable(box->informativeText()));
    QVERIFY(!window->simulation()->run()->isRunning());
    QVERIFY(!window->scene()->isReadOnly());
    // Without a client group the box offers the place to add one.
    auto *add = box->findChild<QPushButton *>(QStringLiteral("addClientGroup"));
    QVERIFY(add);
    add->click();
    ScenarioDock *scenario = window->scenario();
    QTRY_VERIFY(scenario->isVisible());
    QCOMPARE(scenario->tabs()->currentWidget(), static_cast<QWidget *>(scenario->clientGroups()));
}

QTEST_MAIN(TestSimControl)
#include "tst_simcontrol.moc"
