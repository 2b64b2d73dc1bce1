// The long-horizon availability mode (sim/availability/): outage timelines and their windows,
// request-weighted unavailability against analytic results for one unprotected app server and
// for an active/standby database pair, against the full request-level simulation on
// accelerated failure rates, and determinism across threads and calls.
//
// Every expected value is a formula; every tolerance is the run's own 95 % Student-t interval
// across replications (the interval the mode reports), widened only by a stated bound on a
// known systematic difference, and each interval must also be narrow enough that a vague run
// cannot pass. The seeds are fixed, so a run is reproducible.

#include "failurefixtures.h"

#include "sim/availability/availabilityrunner.h"
#include "sim/availability/incidentwindow.h"
#include "sim/availability/outagetimeline.h"
#include "sim/availability/windowreplay.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace topolab::sim;
using namespace topolab::sim::fixtures;

namespace {

QByteArray num(double value)
{
    return QByteArray::number(value, 'g', 6);
}

// Client → DNS → LB → one app server (no redundancy), no database, at `rate` requests/s.
// The LB checks every 100 ms and trusts a server again after one good check, so a repaired
// server serves again within 0.1 s; clients have no timeout of their own.
ModelSpec singleServer(double rate)
{
    ModelSpec m;
    m.name = "single-server";
    m.regions = {"region"};
    const std::uint32_t dns
        = addDns(m, "www", DnsPolicy::RoundRobin, 60 * second, 10 * second, 3, 30 * second);
    m.components[dns].dns.healthCheck = false;
    const std::uint32_t lb = addLoadBalancer(m, "lb", 0, {});
    const std::uint32_t app = addAppServer(m, "app", 0, 4, 10 * millisecond);
    m.components[dns].dns.loadBalancers = {lb};
    m.components[lb].loadBalancer.servers = {app};
    m.components[lb].loadBalancer.checkInter = 100 * millisecond;
    m.components[lb].loadBalancer.checkRise = 1;
    m.components[lb].loadBalancer.checkFall = 1;
    addClients(m, "users", 0, dns, rate, 4);
    m.warmup = 5 * second;
    m.duration = 600 * second;
    return m;
}

// Client → DNS → LB → one app server → primary database with one asynchronous standby; every
// request does exactly one query (all reads on the primary, no writes, no static content).
ModelSpec activeStandby(double rate)
{
    ModelSpec m = singleServer(rate);
    m.name = "active-standby";
    const std::uint32_t primary = addDatabase(m, "db-1", 0, 2 * millisecond);
    const std::uint32_t standby = addDatabase(m, "db-2", 0, 2 * millisecond);
    m.components[standby].database.primary = false;
    m.components[standby].database.upstream = primary;
    for (std::uint32_t db : {primary, standby}) {
        m.components[db].database.detect = 30 * second;
        m.components[db].database.promote = 5 * second;
        m.components[db].database.recreate = 300 * second;
    }
    AppServerSpec &app = m.components[2].appServer;
    app.database = primary;
    app.dbQueries = 1;
    return m;
}

RandomFailureSpec randomFailures(SimKind kind, double mtbfHours, double mttrMinutes)
{
    RandomFailureSpec r;
    r.kind = kind;
    r.mtbfHours = mtbfHours;
    r.mttrMinutes = mttrMinutes;
    return r;
}

// E[min(D, R)] for D uniform on [a, b] and R exponential with rate mu: the outage of a failure
// that ends at D unless the repair R comes first.
double meanMinUniformExp(double a, double b, double mu)
{
    if (b - a < 1e-12)
        return (1 - std::exp(-mu * a)) / mu;
    return (1 - (std::exp(-mu * a) - std::exp(-mu * b)) / (mu * (b - a))) / mu;
}

bool sameReplication(const AvailabilityReplication &a, const AvailabilityReplication &b)
{
    bool same = a.replication == b.replication && a.simulatedSeconds == b.simulatedSeconds
                && a.quietSeconds == b.quietSeconds && a.offered == b.offered && a.ok == b.ok
                && a.failed == b.failed && a.failedByCause == b.failedByCause
                && a.availability == b.availability && a.failures == b.failures
                && a.windows == b.windows && a.overlappingWindows == b.overlappingWindows
                && a.overlappingFailedRequests == b.overlappingFailedRequests
                && a.writesLost == b.writesLost && a.events == b.events
                && a.baselineFailedShare == b.baselineFailedShare
                && a.components.size() == b.components.size()
                && a.worstWindows.size() == b.worstWindows.size();
    for (std::size_t i = 0; same && i < a.components.size(); ++i) {
        const ComponentAvailability &x = a.components[i], &y = b.components[i];
        same = x.id == y.id && x.failures == y.failures && x.downSeconds == y.downSeconds
               && x.failedRequests == y.failedRequests && x.soloWindows == y.soloWindows;
    }
    for (std::size_t i = 0; same && i < a.worstWindows.size(); ++i) {
        const WindowSummary &x = a.worstWindows[i], &y = b.worstWindows[i];
        same = x.replication == y.replication && x.startSeconds == y.startSeconds
               && x.lengthSeconds == y.lengthSeconds && x.components == y.components
               && x.failedRequests == y.failedRequests;
    }
    return same;
}

} // namespace

class TestAvailability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overlappingOutagesMergeIntoOneWindow();
    void outageInProgressIsCutAtTheHorizon();
    void timelineOfAComponentIgnoresTheOthers();
    void settleTimeIsAsDocumented();
    void windowModelReplaysTheOutages();
    void singleServerMatchesDownTimeShare();
    void activeStandbyMatchesItsAnalyticModel();
    void agreesWithTheFullSimulation();
    void resultsDoNotDependOnThreadsOrCalls();
    void requestsInFlightAtACrashAreCounted();
};

void TestAvailability::overlappingOutagesMergeIntoOneWindow()
{
    const SimTime s = second;
    // a: [10, 20), b: [15, 40) overlaps a, c: [42, 45) starts inside b's settle (40 + 5),
    // d: [100, 110) is on its own.
    const std::vector<Outage> outages = {
        {1, 0, FailureMode::Crash, 10 * s, 20 * s},
        {2, 0, FailureMode::Crash, 15 * s, 40 * s},
        {1, 0, FailureMode::Crash, 42 * s, 45 * s},
        {3, 1, FailureMode::Blackhole, 100 * s, 110 * s},
    };
    const std::vector<IncidentWindow> windows = mergeIntoWindows(outages, 5 * s);
    QCOMPARE(windows.size(), std::size_t(2));
    QCOMPARE(windows[0].start, 10 * s - windowLead);
    QCOMPARE(windows[0].end, 50 * s); // c's end + settle
    QCOMPARE(windows[0].outages.size(), std::size_t(3));
    QCOMPARE(windows[1].start, 100 * s - windowLead);
    QCOMPARE(windows[1].end, 115 * s);
    QCOMPARE(windows[1].outages.front().mode, FailureMode::Blackhole);
    // An outage whose lead starts exactly at a window's end opens a new window; one at the
    // start of the horizon has no lead.
    const std::vector<IncidentWindow> apart = mergeIntoWindows(
        {{1, 0, FailureMode::Crash, 0, 10 * s}, {2, 0, FailureMode::Crash, 16 * s, 20 * s}}, 5 * s);
    QCOMPARE(apart.size(), std::size_t(2));
    QCOMPARE(apart[0].start, SimTime(0));
    QCOMPARE(apart[1].start, 15 * s);
}

void TestAvailability::outageInProgressIsCutAtTheHorizon()
{
    ModelSpec m = singleServer(10);
    // Repairs take about a week, failures come about hourly: the horizon of ten days ends inside
    // an outage in almost every replication.
    m.randomFailures = {randomFailures(SimKind::AppServer, 1, 7 * 24 * 60)};
    const SimTime horizon = 10 * 24 * 3600 * second;
    int cut = 0;
    for (int rep = 0; rep < 20; ++rep) {
        const std::vector<Outage> outages = outageTimeline(m, rep, horizon);
        QVERIFY(!outages.empty());
        for (std::size_t i = 0; i < outages.size(); ++i) {
            QVERIFY(outages[i].start < outages[i].end);
            QVERIFY(outages[i].end <= horizon);
            QCOMPARE(outages[i].component, std::uint32_t(2));
            if (i > 0)
                QVERIFY(outages[i - 1].end <= outages[i].start);
        }
        if (outages.back().end == horizon)
            ++cut;
        const std::vector<IncidentWindow> windows = mergeIntoWindows(outages, defaultSettleTime(m));
        QVERIFY(windows.back().end <= horizon + defaultSettleTime(m));
    }
    // P(down at the horizon) = 7 d / (7 d + 1 h) when stationary; from an up start after 10
    // days it is still above 0.6.
    QVERIFY2(cut >= 12, QByteArray::number(cut));
}

void TestAvailability::timelineOfAComponentIgnoresTheOthers()
{
    ModelSpec m = singleServer(10);
    m.randomFailures = {randomFailures(SimKind::AppServer, 2, 5)};
    const SimTime horizon = 1000 * 3600 * second;
    const std::vector<Outage> before = outageTimeline(m, 3, horizon);
    // A second app server, added after the first: the first one's outages are unchanged.
    addAppServer(m, "app-2", 0, 4, 10 * millisecond);
    std::vector<Outage> first;
    for (const Outage &o : outageTimeline(m, 3, horizon))
        if (o.component == 2)
            first.push_back(o);
    QCOMPARE(first.size(), before.size());
    QVERIFY(first == before);
    // ...and another replication draws other outages.
    QVERIFY(outageTimeline(m, 4, horizon) != outageTimeline(m, 3, horizon));
    // The mean up time is the MTBF: about 500 failures in 1000 h at 2 h.
    QVERIFY2(before.size() > 400 && before.size() < 600, QByteArray::number(int(before.size())));
}

void TestAvailability::settleTimeIsAsDocumented()
{
    ModelSpec m = singleServer(10);
    // No client timeout; LB server timeout 30 s (default); checks 100 ms x rise 1.
    QCOMPARE(defaultSettleTime(m), 30 * second + 100 * millisecond + 10 * second);
    m.clientGroups[0].requestTimeout = 45 * second;
    m.components[1].loadBalancer.checkInter = 2 * second;
    m.components[1].loadBalancer.checkRise = 3;
    QCOMPARE(defaultSettleTime(m), 45 * second + 6 * second + 10 * second);
    // The option wins when given.
    m.randomFailures = {randomFailures(SimKind::AppServer, 1, 1)};
    AvailabilityOptions options;
    options.years = 0.001;
    options.replications = 1;
    options.settle = 2 * second;
    options.baselineDuration = 10 * second;
    QCOMPARE(runAvailability(m, options).settleSeconds, 2.0);
}

void TestAvailability::windowModelReplaysTheOutages()
{
    ModelSpec m = singleServer(10);
    m.clientGroups[0].profile.shape = RateProfile::Shape::Daily;
    m.clientGroups[0].profile.peakHours = 20;
    m.randomFailures = {randomFailures(SimKind::AppServer, 1, 1)};
    m.failures.push_back(FailureSpec{});
    IncidentWindow w{(24 * 3 + 5) * 3600 * second,
                     (24 * 3 + 5) * 3600 * second + 100 * second,
                     {{2, 0, FailureMode::Degrade, (24 * 3 + 5) * 3600 * second + 10 * second,
                       (24 * 3 + 5) * 3600 * second + 40 * second}}};
    const ModelSpec wm = windowModel(m, w, 7);
    QVERIFY(wm.randomFailures.empty());
    QCOMPARE(wm.failures.size(), std::size_t(1));
    QCOMPARE(wm.failures[0].at, 10 * second);
    QCOMPARE(wm.failures[0].duration, 30 * second);
    QCOMPARE(wm.failures[0].mode, FailureMode::Degrade);
    QCOMPARE(wm.failures[0].target, std::string("app"));
    QCOMPARE(wm.duration, 100 * second);
    QCOMPARE(wm.warmup, m.warmup);
    QCOMPARE(wm.seed, replaySeed(m.seed, 7));
    // The window starts at 05:00 of day 4: its own clock sees the 20:00 peak 15 h later.
    QCOMPARE(wm.clientGroups[0].profile.peakHours, 15.0);
    for (double t : {0.0, 3600.0, 50000.0})
        QVERIFY(std::abs(wm.clientGroups[0].profile.factorAt(fromSeconds(t))
                         - m.clientGroups[0].profile.factorAt(w.start + fromSeconds(t)))
                < 1e-9);
    // Steps and Spike are one-off scenario features: constant in this mode.
    m.clientGroups[0].profile.shape = RateProfile::Shape::Spike;
    QVERIFY(windowModel(m, w, 0).clientGroups[0].profile.constant());
}

// One app server and nothing to fail over to: a request fails exactly while the server is down
// (refused at the crash, then no backend), so the request-weighted unavailability of Poisson
// arrivals is the share of time down, MTTR / (MTBF + MTTR). Small allowance: requests in flight
// at a crash (4 workers of 10 ms: at most 0.01 s of traffic per failure) and the LB's first good
// check after the repair (at most 0.1 s), 0.11 s per failure, i.e. 0.11 / 180 = 0.06 % of the
// value, stated as an absolute bound below.
void TestAvailability::singleServerMatchesDownTimeShare()
{
    ModelSpec m = singleServer(10);
    const double mtbfH = 1, mttrMin = 3;
    m.randomFailures = {randomFailures(SimKind::AppServer, mtbfH, mttrMin)};
    AvailabilityOptions options;
    options.years = 0.04; // 350 h: about 340 failures per replication
    options.replications = 8;
    options.settle = 2 * second;
    options.baselineDuration = 60 * second;
    const AvailabilityResult r = runAvailability(m, options, 2);

    const double expected = mttrMin / (mtbfH * 60 + mttrMin);
    const double perFailure = (0.01 + 0.1) / (mtbfH * 3600 + mttrMin * 60);
    const ConfidenceInterval &ci = r.availability.ci;
    const double unavailability = 1 - ci.mean;
    qInfo("unavailability %s ± %s (95%%, %d replications, %llu failures), analytic %s",
          num(unavailability).constData(), num(ci.halfWidth).constData(), ci.samples,
          static_cast<unsigned long long>(r.availability.failures), num(expected).constData());
    QVERIFY(r.availability.failures > 2000);
    QVERIFY(std::abs(unavailability - expected) <= ci.halfWidth + perFailure);
    QVERIFY2(ci.halfWidth < 0.1 * expected, "the interval is too wide to say anything");
    // Nothing fails outside the windows, and the minutes per year say the same as availability.
    QCOMPARE(r.runs[0].baselineFailedShare, 0.0);
    QVERIFY(std::abs(r.unavailabilityMinPerYear.value - (1 - r.availability.value) * 525960)
            < 1e-6 * r.unavailabilityMinPerYear.value);
    QCOMPARE(r.components.size(), std::size_t(1));
    QCOMPARE(r.components[0].id, std::string("app"));
    QCOMPARE(r.components[0].failures, r.failures);
    QVERIFY(std::abs(r.components[0].downSeconds / (r.simulatedSeconds) - expected)
            < 3 * ci.halfWidth);
}

// The active/standby pair under the replica set's rules (sim/model/replicasetmodel.cpp). Each
// database alternates independently: up Exp(λ), down Exp(μ); q = λ/(λ+μ) is the share of time
// a unit is down. Only a failure of the unit that is primary stops requests, and the primary
// fails at rate λ while it is up: λ(1 - U) ≈ λ.
//  (a) the standby is up: the lease runs out after Ddet, uniform in [2/3 detect, detect], then
//      `promote`: D = Ddet + promote. A repair of the old primary before that ends the outage
//      first (memberRepaired clears it): outage min(D, R), R ~ Exp(μ), with mean
//      E_a = meanMinUniformExp(2/3 detect + promote, detect + promote, μ).
//  (b) the standby is down: its remaining repair Rs ~ Exp(μ) (memoryless). If it is back
//      before detection (Rs < Ddet), detection promotes it: outage min(R, Ddet + promote); else
//      no standby serves and the instance is recreated: outage min(R, Ddet + recreate).
//      E_b = E_u[(1 - e^{-μ Ddet}) m(Ddet + promote) + e^{-μ Ddet} m(Ddet + recreate)],
//      m(x) = (1 - e^{-μx})/μ, integrated numerically over Ddet.
// The standby is down at a primary failure with probability q_s, the share of time the unit
// that is not primary is down. The repaired old primary rejoins as the standby, so a failed
// primary's down time after it lost the role counts as standby down time: of the 2q of down
// time of both units, only the primary's own outages, λ E_a, are not: q_s = 2q - λ E_a.
// Hence U = λ [(1 - q_s) E_a + q_s E_b] (to second order; the both-down case during a
// detection, λ²E_a·E_b, is below 1 % of U here).
// The availability mode starts every window with db-1 as primary; within a window db-2 stays
// primary after a failover, so db-2's failures while db-1 is down are primary failures with the
// standby down, and the rate and the q_s above hold for the mode too.
// The textbook two-unit standby system with switch-over time τ and independent repair has
// U = λτ + q² (first order: the switch-over; second: both down); τ = E[D] agrees with the
// above to first order in λ/μ, and the second-order terms (repair before promotion, λμE[D²]/2;
// the standby down at the failure, 2q·λ·E_b) bound the difference.
void TestAvailability::activeStandbyMatchesItsAnalyticModel()
{
    ModelSpec m = activeStandby(5);
    const double mtbfH = 5, mttrMin = 3;
    m.randomFailures = {randomFailures(SimKind::Database, mtbfH, mttrMin)};
    AvailabilityOptions options;
    options.years = 0.1; // 876 h: about 175 failures of each database per replication
    options.replications = 10;
    options.settle = 2 * second;
    options.baselineDuration = 60 * second;
    const AvailabilityResult r = runAvailability(m, options, 2);

    const double lambda = 1 / (mtbfH * 3600), mu = 1 / (mttrMin * 60);
    const double q = lambda / (lambda + mu);
    const double detect = 30, promote = 5, recreate = 300;
    const double ea = meanMinUniformExp(detect * 2 / 3 + promote, detect + promote, mu);
    const auto m_ = [mu](double x) {
        return (1 - std::exp(-mu * x)) / mu;
    };
    double eb = 0;
    const int steps = 1000;
    for (int i = 0; i < steps; ++i) {
        const double d = detect * (2.0 / 3 + (i + 0.5) / steps / 3);
        const double back = 1 - std::exp(-mu * d);
        eb += (back * m_(d + promote) + (1 - back) * m_(d + recreate)) / steps;
    }
    const double qs = 2 * q - lambda * ea;
    const double expected = lambda * ((1 - qs) * ea + qs * eb);

    const ConfidenceInterval &ci = r.availability.ci;
    const double unavailability = 1 - ci.mean;
    // Requests in flight at a crash: one query of 2 ms, 5 requests/s: 0.01 requests per failure.
    const double inFlight = lambda * 0.01;
    qInfo("unavailability %s ± %s (95%%, %d replications, %llu failures), analytic %s",
          num(unavailability).constData(), num(ci.halfWidth).constData(), ci.samples,
          static_cast<unsigned long long>(r.availability.failures), num(expected).constData());
    QVERIFY(std::abs(unavailability - expected) <= ci.halfWidth + inFlight);
    QVERIFY2(ci.halfWidth < 0.1 * expected, "the interval is too wide to say anything");
    QVERIFY(r.failures > 3000);
    // Only a primary's failure costs requests; the standby's windows fail none.
    QCOMPARE(r.components.size(), std::size_t(2));
    QVERIFY(r.components[0].failedRequests > 0);
    QCOMPARE(r.components[1].failedRequests, 0.0);
    QVERIFY(r.overlappingWindows > 0); // some primary failures found the standby down

    // The textbook formula, to first order.
    const double tau = detect * 5 / 6 + promote;
    const double textbook = lambda * tau + q * q;
    const double meanD2 = [&] {
        double s = 0;
        for (int i = 0; i < steps; ++i) {
            const double d = detect * (2.0 / 3 + (i + 0.5) / steps / 3) + promote;
            s += d * d / steps;
        }
        return s;
    }();
    const double secondOrder = lambda * mu * meanD2 / 2 + q * q + 2 * q * lambda * eb;
    qInfo("textbook %s, second-order bound %s", num(textbook).constData(),
          num(secondOrder).constData());
    QVERIFY(secondOrder < 0.25 * textbook);
    QVERIFY(std::abs(unavailability - textbook) <= ci.halfWidth + secondOrder);
}

// The same model, failing at accelerated rates, simulated request by request over 150 h and
// in the availability mode: the availabilities agree within the two 95 % intervals combined.
// One app server (MTBF 2 h, MTTR 3 min, default LB checks: 2 s x fall 3, rise 2) and the
// active/standby database (MTBF 4 h, MTTR 3 min), so the LB's detection and rise, failover and
// overlapping failures all play a part.
void TestAvailability::agreesWithTheFullSimulation()
{
    ModelSpec m = activeStandby(5);
    m.components[1].loadBalancer.checkInter = 2 * second;
    m.components[1].loadBalancer.checkFall = 3;
    m.components[1].loadBalancer.checkRise = 2;
    m.randomFailures
        = {randomFailures(SimKind::AppServer, 2, 3), randomFailures(SimKind::Database, 4, 3)};
    m.duration = 150 * 3600 * second;
    m.warmup = 10 * second;
    m.replications = 6;
    const SimulationResult full = runSimulation(m, 2);

    m.duration = 600 * second; // the baseline's length
    AvailabilityOptions options;
    options.years = 150.0 / 8766;
    options.replications = 12;
    const AvailabilityResult mode = runAvailability(m, options, 2);

    const ConfidenceInterval &a = full.availabilityCi, &b = mode.availability.ci;
    qInfo("full simulation %s ± %s (%d replications), availability mode %s ± %s (%d, %llu "
          "failures, %llu windows)",
          num(a.mean).constData(), num(a.halfWidth).constData(), a.samples, num(b.mean).constData(),
          num(b.halfWidth).constData(), b.samples, static_cast<unsigned long long>(mode.failures),
          static_cast<unsigned long long>(mode.windows));
    QVERIFY(std::abs(a.mean - b.mean) <= a.halfWidth + b.halfWidth);
    // Narrow enough to mean something: each within a third of the unavailability.
    QVERIFY(a.halfWidth < (1 - a.mean) / 3);
    QVERIFY(b.halfWidth < (1 - b.mean) / 3);
}

void TestAvailability::resultsDoNotDependOnThreadsOrCalls()
{
    ModelSpec m = activeStandby(5);
    m.randomFailures
        = {randomFailures(SimKind::Database, 2, 3), randomFailures(SimKind::AppServer, 3, 2)};
    AvailabilityOptions options;
    options.years = 0.005;
    options.replications = 3;
    options.baselineDuration = 30 * second;
    const AvailabilityResult one = runAvailability(m, options, 1);
    const AvailabilityResult two = runAvailability(m, options, 2);
    const AvailabilityResult again = runAvailability(m, options, 2);
    QVERIFY(one.failures > 0 && one.windows > 0 && one.failed > 0);
    for (const AvailabilityResult *other : {&two, &again}) {
        QCOMPARE(other->runs.size(), one.runs.size());
        for (std::size_t k = 0; k < one.runs.size(); ++k)
            QVERIFY(sameReplication(one.runs[k], other->runs[k]));
        QCOMPARE(other->availability.value, one.availability.value);
        QCOMPARE(other->availability.ci.low, one.availability.ci.low);
        QCOMPARE(other->failedRequestsPerYear.ci.high, one.failedRequestsPerYear.ci.high);
        QCOMPARE(other->worstWindows.size(), one.worstWindows.size());
    }
    const AvailabilityReplication first = runAvailabilityReplication(m, options, 1);
    const AvailabilityReplication second = runAvailabilityReplication(m, options, 1);
    QVERIFY(sameReplication(first, second));
    QVERIFY(sameReplication(first, one.runs[1]));
    QVERIFY(!sameReplication(first, one.runs[0]));
}

void TestAvailability::requestsInFlightAtACrashAreCounted()
{
    // Two app servers with room to spare: a crash costs only the requests it held (about
    // 10 req/s x 0.2 s = 2 each), which the window must count although the failure comes right
    // after its warm-up.
    ModelSpec m = singleServer(20);
    m.components[2].appServer.service = Distribution::deterministic(200e6);
    m.components[2].appServer.workers = 8;
    const std::uint32_t app2 = addAppServer(m, "app-2", 0, 8, 200 * millisecond);
    m.components[1].loadBalancer.servers.push_back(app2);
    m.randomFailures = {randomFailures(SimKind::AppServer, 1, 1)};
    m.duration = 40 * 3600 * second;
    m.replications = 2;
    const SimulationResult full = runSimulation(m, 2);
    const double fullPerFailure
        = static_cast<double>(full.requests.failedByCause[std::size_t(FailureCause::ServerCrash)])
          / static_cast<double>(full.incidents.size());

    m.duration = 600 * second;
    AvailabilityOptions options;
    options.years = 40.0 / 8766;
    options.replications = 4;
    const AvailabilityResult mode = runAvailability(m, options, 2);
    const double modePerFailure = mode.failedByCause[std::size_t(FailureCause::ServerCrash)]
                                  / static_cast<double>(mode.failures);
    qInfo("requests lost in a crash: full simulation %s, availability mode %s",
          num(fullPerFailure).constData(), num(modePerFailure).constData());
    QVERIFY(fullPerFailure > 1);
    QVERIFY(modePerFailure > 0.6 * fullPerFailure && modePerFailure < 1.6 * fullPerFailure);
}

QTEST_APPLESS_MAIN(TestAvailability)
#include "tst_availability.moc"
