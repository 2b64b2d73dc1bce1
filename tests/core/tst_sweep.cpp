// Sweeps: the grid of points in a stated order, a clear refusal of every bad request naming
// what is wrong, outcomes that travel between processes bit for bit, a task queue that hands
// out each task once (again only when given back), pooled results that do not depend on the
// thread count, points that equal a plain run of their variant, and common random numbers that
// make the difference of two points sharper than either point's own interval.
#include "topologyfixture.h"

#include "core/simulation/simmodelbuilder.h"
#include "core/simulation/sweepcheckpoint.h"
#include "core/simulation/sweeprun.h"
#include "core/simulation/sweepsummary.h"
#include "sim/run/simulator.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include <cmath>
#include <cstring>
#include <limits>

using namespace topolab;
using namespace topolab::core;

namespace {

// One region, two LBs behind round-robin DNS, two app servers, a primary with a standby, and app
// servers and LBs that fail now and then: small enough to run a grid in a second.
const std::string webTier = R"(topolab: 1
regions: [{id: r1}]
components:
  - {id: www, kind: dns, ttl_s: 60, propagation_s: 10, health_check: {interval_s: 5, fall: 2}}
  - {id: lb-1, kind: load_balancer, region: r1}
  - {id: lb-2, kind: load_balancer, region: r1}
  - {id: app-1, kind: app_server, region: r1, workers: 4}
  - {id: app-2, kind: app_server, region: r1, workers: 4}
  - {id: db-1, kind: database, region: r1}
  - {id: db-2, kind: database, region: r1, role: standby}
links:
  - {from: www, to: lb-1}
  - {from: www, to: lb-2}
  - {from: lb-1, to: app-1}
  - {from: lb-1, to: app-2}
  - {from: lb-2, to: app-1}
  - {from: lb-2, to: app-2}
  - {from: app-1, to: db-1}
  - {from: app-2, to: db-1}
  - {from: db-1, to: db-2}
traffic:
  client_groups:
    - {id: users, region: r1, rate_rps: 40, retry_next_address: false}
scenario:
  duration_s: 1800
  warmup_s: 30
  seed: 7
  replications: 6
  random_failures:
    - {kind: app_server, mtbf_h: 0.5, mttr_min: 3}
    - {kind: load_balancer, mtbf_h: 1, mttr_min: 2}
)";

SweepPlan planOrFail(const Topology &topology, std::vector<std::string> parameters,
                     SimOverrides overrides = {})
{
    SweepRequest request;
    request.parameters = std::move(parameters);
    request.overrides = overrides;
    Checked<SweepPlan> plan = planSweep(topology, request);
    if (!plan) {
        QTest::qFail(plan.error.c_str(), __FILE__, __LINE__);
        return {};
    }
    return std::move(*plan.value);
}

QString refusal(const Topology &topology, std::vector<std::string> parameters,
                SimOverrides overrides = {})
{
    SweepRequest request;
    request.parameters = std::move(parameters);
    request.overrides = overrides;
    const Checked<SweepPlan> plan = planSweep(topology, request);
    return plan ? QString() : QString::fromStdString(plan.error);
}

std::vector<SweepOutcome> runAll(const SweepPlan &plan, int threads)
{
    SweepQueue queue(plan.taskCount());
    runSweepThreads(plan, queue, threads);
    if (!queue.allFinished())
        QTest::qFail("not every task finished", __FILE__, __LINE__);
    return queue.outcomes();
}

SimOverrides runs(int replications, std::optional<double> durationS = std::nullopt)
{
    SimOverrides o;
    o.replications = replications;
    o.durationS = durationS;
    return o;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class TestSweep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gridVariesTheFirstParameterSlowest();
    void tasksArePointMajor();
    void badRequestsAreRefusedWithTheReason_data();
    void badRequestsAreRefusedWithTheReason();
    void outcomesTravelBitForBit();
    void damagedOutcomesAreRefused_data();
    void damagedOutcomesAreRefused();
    void queueHandsOutEachTaskOnce();
    void resultsDoNotDependOnThreads();
    void aPointIsAPlainRunOfItsVariant();
    void commonRandomNumbersSharpenDifferences();
    void failuresAreCountedNextToEveryInterval();
    void aTaskThatThrowsStopsTheRunWithItsName();
    void aCheckpointResumesWithTheSameOutcomes();
    void aCheckpointOfAnotherSweepIsRefused();
};

void TestSweep::gridVariesTheFirstParameterSlowest()
{
    const Topology topology = test::parseTopology(webTier);
    const SweepPlan plan
        = planOrFail(topology, {"www.ttl_s=30,300", "kind:app_server.workers=2:6:3"}, runs(2));
    QCOMPARE(plan.points.size(), std::size_t(6));
    QCOMPARE(plan.taskCount(), std::size_t(12));
    const std::vector<std::pair<std::int64_t, std::int64_t>> expected
        = {{30, 2}, {30, 4}, {30, 6}, {300, 2}, {300, 4}, {300, 6}};
    for (std::size_t p = 0; p < expected.size(); ++p) {
        QCOMPARE(std::get<std::int64_t>(plan.points[p][0].value), expected[p].first);
        QCOMPARE(std::get<std::int64_t>(plan.points[p][1].value), expected[p].second);
        // The model of each point has the point's values, and every point the same seed.
        QCOMPARE(plan.models[p].components[plan.models[p].indexOf("www")].dns.ttl,
                 expected[p].first * sim::second);
        QCOMPARE(plan.models[p].components[plan.models[p].indexOf("app-2")].appServer.workers,
                 int(expected[p].second));
        QCOMPARE(plan.models[p].seed, std::uint64_t(7));
        QCOMPARE(plan.models[p].replications, 2);
    }
    QCOMPARE(plan.labels[4], std::string("Record TTL 300 s, every app server: Workers 4"));
    QCOMPARE(plan.titles, (std::vector<std::string>{"Record TTL", "Workers"}));
    QCOMPARE(plan.units[0], std::string("s"));
}

void TestSweep::tasksArePointMajor()
{
    SweepPlan plan;
    plan.points.resize(3);
    plan.replications = 4;
    QCOMPARE(taskAt(plan, 0), (SweepTask{0, 0}));
    QCOMPARE(taskAt(plan, 3), (SweepTask{0, 3}));
    QCOMPARE(taskAt(plan, 4), (SweepTask{1, 0}));
    QCOMPARE(taskAt(plan, 11), (SweepTask{2, 3}));
}

void TestSweep::badRequestsAreRefusedWithTheReason_data()
{
    QTest::addColumn<QString>("parameters"); // separated by |
    QTest::addColumn<bool>("seedGiven");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *parameters, bool seed, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(parameters) << seed << QString::fromUtf8(expected);
    };
    row("nothing", "", false, "nothing to sweep");
    row("unknown id", "wwww.ttl_s=30", false, "www");
    row("bad value", "www.ttl_s=30,-5", false, "-5");
    row("no values", "www.ttl_s", false, "--param www.ttl_s");
    row("twice", "www.ttl_s=30|www.ttl_s=60", false, "already swept");
    row("replications", "scenario.replications=2,3", false, "--replications");
    row("seed twice", "scenario.seed=1,2", true, "contradict");
    row("invalid point", "db-2.role=primary,standby", false, "with db-2.role=primary: ");
    row("huge grid", "www.ttl_s=1:1000:1000|www.propagation_s=1:1000:1000|lb-1.retries=0:10:11",
        false, "sweep fewer values");
}

void TestSweep::badRequestsAreRefusedWithTheReason()
{
    QFETCH(QString, parameters);
    QFETCH(bool, seedGiven);
    QFETCH(QString, expected);
    const Topology topology = test::parseTopology(webTier);
    std::vector<std::string> texts;
    for (const QString &p : parameters.split(QLatin1Char('|'), Qt::SkipEmptyParts))
        texts.push_back(p.toStdString());
    SimOverrides overrides;
    if (seedGiven)
        overrides.seed = 3;
    const QString why = refusal(topology, texts, overrides);
    QVERIFY2(why.contains(expected), qPrintable(why));
}

void TestSweep::outcomesTravelBitForBit()
{
    SweepOutcome o;
    o.offered = 1234567.0;
    o.ok = 1234000.25; // an expected count, not a whole one
    o.failed = 0.1 + 0.2;
    o.failedByCause = {1e-300, 0, 5e-324, 3, 1.0 / 3.0, 2, 0, std::nextafter(1.0, 2.0)};
    o.latencyCount = std::numeric_limits<std::uint64_t>::max();
    o.latencyMeanMs = 149.70543210987654;
    o.latencyP99Ms = 273.0;
    o.failures = 17;
    o.writesLost = 1e17;
    o.simulatedSeconds = 31557600.0 * 1000;
    o.events = 987654321012345ULL;
    o.wallSeconds = 2.5;
    const std::optional<SweepOutcome> back = decodeOutcome(encodeOutcome(o));
    QVERIFY(back);
    QVERIFY(sameBits(back->ok, o.ok));
    QVERIFY(sameBits(back->failed, o.failed));
    for (std::size_t i = 0; i < o.failedByCause.size(); ++i)
        QVERIFY2(sameBits(back->failedByCause[i], o.failedByCause[i]),
                 qPrintable(QString::number(i)));
    QVERIFY(sameBits(back->latencyMeanMs, o.latencyMeanMs));
    QCOMPARE(back->latencyCount, o.latencyCount);
    QCOMPARE(back->events, o.events);
    // The wall time stays behind: equal work must give equal outcomes.
    QCOMPARE(back->wallSeconds, 0.0);
    SweepOutcome expected = o;
    expected.wallSeconds = 0;
    QVERIFY(*back == expected);
}

void TestSweep::damagedOutcomesAreRefused_data()
{
    QTest::addColumn<QString>("text");
    const std::string good = encodeOutcome(SweepOutcome{});
    QTest::newRow("empty") << QString();
    QTest::newRow("truncated") << QString::fromStdString(good.substr(0, good.size() / 2));
    QTest::newRow("not an object") << QStringLiteral("[1,2,3]");
    QTest::newRow("other version") << QString::fromStdString(good).replace(
        QStringLiteral("\"v\":1"), QStringLiteral("\"v\":99"));
    QTest::newRow("short causes") << QString::fromStdString(good).replace(
        QStringLiteral("[0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0]"), QStringLiteral("[0.0]"));
    QTest::newRow("wrong type") << QString::fromStdString(good).replace(
        QStringLiteral("\"events\":0"), QStringLiteral("\"events\":\"many\""));
    QTest::newRow("negative count") << QString::fromStdString(good).replace(
        QStringLiteral("\"failures\":0"), QStringLiteral("\"failures\":-4"));
}

void TestSweep::damagedOutcomesAreRefused()
{
    QFETCH(QString, text);
    QVERIFY(!decodeOutcome(text.toStdString()));
}

void TestSweep::queueHandsOutEachTaskOnce()
{
    SweepQueue queue(4);
    QCOMPARE(queue.take(), std::optional<std::size_t>(0));
    QCOMPARE(queue.take(), std::optional<std::size_t>(1));
    QCOMPARE(queue.take(), std::optional<std::size_t>(2));
    // A lost task comes back before the rest, and only once.
    queue.giveBack(1);
    QCOMPARE(queue.take(), std::optional<std::size_t>(1));
    QCOMPARE(queue.take(), std::optional<std::size_t>(3));
    QCOMPARE(queue.take(), std::nullopt);
    SweepOutcome first;
    first.offered = 10;
    queue.finish(0, first);
    SweepOutcome again;
    again.offered = 99;
    queue.finish(0, again); // a second outcome for a task is ignored
    queue.giveBack(0);      // a finished task is not handed out again
    QCOMPARE(queue.take(), std::nullopt);
    QCOMPARE(queue.finishedCount(), std::size_t(1));
    QCOMPARE(queue.outcomes()[0].offered, 10.0);
    queue.finish(1, {});
    queue.finish(2, {});
    QVERIFY(!queue.allFinished());
    queue.finish(3, {});
    QVERIFY(queue.allFinished());

    SweepQueue abandoned(2);
    abandoned.abandon();
    QCOMPARE(abandoned.take(), std::nullopt);
}

void TestSweep::resultsDoNotDependOnThreads()
{
    const Topology topology = test::parseTopology(webTier);
    const SweepPlan plan = planOrFail(topology, {"www.ttl_s=30,300"}, runs(4, 600));
    const std::vector<SweepOutcome> one = runAll(plan, 1);
    const std::vector<SweepOutcome> two = runAll(plan, 2);
    const std::vector<SweepOutcome> three = runAll(plan, 3);
    QCOMPARE(one.size(), std::size_t(8));
    for (std::size_t i = 0; i < one.size(); ++i) {
        SweepOutcome a = one[i], b = two[i], c = three[i];
        a.wallSeconds = b.wallSeconds = c.wallSeconds = 0;
        QVERIFY2(a == b && a == c, qPrintable(QString::number(i)));
    }
    const auto dump = [&](const std::vector<SweepOutcome> &outcomes) {
        return sweepJson(plan, summarizeSweep(plan, outcomes)).dump(2);
    };
    QCOMPARE(dump(one), dump(two));
}

void TestSweep::aPointIsAPlainRunOfItsVariant()
{
    const Topology topology = test::parseTopology(webTier);
    const SweepPlan plan = planOrFail(topology, {"www.ttl_s=30,300"}, runs(3, 600));
    const std::vector<SweepPointSummary> points = summarizeSweep(plan, runAll(plan, 2));

    // Point 2 is the topology with TTL 300 s simulated as `simulate` would.
    const Checked<Topology> variant
        = applyChanges(topology, {{plan.parameters[0].path, ParamValue(std::int64_t(300))}});
    QVERIFY(variant);
    const sim::SimulationResult plain
        = sim::runSimulation(buildSimModel(*variant.value, runs(3, 600)), 2);
    QCOMPARE(points[1].offered, double(plain.requests.offered));
    QCOMPARE(points[1].ok, double(plain.requests.ok));
    QCOMPARE(points[1].failed, double(plain.requests.failed));
    QCOMPARE(points[1].availability, plain.availability);
    QCOMPARE(points[1].availabilityCi.low, plain.availabilityCi.low);
    QCOMPARE(points[1].failedCi.high, plain.failedCi.high);
    QCOMPARE(points[1].latencyP99MsCi.mean, plain.p99MsCi.mean);
    QCOMPARE(points[1].writesLost, double(plain.data.writesLost));
    QVERIFY(points[1].offered > 0);
}

void TestSweep::commonRandomNumbersSharpenDifferences()
{
    // A DNS TTL changes only what happens after an LB fails. With the same failures at the same
    // times in both points, the paired difference does not carry the spread that comes from how
    // many failures each replication drew, so its interval is narrower than the interval of
    // the difference of two independent points.
    const Topology topology = test::parseTopology(webTier);
    const SweepPlan plan = planOrFail(topology, {"www.ttl_s=30,120"}, runs(10));
    const std::vector<SweepPointSummary> points = summarizeSweep(plan, runAll(plan, 2));
    QVERIFY(points[0].failures > 10);
    QCOMPARE(points[1].failures, points[0].failures); // the same failures in both
    const double unpaired = std::hypot(points[0].failedCi.halfWidth, points[1].failedCi.halfWidth);
    const QString numbers = QStringLiteral("paired [%1, %2], unpaired +- %3")
                                .arg(points[1].failedDiffCi.low)
                                .arg(points[1].failedDiffCi.high)
                                .arg(unpaired);
    QVERIFY2(points[1].failedDiffCi.halfWidth < 0.5 * unpaired, qPrintable(numbers));
    qInfo("%s", qPrintable(numbers));
    // And it shows what the unpaired one cannot: a longer TTL fails more requests.
    QVERIFY2(points[1].failedDiffCi.low > 0, qPrintable(numbers));
    QVERIFY2(points[1].failedDiffCi.mean - unpaired < 0, qPrintable(numbers));
    QCOMPARE(points[0].availabilityDiffCi.samples, 0);
}

void TestSweep::failuresAreCountedNextToEveryInterval()
{
    const Topology topology = test::parseTopology(webTier);
    const SweepPlan plan = planOrFail(topology, {"lb-1.retries=1,3"}, runs(3, 900));
    const std::vector<SweepOutcome> outcomes = runAll(plan, 2);
    const std::vector<SweepPointSummary> points = summarizeSweep(plan, outcomes);
    std::uint64_t failures = 0;
    for (std::size_t k = 0; k < 3; ++k)
        failures += outcomes[k].failures;
    QCOMPARE(points[0].failures, failures);
    const nlohmann::ordered_json json = sweepJson(plan, points);
    QCOMPARE(json["mode"].get<std::string>(), std::string("requests"));
    QCOMPARE(json["seed"].get<int>(), 7);
    QCOMPARE(json["points"].size(), std::size_t(2));
    for (const char *key :
         {"availability", "failed_per_replication", "latency_mean_ms", "latency_p99_ms"}) {
        const auto &estimate = json["points"][0][key];
        QVERIFY2(estimate.contains("ci95") && estimate["ci95"].size() == 2, key);
        QCOMPARE(estimate["failures"].get<std::uint64_t>(), failures);
    }
    QVERIFY(!json["points"][0].contains("vs_first"));
    QCOMPARE(json["points"][1]["vs_first"]["availability"]["failures"].get<std::uint64_t>(),
             points[1].failures);
    QCOMPARE(json["points"][1]["values"]["lb-1.retries"].get<int>(), 3);
    const std::string text = sweepSummaryText(plan, points);
    QVERIFY2(text.find("from " + std::to_string(failures) + " failure") != std::string::npos,
             text.c_str());
}

void TestSweep::aTaskThatThrowsStopsTheRunWithItsName()
{
    // A plan whose second point has no model: running it throws, as a run out of memory would.
    const Topology topology = test::parseTopology(webTier);
    SweepPlan plan = planOrFail(topology, {"www.ttl_s=30,300"}, runs(3, 60));
    plan.models.pop_back();
    for (int threads : {1, 2}) {
        SweepQueue queue(plan.taskCount());
        const std::string failure = runSweepThreads(plan, queue, threads);
        // Whichever of point 2's runs a thread reached first.
        QVERIFY2(failure.starts_with("run ")
                     && failure.find(" (point 2, Record TTL 300 s, replication ")
                            != std::string::npos
                     && failure.find(") failed: ") != std::string::npos,
                 failure.c_str());
        QVERIFY(!queue.allFinished());
        QVERIFY(queue.abandoned());
        QCOMPARE(queue.take(), std::nullopt);
    }
}

void TestSweep::aCheckpointResumesWithTheSameOutcomes()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("sweep.checkpoint")).toStdString();
    const Topology topology = test::parseTopology(webTier);
    const SweepPlan plan = planOrFail(topology, {"www.ttl_s=30,300"}, runs(3, 120));
    const std::string fingerprint = sweepFingerprint(webTier, plan);
    const std::vector<SweepOutcome> whole = runAll(plan, 2);

    {
        // A first run that did tasks 0, 4 and 2, then died.
        SweepQueue queue(plan.taskCount());
        auto opened = SweepCheckpoint::open(path, fingerprint, queue);
        QVERIFY2(opened, opened.error.c_str());
        QCOMPARE((*opened.value)->resumed(), std::size_t(0));
        for (std::size_t task : {0, 4, 2})
            QVERIFY((*opened.value)->record(task, whole[task]).empty());
    }
    // A crash in the middle of a line leaves half of it.
    std::ofstream(path, std::ios::app) << "5\t{\"v\":1,\"offe";

    SweepQueue queue(plan.taskCount());
    auto opened = SweepCheckpoint::open(path, fingerprint, queue);
    QVERIFY2(opened, opened.error.c_str());
    QCOMPARE((*opened.value)->resumed(), std::size_t(3));
    QVERIFY(queue.isFinished(0) && queue.isFinished(2) && queue.isFinished(4));
    QVERIFY(!queue.isFinished(5));
    // Only the missing runs run, and each is written down as it finishes.
    std::unique_ptr<SweepCheckpoint> checkpoint = std::move(*opened.value);
    queue.onFinished([&](std::size_t task, const SweepOutcome &o) { checkpoint->record(task, o); });
    QVERIFY(runSweepThreads(plan, queue, 2).empty());
    std::vector<SweepOutcome> resumed = queue.outcomes();
    for (std::size_t i = 0; i < whole.size(); ++i) {
        SweepOutcome a = whole[i];
        a.wallSeconds = resumed[i].wallSeconds = 0;
        QVERIFY2(a == resumed[i], qPrintable(QString::number(i)));
    }
    QCOMPARE(sweepJson(plan, summarizeSweep(plan, resumed)).dump(),
             sweepJson(plan, summarizeSweep(plan, whole)).dump());
    checkpoint.reset();

    // The damaged line is gone and every run is in the file: a third open runs nothing.
    SweepQueue again(plan.taskCount());
    auto third = SweepCheckpoint::open(path, fingerprint, again);
    QVERIFY(third);
    QCOMPARE((*third.value)->resumed(), plan.taskCount());
    QVERIFY(again.allFinished());
}

void TestSweep::aCheckpointOfAnotherSweepIsRefused()
{
    QTemporaryDir dir;
    const Topology topology = test::parseTopology(webTier);
    const SweepPlan plan = planOrFail(topology, {"www.ttl_s=30,300"}, runs(3, 120));
    const SweepPlan other = planOrFail(topology, {"www.ttl_s=30,600"}, runs(3, 120));
    const SweepPlan moreRuns = planOrFail(topology, {"www.ttl_s=30,300"}, runs(4, 120));
    const std::string fingerprint = sweepFingerprint(webTier, plan);
    QVERIFY(fingerprint != sweepFingerprint(webTier, other));
    QVERIFY(fingerprint != sweepFingerprint(webTier, moreRuns));
    QVERIFY(fingerprint != sweepFingerprint(webTier + "# edited\n", plan));
    QCOMPARE(sweepFingerprint(webTier, plan), fingerprint); // stable

    const std::string path = dir.filePath(QStringLiteral("a.checkpoint")).toStdString();
    {
        SweepQueue queue(plan.taskCount());
        QVERIFY(SweepCheckpoint::open(path, fingerprint, queue));
    }
    SweepQueue queue(other.taskCount());
    const auto refused = SweepCheckpoint::open(path, sweepFingerprint(webTier, other), queue);
    QVERIFY(!refused);
    QVERIFY2(refused.error.find("belongs to another sweep") != std::string::npos,
             refused.error.c_str());

    const std::string foreign = dir.filePath(QStringLiteral("notes.txt")).toStdString();
    std::ofstream(foreign) << "my notes\n";
    const auto notOurs = SweepCheckpoint::open(foreign, fingerprint, queue);
    QVERIFY(!notOurs);
    QVERIFY2(notOurs.error.find("is not a sweep checkpoint") != std::string::npos,
             notOurs.error.c_str());
    std::ifstream kept(foreign);
    std::string line;
    std::getline(kept, line);
    QCOMPARE(line, std::string("my notes")); // left as it was

    const std::string empty = dir.filePath(QStringLiteral("empty")).toStdString();
    std::ofstream{empty};
    QVERIFY(SweepCheckpoint::open(empty, fingerprint, queue));

    const auto unwritable = SweepCheckpoint::open(
        dir.filePath(QStringLiteral("no/such/dir/c")).toStdString(), fingerprint, queue);
    QVERIFY(!unwritable);
    QVERIFY2(unwritable.error.find("cannot write checkpoint") != std::string::npos,
             unwritable.error.c_str());
}

QTEST_APPLESS_MAIN(TestSweep)
#include "tst_sweep.moc"
