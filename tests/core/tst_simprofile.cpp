// Rate profiles: the file's `profile` group reaches the simulator, each shape gives the factor it
// documents, and the requests sent follow the profile within Poisson noise. Also the per-bucket
// quantiles and component load a front end draws.
#include "topologyfixture.h"

#include "core/simulation/simmodelbuilder.h"
#include "sim/run/simulator.h"

#include <QTest>

#include <cmath>
#include <numeric>

using namespace topolab;
using namespace topolab::core;
using topolab::test::parseTopology;
using sim::second;

namespace {

// One group, a server far from saturation, no database and no static content: every request
// sent is counted ok or failed in the bucket of its send time.
std::string topologyWithProfile(const std::string &profile)
{
    return R"(topolab: 1
regions: [{id: r1}]
components:
  - {id: www, kind: dns}
  - {id: lb, kind: load_balancer, region: r1, overhead_ms: 0}
  - {id: app, kind: app_server, region: r1, workers: 64, queue_limit: 0, db_queries: 0,
     service_ms: {dist: deterministic, mean: 1}}
links:
  - {from: www, to: lb}
  - {from: lb, to: app}
traffic:
  client_groups:
    - {id: users, region: r1, rate_rps: 2000, static_fraction: 0, write_fraction: 0)"
           + profile + R"(}
scenario: {duration_s: 60, warmup_s: 5, seed: 7}
)";
}

// Requests sent in [from, to) seconds after the warm-up.
std::uint64_t sentBetween(const sim::TimeSeries &s, double from, double to)
{
    std::uint64_t sum = 0;
    for (std::size_t b = 0; b < s.t.size(); ++b)
        if (s.t[b] >= from && s.t[b] < to)
            sum += s.ok[b] + s.failed[b];
    return sum;
}

// A Poisson count with mean `expected` lies within five standard deviations.
bool withinPoissonNoise(std::uint64_t count, double expected)
{
    return std::abs(static_cast<double>(count) - expected) <= 5 * std::sqrt(expected);
}

} // namespace

class TestSimProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void absentProfileIsConstant()
    {
        const sim::ModelSpec m = buildSimModel(parseTopology(topologyWithProfile("")));
        QVERIFY(m.clientGroups.front().profile.constant());
    }

    void profileKeysReachTheSimulator()
    {
        const sim::ModelSpec m = buildSimModel(parseTopology(topologyWithProfile(
            ", profile: {shape: steps, factor: 1.5, at_s: 30, every_s: 10, count: 2}")));
        const sim::RateProfile &p = m.clientGroups.front().profile;
        QCOMPARE(p.shape, sim::RateProfile::Shape::Steps);
        QCOMPARE(p.factor, 1.5);
        QCOMPARE(p.at, 30 * second);
        QCOMPARE(p.every, 10 * second);
        QCOMPARE(p.count, 2);
    }

    void shapesGiveTheirFactors()
    {
        sim::RateProfile steps;
        steps.shape = sim::RateProfile::Shape::Steps;
        steps.factor = 2;
        steps.at = 100 * second;
        steps.every = 50 * second;
        steps.count = 2;
        QCOMPARE(steps.factorAt(-10 * second), 1.0); // warm-up: the level of time 0
        QCOMPARE(steps.factorAt(99 * second), 1.0);
        QCOMPARE(steps.factorAt(100 * second), 2.0);
        QCOMPARE(steps.factorAt(149 * second), 2.0);
        QCOMPARE(steps.factorAt(150 * second), 4.0);
        QCOMPARE(steps.factorAt(10000 * second), 4.0); // no more than `count` steps
        QCOMPARE(steps.maxFactor(), 4.0);

        sim::RateProfile spike;
        spike.shape = sim::RateProfile::Shape::Spike;
        spike.factor = 5;
        spike.at = 10 * second;
        spike.length = 5 * second;
        QCOMPARE(spike.factorAt(9 * second), 1.0);
        QCOMPARE(spike.factorAt(10 * second), 5.0);
        QCOMPARE(spike.factorAt(15 * second), 1.0);
        QCOMPARE(spike.maxFactor(), 5.0);

        sim::RateProfile daily;
        daily.shape = sim::RateProfile::Shape::Daily;
        daily.factor = 2;
        daily.troughFactor = 0.5;
        daily.peakHours = 6;
        QVERIFY(std::abs(daily.factorAt(6 * 3600 * second) - 2.0) < 1e-12);
        QVERIFY(std::abs(daily.factorAt(18 * 3600 * second) - 0.5) < 1e-12);
        QVERIFY(std::abs(daily.factorAt(0) - 1.25) < 1e-12); // a quarter day before the peak
        QCOMPARE(daily.maxFactor(), 2.0);

        sim::RateProfile falling = steps;
        falling.factor = 0.5; // steps down: the peak is the start
        QCOMPARE(falling.maxFactor(), 1.0);
    }

    void requestsFollowASpike()
    {
        const sim::ModelSpec m = buildSimModel(parseTopology(
            topologyWithProfile(", profile: {shape: spike, factor: 3, at_s: 20, for_s: 20}")));
        const sim::SimulationResult r = sim::runSimulation(m, 1);
        QVERIFY(withinPoissonNoise(sentBetween(r.series, 0, 20), 2000.0 * 20));
        QVERIFY(withinPoissonNoise(sentBetween(r.series, 20, 40), 3 * 2000.0 * 20));
        QVERIFY(withinPoissonNoise(sentBetween(r.series, 40, 59), 2000.0 * 19));
    }

    void requestsFollowSteps()
    {
        const sim::ModelSpec m = buildSimModel(parseTopology(topologyWithProfile(
            ", profile: {shape: steps, factor: 0.5, at_s: 20, every_s: 20, count: 2}")));
        const sim::SimulationResult r = sim::runSimulation(m, 1);
        QVERIFY(withinPoissonNoise(sentBetween(r.series, 0, 20), 2000.0 * 20));
        QVERIFY(withinPoissonNoise(sentBetween(r.series, 20, 40), 1000.0 * 20));
        QVERIFY(withinPoissonNoise(sentBetween(r.series, 40, 59), 500.0 * 19));
    }

    void constantProfileChangesNothing()
    {
        // Written out or left away, a constant rate draws the same arrivals.
        const sim::SimulationResult plain
            = sim::runSimulation(buildSimModel(parseTopology(topologyWithProfile(""))), 1);
        const sim::SimulationResult written = sim::runSimulation(
            buildSimModel(parseTopology(topologyWithProfile(", profile: {shape: constant}"))), 1);
        QCOMPARE(written.requests.offered, plain.requests.offered);
        QCOMPARE(written.series.ok, plain.series.ok);
    }

    void bucketQuantilesAreOrdered()
    {
        const sim::SimulationResult r = sim::runSimulation(
            buildSimModel(parseTopology(topologyWithProfile(""))), 1);
        QCOMPARE(r.series.p50Ms.size(), r.series.t.size());
        QCOMPARE(r.series.p90Ms.size(), r.series.t.size());
        for (std::size_t b = 0; b < r.series.t.size(); ++b) {
            QVERIFY(r.series.p50Ms[b] > 0);
            QVERIFY(r.series.p50Ms[b] <= r.series.p90Ms[b]);
            QVERIFY(r.series.p90Ms[b] <= r.series.p99Ms[b]);
        }
    }

    void loadIsRecordedOnlyWhenAsked()
    {
        sim::ModelSpec m = buildSimModel(
            parseTopology(topologyWithProfile(", profile: {shape: spike, factor: 3, at_s: 20, "
                                              "for_s: 20}")));
        QVERIFY(sim::runSimulation(m, 1).series.utilization.empty());

        m.recordLoad = true;
        m.replications = 2;
        const sim::SimulationResult r = sim::runSimulation(m, 2);
        const std::uint32_t app = m.indexOf("app");
        QCOMPARE(r.series.utilization.size(), m.components.size());
        QCOMPARE(r.series.servedPerS[app].size(), r.series.t.size());
        // Little's law per bucket: busy workers = rate x service time; 2000 rps x 1 ms = 2 of
        // 64 workers, and three times that in the spike. Served per second follows the rate.
        const auto mean = [&](const std::vector<float> &v, std::size_t from, std::size_t to) {
            return std::accumulate(v.begin() + from, v.begin() + to, 0.0) / double(to - from);
        };
        const double quiet = mean(r.series.utilization[app], 2, 18);
        const double busy = mean(r.series.utilization[app], 22, 38);
        QVERIFY2(std::abs(quiet - 2.0 / 64) < 0.003, qPrintable(QString::number(quiet)));
        QVERIFY2(std::abs(busy - 6.0 / 64) < 0.006, qPrintable(QString::number(busy)));
        const double served = mean(r.series.servedPerS[app], 2, 18);
        QVERIFY2(std::abs(served - 2000) < 60, qPrintable(QString::number(served)));
    }
};

QTEST_APPLESS_MAIN(TestSimProfile)
#include "tst_simprofile.moc"
