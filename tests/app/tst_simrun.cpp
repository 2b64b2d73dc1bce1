// A simulation run from the designer: the same numbers as `topolab-cli simulate` on the same file
// and seed, progress as it goes, a prompt stop on cancel, and a clear refusal of a topology that
// cannot run.
#include "simulation/simulationrun.h"

#include "core/io/topologyreader.h"
#include "core/simulation/resultjson.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

#include <chrono>

using namespace topolab;
using namespace topolab::app;

namespace {

const QString exampleFile = QStringLiteral(TOPOLAB_EXAMPLES "/multi-region.topolab.yaml");

core::Topology example()
{
    core::LoadResult loaded = core::loadTopologyFile(exampleFile.toStdString());
    return loaded.topology ? *loaded.topology : core::Topology{};
}

// Waits for the run to end and returns its outcome.
std::shared_ptr<const SimulationOutcome> waitFor(SimulationRun &run, QSignalSpy &finished,
                                                 int seconds)
{
    if (finished.isEmpty() && !finished.wait(seconds * 1000))
        return nullptr;
    return run.outcome();
}

} // namespace

class TestSimRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runGivesTheCommandLinesNumbers();
    void progressAndSamplesArriveWhileRunning();
    void cancelStopsPromptly();
    void topologyWithErrorsIsRefusedWithTheList();
    void topologyWithoutClientsIsRefusedWithWhatToAdd();
    void destroyingARunningRunStopsIt();
};

void TestSimRun::runGivesTheCommandLinesNumbers()
{
    SimulationRun run;
    QSignalSpy finished(&run, &SimulationRun::finished);
    core::SimOverrides overrides;
    overrides.durationS = 1200;
    overrides.seed = 7;
    overrides.replications = 3;
    QVERIFY(run.start(example(), overrides, 2));
    QVERIFY(run.isRunning());
    const auto outcome = waitFor(run, finished, 120);
    QVERIFY(outcome);
    QVERIFY(!run.isRunning());
    QVERIFY(!outcome->result.cancelled);
    nlohmann::ordered_json gui = core::simulationResultJson(outcome->result, outcome->model);

    QProcess cli;
    cli.start(QStringLiteral(TOPOLAB_CLI),
              {QStringLiteral("simulate"), exampleFile, QStringLiteral("--duration"),
               QStringLiteral("1200"), QStringLiteral("--seed"), QStringLiteral("7"),
               QStringLiteral("--replications"), QStringLiteral("3"), QStringLiteral("--threads"),
               QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("-"),
               QStringLiteral("--quiet")});
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 0);
    nlohmann::ordered_json printed = nlohmann::ordered_json::parse(cli.readAllStandardOutput().toStdString());
    // Wall time and thread count are how it ran, not what it found.
    gui.erase("engine");
    printed.erase("engine");
    QVERIFY2(gui == printed, "the designer's run and the command line's differ");
    QVERIFY(outcome->result.requests.failed > 0); // the example's failures did happen
}

void TestSimRun::progressAndSamplesArriveWhileRunning()
{
    SimulationRun run;
    QSignalSpy progressed(&run, &SimulationRun::progressed);
    QSignalSpy sampled(&run, &SimulationRun::sampled);
    QSignalSpy finished(&run, &SimulationRun::finished);
    core::SimOverrides overrides;
    overrides.durationS = 600;
    overrides.replications = 1;
    QVERIFY(run.start(example(), overrides));
    // A second run does not start beside the first.
    QVERIFY(!run.start(example(), overrides));
    const auto outcome = waitFor(run, finished, 120);
    QVERIFY(outcome);
    QVERIFY(!progressed.isEmpty());
    double last = 0;
    for (const QList<QVariant> &call : std::as_const(progressed)) {
        const double fraction = call.at(0).toDouble();
        QVERIFY(fraction >= last && fraction <= 1.0);
        last = fraction;
    }
    // One sample per simulated second after the warm-up, the same ones the outcome keeps.
    QCOMPARE(sampled.size(), 600);
    QCOMPARE(qsizetype(outcome->samples.size()), sampled.size());
    const auto sample = sampled.at(10).at(0).value<sim::IntervalSample>();
    QCOMPARE(sample.t_s, outcome->samples.at(10).t_s);
    QCOMPARE(sample.ok, outcome->samples.at(10).ok);
}

void TestSimRun::cancelStopsPromptly()
{
    SimulationRun run;
    QSignalSpy progressed(&run, &SimulationRun::progressed);
    QSignalSpy finished(&run, &SimulationRun::finished);
    core::SimOverrides overrides;
    overrides.durationS = 1e7; // days of simulated time: it would run for minutes
    overrides.replications = 1;
    QVERIFY(run.start(example(), overrides));
    QVERIFY(progressed.wait(20000));
    const auto asked = std::chrono::steady_clock::now();
    run.cancel();
    const auto outcome = waitFor(run, finished, 10);
    QVERIFY(outcome);
    const auto took = std::chrono::steady_clock::now() - asked;
    QVERIFY2(took < std::chrono::seconds(2), "the run went on after cancel");
    QVERIFY(outcome->result.cancelled);
    // It can run again afterwards.
    overrides.durationS = 30;
    finished.clear();
    QVERIFY(run.start(example(), overrides));
    QVERIFY(waitFor(run, finished, 60));
    QVERIFY(!run.outcome()->result.cancelled);
}

void TestSimRun::topologyWithErrorsIsRefusedWithTheList()
{
    core::Topology broken = example();
    // An app server linked to nothing: no load balancer sends to it, it has no database.
    broken.components.push_back(
        core::Component::make("app-stray", core::ComponentKind::AppServer, "nyc3"));
    const QStringList problems = SimulationRun::problems(broken);
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.join(QLatin1Char('\n')).contains(QStringLiteral("app-stray: ")),
             qPrintable(problems.join(QLatin1Char('\n'))));
    SimulationRun run;
    QSignalSpy started(&run, &SimulationRun::started);
    QVERIFY(!run.start(broken));
    QVERIFY(!run.isRunning());
    QCOMPARE(started.size(), 0);
    QVERIFY(SimulationRun::problems(example()).isEmpty());
}

void TestSimRun::topologyWithoutClientsIsRefusedWithWhatToAdd()
{
    core::Topology quiet = example();
    quiet.clientGroups.clear();
    const QStringList problems = SimulationRun::problems(quiet);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.front().contains(QStringLiteral("no client group")));
    QVERIFY(problems.front().contains(QStringLiteral("client_groups")));
}

void TestSimRun::destroyingARunningRunStopsIt()
{
    const auto begun = std::chrono::steady_clock::now();
    {
        SimulationRun run;
        core::SimOverrides overrides;
        overrides.durationS = 1e7;
        overrides.replications = 1;
        QVERIFY(run.start(example(), overrides));
        QTest::qWait(100);
    }
    QVERIFY(std::chrono::steady_clock::now() - begun < std::chrono::seconds(3));
    // Nothing posted by the ended worker reaches a dead object.
    QTest::qWait(50);
}

QTEST_GUILESS_MAIN(TestSimRun)
#include "tst_simrun.moc"
