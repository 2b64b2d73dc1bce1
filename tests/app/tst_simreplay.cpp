// A run replayed on the canvas: scrubbing to a moment shows each component as it was then, from
// the recorded state changes (no new run), the canvas cannot be edited meanwhile, and Done
// returns to editing.
#include "windowtesthelpers.h"

#include "canvas/designscene.h"
#include "gui/componentitem.h"
#include "gui/designeractions.h"
#include "gui/linkitem.h"
#include "gui/simulationcontrol.h"
#include "results/replaybar.h"
#include "results/resultsdock.h"
#include "simulation/simulationrun.h"
#include "simulation/statetimeline.h"

#include "core/io/topologyreader.h"

#include <QAction>
#include <QSignalSpy>

using namespace windowtest;
namespace sim = topolab::sim;

namespace {

const QStringList amsterdam = {QStringLiteral("lb-ams-1"), QStringLiteral("lb-ams-2"),
                               QStringLiteral("app-ams-1"), QStringLiteral("db-ams")};

} // namespace

class TestSimReplay : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startSuite(QStringLiteral("tst_simreplay")); }
    void init() { startTest(); }
    void cleanup() { closeDialogs(); }

    void timelineKnowsEveryMoment();
    void scrubbingShowsThatMomentOnTheCanvas();
};

void TestSimReplay::timelineKnowsEveryMoment()
{
    const QString path = shortenedExample(mFilesDir->path(), 1500, 1);
    topolab::core::LoadResult loaded = topolab::core::loadTopologyFile(path.toStdString());
    QVERIFY(loaded.topology);
    SimulationRun run;
    QSignalSpy finished(&run, &SimulationRun::finished);
    QVERIFY(run.start(*loaded.topology));
    QVERIFY(finished.wait(120000));
    const StateTimeline timeline(*run.outcome());
    QCOMPARE(timeline.duration(), 1500.0);
    // Before the region fails, everything is up; while it is blackholed (900 s to 1200 s) its
    // components are not; after, they are again.
    QVERIFY(timeline.statesAt(500).isEmpty());
    const auto during = timeline.statesAt(1000);
    for (const QString &id : amsterdam)
        QVERIFY2(during.contains(id), qPrintable(id));
    QVERIFY(!during.contains(QStringLiteral("lb-nyc-1")));
    QVERIFY(timeline.statesAt(1400).isEmpty());
    // The changes come in order, the region's failure among them.
    const std::vector<double> times = timeline.changeTimes();
    QVERIFY(std::is_sorted(times.begin(), times.end()));
    QVERIFY(std::find(times.begin(), times.end(), 900.0) != times.end());
}

void TestSimReplay::scrubbingShowsThatMomentOnTheCanvas()
{
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(shortenedExample(mFilesDir->path(), 1500, 1)));
    SimulationControl *control = window->simulation();
    QSignalSpy ended(control, &SimulationControl::ended);
    QSignalSpy started(control->run(), &SimulationRun::started);
    window->actions()->runSimulation->trigger();
    QVERIFY(ended.wait(120000));
    const auto outcome = control->run()->outcome();
    DesignScene *scene = window->scene();
    QVERIFY(!scene->isReadOnly());

    ReplayBar *replay = window->results()->replayBar();
    replay->seek(1000);
    QVERIFY(scene->isReadOnly());
    for (const QString &id : amsterdam) {
        const ComponentItem *item = scene->componentItem(id);
        QVERIFY2(item->simState().has_value(), qPrintable(id));
        QVERIFY(item->toolTip().contains(QString::fromLatin1(sim::componentStateName(*item->simState()))));
    }
    QVERIFY(!scene->componentItem(QStringLiteral("lb-nyc-1"))->simState());
    // Load of that moment: Amsterdam's servers are idle, New York's take all the traffic.
    const ComponentItem *appNyc = scene->componentItem(QStringLiteral("app-nyc-1"));
    const ComponentItem *appAms = scene->componentItem(QStringLiteral("app-ams-1"));
    QVERIFY(appNyc->simLoad() && appNyc->simLoad()->utilization);
    QVERIFY(appAms->simLoad() && appAms->simLoad()->utilization);
    QCOMPARE(*appAms->simLoad()->utilization, 0.0);
    QVERIFY(*appNyc->simLoad()->utilization > 0.05);
    QVERIFY(appNyc->toolTip().contains(QStringLiteral("% busy")));
    const LinkItem *toNyc = scene->linkItem(QStringLiteral("lb-nyc-1"), QStringLiteral("app-nyc-1"));
    const LinkItem *toAms = scene->linkItem(QStringLiteral("lb-ams-1"), QStringLiteral("app-ams-1"));
    QVERIFY(toNyc && toAms);
    QVERIFY(toNyc->traffic() && toAms->traffic());
    QCOMPARE(*toAms->traffic(), 0.0);
    QVERIFY(*toNyc->traffic() > 0);
    QVERIFY(toNyc->linePen(scene->palette()).widthF()
            > LinkItem::pen(toNyc->kind(), scene->palette()).widthF());
    // Replication links keep their pen.
    QVERIFY(!scene->linkItem(QStringLiteral("db-nyc"), QStringLiteral("db-nyc-standby"))->traffic());
    // Before the failure both regions serve.
    replay->seek(300);
    QVERIFY(*appAms->simLoad()->utilization > 0.05);
    QVERIFY(*toAms->traffic() > 0);
    // Back before the failure: all as usual, and no new run for it.
    replay->seek(300);
    for (const QString &id : amsterdam)
        QVERIFY(!scene->componentItem(id)->simState());
    QCOMPARE(started.size(), 1);
    QCOMPARE(control->run()->outcome(), outcome);

    // Playing moves time forward on its own.
    replay->play();
    QTRY_VERIFY(replay->time() > 300);
    replay->pause();

    replay->seek(1000);
    replay->done();
    QVERIFY(!scene->isReadOnly());
    for (const QString &id : amsterdam)
        QVERIFY(!scene->componentItem(id)->simState());
    QVERIFY(!appNyc->simLoad());
    QVERIFY(!toNyc->traffic());
}

QTEST_MAIN(TestSimReplay)
#include "tst_simreplay.moc"
