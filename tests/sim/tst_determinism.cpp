// Reproducibility of the simulator: a model and a seed give the same results to the last bit
// whatever the thread count, the future-event set, the number of replications or the presence
// of components no request touches; a different seed gives different results. Compared on a
// web stack where every model runs, failures included, and on a plain M/M/1.
#include "simfixtures.h"

#include "sim/engine/orderedeventset.h"
#include "sim/model/world.h"
#include "sim/run/simulator.h"

#include <QtTest>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace topolab::sim;
using namespace topolab::sim::test;

Q_DECLARE_METATYPE(topolab::sim::ModelSpec)

namespace {

// Every number of a result, named, in a fixed order, doubles written exactly (%.17g), so two
// results compare field by field and a difference names the field. Histograms are compared
// separately with their own operator==, which looks at every bucket.
class Fingerprint
{
public:
    void add(const std::string &name, double value)
    {
        char text[32];
        std::snprintf(text, sizeof text, "%.17g", value);
        mItems.emplace_back(name, text);
    }
    void add(const std::string &name, std::uint64_t value)
    {
        mItems.emplace_back(name, std::to_string(value));
    }
    void add(const std::string &name, int value)
    {
        mItems.emplace_back(name, std::to_string(value));
    }
    void add(const std::string &name, bool value) { mItems.emplace_back(name, value ? "1" : "0"); }
    void add(const std::string &name, const std::string &value)
    {
        mItems.emplace_back(name, value);
    }
    void add(const std::string &name, const std::optional<double> &value)
    {
        if (value)
            add(name, *value);
        else
            mItems.emplace_back(name, "none");
    }

    const std::vector<std::pair<std::string, std::string>> &items() const { return mItems; }

private:
    std::vector<std::pair<std::string, std::string>> mItems;
};

void describe(Fingerprint &f, const RequestCounts &n)
{
    f.add("requests.offered", n.offered);
    f.add("requests.ok", n.ok);
    f.add("requests.failed", n.failed);
    f.add("requests.inFlight", n.inFlight);
    for (std::size_t c = 0; c < failureCauseCount; ++c)
        f.add("requests.failedByCause." + std::string(failureCauseNames[c]), n.failedByCause[c]);
    f.add("requests.retriedNextAddress", n.retriedNextAddress);
    f.add("requests.lbRetries", n.lbRetries);
}

void describe(Fingerprint &f, const std::vector<ComponentResult> &components)
{
    for (const ComponentResult &c : components) {
        const std::string at = "components." + c.id + ".";
        f.add(at + "kind", c.kind);
        f.add(at + "utilization", c.utilization);
        f.add(at + "meanQueue", c.meanQueue);
        f.add(at + "served", c.served);
        f.add(at + "failed", c.failed);
        f.add(at + "downSeconds", c.downSeconds);
    }
}

void describe(Fingerprint &f, const DataResult &d)
{
    f.add("data.writesCommitted", d.writesCommitted);
    f.add("data.writesLost", d.writesLost);
    f.add("data.writesDiverged", d.writesDiverged);
    f.add("data.maxReplicationLagSeconds", d.maxReplicationLagSeconds);
}

void describe(Fingerprint &f, const std::vector<Incident> &incidents)
{
    for (std::size_t i = 0; i < incidents.size(); ++i) {
        const Incident &x = incidents[i];
        const std::string at = "incidents." + std::to_string(i) + ".";
        f.add(at + "replication", x.replication);
        f.add(at + "atSeconds", x.atSeconds);
        f.add(at + "target", x.target);
        f.add(at + "kind", x.kind);
        f.add(at + "random", x.random);
        f.add(at + "detectedSeconds", x.detectedSeconds);
        f.add(at + "dnsUpdatedSeconds", x.dnsUpdatedSeconds);
        f.add(at + "recoveredSeconds", x.recoveredSeconds);
        f.add(at + "failedRequests", x.failedRequests);
        f.add(at + "writesLost", x.writesLost);
    }
}

void describe(Fingerprint &f, const TimeSeries &s)
{
    f.add("series.bucketSeconds", s.bucketSeconds);
    f.add("series.size", static_cast<std::uint64_t>(s.t.size()));
    for (std::size_t b = 0; b < s.t.size(); ++b) {
        const std::string at = "series." + std::to_string(b) + ".";
        f.add(at + "t", s.t[b]);
        f.add(at + "ok", s.ok[b]);
        f.add(at + "failed", s.failed[b]);
        for (std::size_t c = 0; c < failureCauseCount; ++c)
            f.add(at + std::string(failureCauseNames[c]), s.failedByCause[b][c]);
        f.add(at + "p50Ms", s.p50Ms[b]);
        f.add(at + "p90Ms", s.p90Ms[b]);
        f.add(at + "p99Ms", s.p99Ms[b]);
        f.add(at + "staleShare", s.staleShare[b]);
        f.add(at + "replicationLagS", s.replicationLagS[b]);
        for (std::size_t c = 0; c < s.utilization.size(); ++c) {
            f.add(at + "utilization." + std::to_string(c), double(s.utilization[c][b]));
            f.add(at + "servedPerS." + std::to_string(c), double(s.servedPerS[c][b]));
        }
    }
}

void describe(Fingerprint &f, const std::string &name, const ConfidenceInterval &ci)
{
    f.add(name + ".mean", ci.mean);
    f.add(name + ".low", ci.low);
    f.add(name + ".high", ci.high);
    f.add(name + ".halfWidth", ci.halfWidth);
    f.add(name + ".samples", ci.samples);
}

// Everything but the wall-clock time and the thread count, which are allowed to differ.
Fingerprint fingerprint(const SimulationResult &r)
{
    Fingerprint f;
    f.add("seed", r.seed);
    f.add("durationSeconds", r.durationSeconds);
    f.add("warmupSeconds", r.warmupSeconds);
    f.add("replications", r.replications);
    describe(f, r.requests);
    f.add("availability", r.availability);
    f.add("latency.count", r.latency.count());
    f.add("latency.mean", r.latency.mean());
    describe(f, "availabilityCi", r.availabilityCi);
    describe(f, "latencyMeanMsCi", r.latencyMeanMsCi);
    describe(f, "p99MsCi", r.p99MsCi);
    describe(f, "failedCi", r.failedCi);
    describe(f, r.components);
    describe(f, r.data);
    describe(f, r.incidents);
    describe(f, r.series);
    f.add("events", r.events);
    f.add("cancelled", r.cancelled);
    return f;
}

Fingerprint fingerprint(const ReplicationResult &r)
{
    Fingerprint f;
    describe(f, r.requests);
    f.add("latency.count", r.latency.count());
    f.add("latency.mean", r.latency.mean());
    describe(f, r.components);
    describe(f, r.data);
    describe(f, r.incidents);
    describe(f, r.series);
    f.add("bucketLatency.size", static_cast<std::uint64_t>(r.bucketLatency.size()));
    f.add("events", r.events);
    f.add("cancelled", r.cancelled);
    return f;
}

// Fails at the first field that differs, naming it.
void compareFingerprints(const Fingerprint &actual, const Fingerprint &expected)
{
    const auto &a = actual.items();
    const auto &e = expected.items();
    for (std::size_t i = 0; i < a.size() && i < e.size(); ++i) {
        if (a[i] == e[i])
            continue;
        const std::string message = a[i].first == e[i].first
                                        ? a[i].first + ": " + a[i].second + " vs " + e[i].second
                                        : "field " + a[i].first + " vs " + e[i].first;
        QFAIL(message.c_str());
    }
    QCOMPARE(a.size(), e.size());
}

void compareResults(const SimulationResult &actual, const SimulationResult &expected)
{
    compareFingerprints(fingerprint(actual), fingerprint(expected));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(actual.latency == expected.latency);
}

void compareResults(const ReplicationResult &actual, const ReplicationResult &expected)
{
    compareFingerprints(fingerprint(actual), fingerprint(expected));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(actual.latency == expected.latency);
    QCOMPARE(actual.bucketLatency.size(), expected.bucketLatency.size());
    for (std::size_t b = 0; b < actual.bucketLatency.size(); ++b)
        QVERIFY2(actual.bucketLatency[b] == expected.bucketLatency[b],
                 qPrintable(QStringLiteral("bucket %1").arg(b)));
}

// The web stack, long enough for every scheduled failure and its recovery.
ModelSpec site(int replications, std::uint64_t seed = 1)
{
    RunOptions run;
    run.replications = replications;
    run.duration = 500 * second;
    run.warmup = 30 * second;
    run.seed = seed;
    return webStack(run);
}

ModelSpec mm1(int replications)
{
    RunOptions run;
    run.replications = replications;
    run.duration = 400 * second;
    run.warmup = 20 * second;
    return textbookQueue(1, 80, Distribution::exponential(10e6), 1 << 30, run);
}

// A second load balancer with its own app server, in no DNS answer: it gets no traffic but runs
// its health checks, and (in the web stack) the app server takes part in the random failures.
ModelSpec withIdleBranch(ModelSpec model)
{
    const auto lb = static_cast<std::uint32_t>(model.components.size());
    model.components.push_back(
        plainLoadBalancer("lb-idle", BalanceAlgorithm::RoundRobin, {lb + 1}));
    model.components.push_back(plainAppServer("app-idle", 2, Distribution::exponential(10e6), 10));
    return model;
}

ReplicationResult runWorld(const ModelSpec &model, int replication,
                           std::unique_ptr<FutureEventSet> events)
{
    World world(model, replication, nullptr, std::move(events));
    world.run();
    return world.result(0.0);
}

} // namespace

class TestDeterminism : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threadCountDoesNotMatter_data();
    void threadCountDoesNotMatter();
    void seedsDiffer();
    void eventSetDoesNotMatter();
    void unrelatedComponentChangesNothing_data();
    void unrelatedComponentChangesNothing();
    void replicationIndependentOfCount();

private:
    std::optional<SimulationResult> mSingleThreaded;
};

void TestDeterminism::threadCountDoesNotMatter_data()
{
    QTest::addColumn<int>("threads");

    // One thread again: the same run twice is the same run.
    QTest::newRow("1 thread") << 1;
    QTest::newRow("2 threads") << 2;
    QTest::newRow("3 threads") << 3;
}

void TestDeterminism::threadCountDoesNotMatter()
{
    QFETCH(int, threads);
    ModelSpec model = site(5);
    model.recordLoad = true; // as the window runs it
    if (!mSingleThreaded)
        mSingleThreaded = runSimulation(model, 1);
    // The web stack must give the comparison something to compare: failures, failovers and
    // every failure cause the stack can produce.
    QVERIFY(mSingleThreaded->requests.failed > 0);
    QVERIFY(mSingleThreaded->incidents.size() >= 15);
    QVERIFY(mSingleThreaded->data.writesCommitted > 0);
    // The failed-requests interval is over the replications' own counts.
    QCOMPARE(mSingleThreaded->failedCi.samples, 5);
    QCOMPARE(mSingleThreaded->failedCi.mean, double(mSingleThreaded->requests.failed) / 5);
    QVERIFY(mSingleThreaded->failedCi.halfWidth > 0);

    const SimulationResult result = runSimulation(model, threads);
    QCOMPARE(result.threads, threads);
    compareResults(result, *mSingleThreaded);
}

void TestDeterminism::seedsDiffer()
{
    const SimulationResult one = runSimulation(site(2, 1), 2);
    const SimulationResult two = runSimulation(site(2, 2), 2);
    QVERIFY(one.requests.offered != two.requests.offered);
    QVERIFY(!(one.latency == two.latency));
    QVERIFY(one.latency.mean() != two.latency.mean());
    QVERIFY(one.series.ok != two.series.ok);
    QVERIFY(fingerprint(one).items() != fingerprint(two).items());
    // The arrivals of a replication differ from those of the next one under the same seed too.
    const ReplicationResult first = runReplication(mm1(2), 0);
    const ReplicationResult second = runReplication(mm1(2), 1);
    QVERIFY(first.requests.offered != second.requests.offered);
    QVERIFY(!(first.latency == second.latency));
}

void TestDeterminism::eventSetDoesNotMatter()
{
    // The 4-ary heap against the reference std::set: both hand out events in (time, sequence)
    // order, so every model sees the same history.
    const ModelSpec model = site(1);
    const ReplicationResult heap = runWorld(model, 0, nullptr);
    const ReplicationResult ordered = runWorld(model, 0, std::make_unique<OrderedEventSet>());
    QVERIFY(heap.events > 0);
    compareResults(ordered, heap);
}

void TestDeterminism::unrelatedComponentChangesNothing_data()
{
    QTest::addColumn<ModelSpec>("model");

    QTest::newRow("M/M/1") << mm1(1);
    QTest::newRow("web stack") << site(1);
}

void TestDeterminism::unrelatedComponentChangesNothing()
{
    QFETCH(ModelSpec, model);
    // Random streams are keyed by component id, not by position or by the order of draws
    // across components, so a component no request reaches leaves every request as it was.
    const ModelSpec extended = withIdleBranch(model);
    const ReplicationResult before = runReplication(model, 0);
    const ReplicationResult after = runReplication(extended, 0);

    Fingerprint expected;
    describe(expected, before.requests);
    Fingerprint actual;
    describe(actual, after.requests);
    compareFingerprints(actual, expected);
    QVERIFY(after.latency == before.latency);
    // The components of the original model keep their figures too.
    for (std::size_t i = 0; i < model.components.size(); ++i) {
        QCOMPARE(after.components[i].served, before.components[i].served);
        QCOMPARE(after.components[i].failed, before.components[i].failed);
        QVERIFY(after.components[i].utilization == before.components[i].utilization);
        QVERIFY(after.components[i].meanQueue == before.components[i].meanQueue);
    }
    // And the idle branch really was idle.
    QCOMPARE(after.components[model.components.size()].served, std::uint64_t(0));
    QCOMPARE(after.components[model.components.size() + 1].served, std::uint64_t(0));
}

void TestDeterminism::replicationIndependentOfCount()
{
    const ModelSpec three = site(3);
    ModelSpec five = three;
    five.replications = 5;

    LogHistogram firstThree;
    for (int k = 0; k < 3; ++k) {
        const ReplicationResult alone = runReplication(three, k);
        const ReplicationResult amongFive = runReplication(five, k);
        compareResults(amongFive, alone);
        if (QTest::currentTestFailed())
            return;
        firstThree.merge(alone.latency);
    }
    // The pooled run is made of exactly those replications, whichever thread ran them.
    const SimulationResult pooled = runSimulation(three, 2);
    QVERIFY(pooled.latency == firstThree);
}

QTEST_APPLESS_MAIN(TestDeterminism)
#include "tst_determinism.moc"
