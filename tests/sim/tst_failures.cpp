// Failures and what follows them, compared with the analytic results of realism.md §1–§4: the
// exposure of a DNS failover (detection, propagation, residual TTL, app caches, TTL violators),
// HAProxy's detection and recovery, requests caught on a crashed server, writes lost in a
// database failover or a restore, a region withdrawn from geo DNS, a tinc tunnel cut,
// autoscaling under a load step and the latency of a degraded server.
//
// Every expected value is a formula with its source. Every tolerance is the run's own 99.9%
// Student-t interval across replications or a hard analytic bound, and each interval must also
// be narrow (no wider than twice what the model's own spread predicts, than a quarter of the
// effect under test, or than a stated precision), so that a vague run cannot pass. The seeds are
// fixed, so a run is reproducible; a change to the simulator's random streams redraws every
// check, and each 99.9% interval then misses a correct value with probability 0.1%.

#include "failurefixtures.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

using namespace topolab::sim;
using namespace topolab::sim::fixtures;

namespace {

// ---- Checks -----------------------------------------------------------------------------------

QByteArray num(double value)
{
    return QByteArray::number(value, 'g', 6);
}

struct MeanCheck
{
    bool ok = false;
    QByteArray message;
};

// The 99.9% interval of the per-replication values contains `expected` (widened by `bias`, a
// bound on a known systematic error of the measurement itself, e.g. a sampling grid), and its
// half-width is at most `maxHalfWidth`. Logs measured against analytic for the record.
MeanCheck checkMean(const char *what, const std::vector<double> &values, double expected,
                    double maxHalfWidth, double bias = 0)
{
    const ConfidenceInterval ci = interval99(values);
    MeanCheck c;
    c.ok = ci.low - bias <= expected && expected <= ci.high + bias && ci.halfWidth <= maxHalfWidth;
    c.message = QByteArray(what) + ": measured " + num(ci.mean) + " ± " + num(ci.halfWidth)
                + " (99.9%, n=" + QByteArray::number(ci.samples) + "), analytic " + num(expected)
                + ", allowed half-width " + num(maxHalfWidth);
    qInfo("%s", c.message.constData());
    return c;
}

#define VERIFY_MEAN(what, values, expected, maxHalfWidth, ...)                                     \
    do {                                                                                           \
        const MeanCheck check_                                                                     \
            = checkMean(what, values, expected, maxHalfWidth __VA_OPT__(, ) __VA_ARGS__);          \
        QVERIFY2(check_.ok, check_.message.constData());                                           \
    } while (false)

QByteArray rep(std::size_t k)
{
    return "replication " + QByteArray::number(static_cast<qulonglong>(k));
}

// Start (seconds after the warm-up) of the last time-series bucket holding a failed request,
// -1 if none failed. Buckets are keyed by the intended send time.
double lastFailureBucket(const ReplicationResult &r)
{
    for (std::size_t b = r.series.failed.size(); b-- > 0;)
        if (r.series.failed[b] > 0)
            return r.series.t[b];
    return -1;
}

// Successful requests with a latency of at least `threshold` (exact while no latency lies in the
// histogram bucket that holds the threshold, which the callers make sure of).
std::uint64_t countSlowerThan(const LogHistogram &h, SimTime threshold)
{
    std::uint64_t n = 0;
    for (std::size_t i = LogHistogram::bucketIndex(threshold); i < LogHistogram::bucketSlots(); ++i)
        n += h.bucketCount(i);
    return n;
}

std::uint64_t served(const ReplicationResult &r, std::uint32_t component)
{
    return r.components[component].served;
}

// ---- DNS failover scenario (tests 1–4) --------------------------------------------------------

// A name with k load balancers in front of one app server; lb-1 crashes `failAt` after the
// warm-up and stays dead. Requests carry no database query, so a request fails only at a dead
// load balancer.
struct DnsScenario
{
    int lbs = 2;
    double ttl = 60;
    double checkInterval = 10;
    int checkFall = 3;
    double propagation = 30;
    double rate = 1000;
    int resolvers = 200;
    int clientsPerResolver = 100;
    double appCache = 0;
    double violatingShare = 0;
    double violation = 0;
    bool retry = false;
    int replications = 10;
};

constexpr double dnsService = 0.010; // s, app server mean service time
constexpr double dnsFailAt = 10;     // s after the warm-up

ModelSpec dnsModel(const DnsScenario &s)
{
    ModelSpec m;
    m.name = "dns-failover";
    m.regions = {"r"};
    const std::uint32_t dns
        = addDns(m, "www", DnsPolicy::RoundRobin, fromSeconds(s.ttl), fromSeconds(s.checkInterval),
                 s.checkFall, fromSeconds(s.propagation));
    const std::uint32_t app = addAppServer(m, "app", 0, 64, fromSeconds(dnsService));
    std::vector<std::uint32_t> lbs;
    for (int i = 0; i < s.lbs; ++i)
        lbs.push_back(addLoadBalancer(m, "lb-" + std::to_string(i + 1), 0, {app}));
    m.components[dns].dns.loadBalancers = lbs;
    ClientGroupSpec &g = addClients(m, "users", 0, dns, s.rate, s.resolvers, s.clientsPerResolver);
    g.retryNextAddress = s.retry;
    g.appCache = fromSeconds(s.appCache);
    g.ttlViolatingShare = s.violatingShare;
    g.ttlViolation = fromSeconds(s.violation);
    addFailure(m, lbs.front(), fromSeconds(dnsFailAt), FailureMode::Crash);
    // Long enough for the whole stale tail: detection (at most fall·I), propagation, the longest
    // cache life (TTL + violation, then the app cache), plus a margin.
    const double tail
        = s.checkFall * s.checkInterval + s.propagation + s.ttl + s.violation + s.appCache + 5;
    m.warmup = 5 * second;
    m.duration = fromSeconds(dnsFailAt + tail);
    m.replications = s.replications;
    return m;
}

// Exposure terms of realism.md §0.1, X = D + P + residual TTL (+ app cache) (+ violators), for
// the scenario above, in seconds of requests sent to the dead address (× R/k gives requests).
struct DnsExpectation
{
    double perAddressRate = 0; // R/k: requests per second whose first address is lb-1
    double detection = 0;      // E[D] = (fall − 1/2)·I: first check after the crash is U(0, I)
    double staleWindow = 0;    // after the update, weighted by requests (see staleRequestsWindow)
    double inFlight = 0;       // requests inside the app server through lb-1 at the crash
    double phaseBias = 0;      // requests: bound on the error of the stationary cache phases
};

DnsExpectation dnsExpectation(const DnsScenario &s)
{
    DnsExpectation e;
    e.perAddressRate = s.rate / s.lbs;
    e.detection = (s.checkFall - 0.5) * s.checkInterval;
    // Each resolver sees rate/resolvers requests per second: the mean wait after its entry
    // expires is resolvers/rate.
    const double gap = s.resolvers / s.rate;
    e.staleWindow = (1 - s.violatingShare) * staleRequestsWindow(s.ttl, gap)
                    + s.violatingShare * staleRequestsWindow(s.ttl + s.violation, gap);
    // Little's law at the app server: (R/k)·E[S] requests of lb-1 inside it when lb-1 dies.
    e.inFlight = e.perAddressRate * dnsService;
    e.phaseBias = e.perAddressRate * cachePhaseShift(gap);
    return e;
}

void addDnsRows()
{
    QTest::addColumn<int>("lbs");
    QTest::addColumn<double>("ttl");
    QTest::addColumn<double>("checkInterval");
    QTest::addColumn<int>("checkFall");
    QTest::addColumn<double>("propagation");
    // Route 53-like: fast checks every 10 s, 3 failures, a TTL of one minute.
    QTest::newRow("ttl 60 s, 2 LBs, checks 10 s x 3") << 2 << 60.0 << 10.0 << 3 << 30.0;
    // Standard checks every 30 s, a Cloudflare "Auto" TTL of 300 s, slower propagation.
    QTest::newRow("ttl 300 s, 4 LBs, checks 30 s x 2") << 4 << 300.0 << 30.0 << 2 << 60.0;
}

DnsScenario dnsRow()
{
    DnsScenario s;
    QFETCH(int, lbs);
    QFETCH(double, ttl);
    QFETCH(double, checkInterval);
    QFETCH(int, checkFall);
    QFETCH(double, propagation);
    s.lbs = lbs;
    s.ttl = ttl;
    s.checkInterval = checkInterval;
    s.checkFall = checkFall;
    s.propagation = propagation;
    return s;
}

} // namespace

class TestFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dnsFailoverWithoutRetry_data() { addDnsRows(); }
    void dnsFailoverWithoutRetry();
    void dnsFailoverWithRetry_data() { addDnsRows(); }
    void dnsFailoverWithRetry();
    void appCache_data();
    void appCache();
    void ttlViolators();
    void haproxyDetection_data();
    void haproxyDetection();
    void requestsToCrashedServer_data();
    void requestsToCrashedServer();
    void databaseFailover_data();
    void databaseFailover();
    void databaseWithoutStandby_data();
    void databaseWithoutStandby();
    void sickRegion();
    void vpnCut_data();
    void vpnCut();
    void autoscaling();
    void degradedServer_data();
    void degradedServer();

private:
    // The no-retry runs of each DNS row, kept for the retry test: with the same seed the same
    // requests pick the dead address first (common random numbers), so the two runs can be
    // compared request for request.
    const std::vector<ReplicationResult> &noRetryRuns(const DnsScenario &s);
    std::map<std::string, std::vector<ReplicationResult>> mNoRetryRuns;
};

const std::vector<ReplicationResult> &TestFailures::noRetryRuns(const DnsScenario &s)
{
    const std::string tag = QTest::currentDataTag();
    auto it = mNoRetryRuns.find(tag);
    if (it == mNoRetryRuns.end())
        it = mNoRetryRuns.emplace(tag, replicate(dnsModel(s))).first;
    return it->second;
}

// 1. DNS failover without client retry: every request whose first address is the dead LB fails,
// from the crash until its resolver drops the old answer. realism.md §0.1 and §1.3:
// failed ≈ R/k·(D + P + T/2), D = detection (first provider check after the crash is U(0, I),
// then fall − 1 more: D ∈ [(fall−1)·I, fall·I], mean (fall − 1/2)·I), P = propagation, T/2 the
// mean residual TTL (exactly R/k·T²/(2(T+g)) with on-demand refresh, g = resolvers/R).
void TestFailures::dnsFailoverWithoutRetry()
{
    const DnsScenario s = dnsRow();
    const DnsExpectation e = dnsExpectation(s);
    const auto &runs = noRetryRuns(s);

    for (std::size_t k = 0; k < runs.size(); ++k) {
        const ReplicationResult &r = runs[k];
        QCOMPARE(r.incidents.size(), std::size_t(1));
        const Incident &i = r.incidents.front();
        QVERIFY2(i.detectedSeconds && i.dnsUpdatedSeconds, rep(k));
        const double d = detectionDelay(i);
        QVERIFY2(d >= (s.checkFall - 1) * s.checkInterval && d <= s.checkFall * s.checkInterval,
                 rep(k) + " detection " + num(d));
        // The provider publishes the change exactly P after deciding.
        QVERIFY2(std::abs(*i.dnsUpdatedSeconds - *i.detectedSeconds - s.propagation) < 1e-6,
                 rep(k));
        // Nothing but the dead LB fails, and the incident log counts every failure.
        QCOMPARE(r.requests.failed,
                 failedBy(r, FailureCause::LbDown) + failedBy(r, FailureCause::DnsStale));
        QCOMPARE(i.failedRequests, r.requests.failed);
        // No resolver holds an answer fetched before the update past update + T: hard bound.
        QVERIFY2(lastFailureBucket(r) < *i.dnsUpdatedSeconds + s.ttl,
                 rep(k) + " last failure " + num(lastFailureBucket(r)));
    }

    const double sigmaD = s.checkInterval / std::sqrt(12.0); // U(0, I)
    VERIFY_MEAN("detection delay (s)",
                perReplication(runs, [](auto &r) { return detectionDelay(r.incidents[0]); }),
                e.detection, 2 * predictedHalfWidth(sigmaD, s.replications));

    // Before the update the dead LB is still announced: lb_down. R/k·(D + P) + in-flight.
    const double lbDown = e.perAddressRate * (e.detection + s.propagation) + e.inFlight;
    const double sigmaLbDown = std::hypot(e.perAddressRate * sigmaD, std::sqrt(lbDown));
    VERIFY_MEAN("lb_down failures",
                perReplication(runs, [](auto &r) { return failedBy(r, FailureCause::LbDown); }),
                lbDown, 2 * predictedHalfWidth(sigmaLbDown, s.replications));

    // After it, resolvers still serve the old answer: dns_stale. Each resolver's residual is
    // U(0, T), so the sum over N resolvers has standard deviation (R/k)·T/√(12·N).
    const double stale = e.perAddressRate * e.staleWindow;
    const double sigmaStale
        = std::hypot(e.perAddressRate * s.ttl / std::sqrt(12.0 * s.resolvers), std::sqrt(stale));
    VERIFY_MEAN("dns_stale failures",
                perReplication(runs, [](auto &r) { return failedBy(r, FailureCause::DnsStale); }),
                stale, 2 * predictedHalfWidth(sigmaStale, s.replications), e.phaseBias);
}

// 2. The same failover with clients that try the next address on a refused connection
// (realism.md §1.4: browsers, curl, Go, Python all do): only the requests inside lb-1 when it
// died fail, (R/k)·E[S] by Little's law; the others cost one more connection attempt.
void TestFailures::dnsFailoverWithRetry()
{
    DnsScenario s = dnsRow();
    const DnsExpectation e = dnsExpectation(s);
    const auto &plain = noRetryRuns(s);
    s.retry = true;
    const auto runs = replicate(dnsModel(s));

    // The number inside an M/G/∞ station (64 workers, 10 busy on average) is Poisson: a hard
    // bound that fails by chance with probability 1e-6 per replication.
    const std::uint64_t inFlightBound = poissonUpperBound(e.inFlight, 1e-6);
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const ReplicationResult &r = runs[k];
        QCOMPARE(r.requests.failed, failedBy(r, FailureCause::LbDown));
        QVERIFY2(r.requests.failed <= inFlightBound,
                 rep(k) + " failed " + num(double(r.requests.failed)));
        // Same seed, same requests: every request that failed at the dead address without the
        // retry is retried now; the difference is the in-flight ones.
        QVERIFY2(plain[k].requests.failed >= r.requests.retriedNextAddress
                     && plain[k].requests.failed - r.requests.retriedNextAddress <= inFlightBound,
                 rep(k) + " retried " + num(double(r.requests.retriedNextAddress))
                     + " vs failed without retry " + num(double(plain[k].requests.failed)));
    }
    VERIFY_MEAN("failures with retry (in flight at the crash)",
                perReplication(runs, [](auto &r) { return r.requests.failed; }), e.inFlight,
                2 * predictedHalfWidth(std::sqrt(e.inFlight), s.replications));

    const double retried = e.perAddressRate * (e.detection + s.propagation + e.staleWindow);
    const double sigmaD = s.checkInterval / std::sqrt(12.0);
    const double sigma
        = std::hypot(e.perAddressRate * sigmaD,
                     e.perAddressRate * s.ttl / std::sqrt(12.0 * s.resolvers), std::sqrt(retried));
    VERIFY_MEAN("retried next address",
                perReplication(runs, [](auto &r) { return r.requests.retriedNextAddress; }),
                retried, 2 * predictedHalfWidth(sigma, s.replications), e.phaseBias);
}

void TestFailures::appCache_data()
{
    QTest::addColumn<double>("appCache");
    QTest::newRow("JVM networkaddress.cache.ttl 30 s") << 30.0;
    QTest::newRow("Chromium host cache 60 s") << 60.0;
}

// 3. A TTL-unaware cache in the client (realism.md §1.2: Chromium 60 s, JVM 30 s) adds U(0, A)
// to each client's exposure, A/2 on average. Chain of caches: after the update the resolver
// refreshes within refreshDelay(T, g_r) (a time: the clients keep sending meanwhile), then each
// client keeps its entry for the rest of its own period, A²/(2(A+g_c)) weighted by requests.
// Requests per client: R/clients (g_c = clients/R); lookups per resolver: (clients/N)/(A+g_c).
// Terms of order 1/(clients per resolver) (the client whose own lookup refreshes the resolver)
// are left out: 1% here.
void TestFailures::appCache()
{
    QFETCH(double, appCache);
    DnsScenario s;
    s.ttl = 10;
    s.checkInterval = 2; // fast checks: the detection spread would otherwise hide the A/2 term
    s.resolvers = 10;
    s.clientsPerResolver = 100;
    s.appCache = appCache;
    const DnsExpectation e = dnsExpectation(s);
    const double clients = s.resolvers * s.clientsPerResolver;
    const double clientGap = clients / s.rate;
    const double resolverGap = s.resolvers * (appCache + clientGap) / clients;
    const double exposure = e.detection + s.propagation + refreshDelay(s.ttl, resolverGap)
                            + staleRequestsWindow(appCache, clientGap);
    const double expected = e.perAddressRate * exposure + e.inFlight;

    const auto runs = replicate(dnsModel(s));
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const Incident &i = runs[k].incidents.front();
        // Hard bound: an answer fetched by a resolver before the update is handed to a client
        // before update + T at the latest, and kept by the client for A more.
        QVERIFY2(lastFailureBucket(runs[k]) < *i.dnsUpdatedSeconds + s.ttl + appCache, rep(k));
    }
    // The interval must resolve the A/2 term it is about to a quarter.
    VERIFY_MEAN("failures with an app cache",
                perReplication(runs, [](auto &r) { return r.requests.failed; }), expected,
                e.perAddressRate * appCache / 2 / 4,
                e.perAddressRate * cachePhaseShift(clientGap + resolverGap));
}

// 4. Resolvers that stretch TTLs (realism.md §1.1: 8.74 % of resolvers in the PAM 2023 study)
// keep the old answer for T + V: a share s of resolvers with residual U(0, T + V) adds
// R/k·s·V/2 to the failures, all of V lying inside the run here (which lasts past
// update + T + V). The provider's checks and the update do nothing for them until then.
void TestFailures::ttlViolators()
{
    DnsScenario s;
    s.checkInterval = 2;
    s.violatingShare = 0.25;
    s.violation = 300;
    const DnsExpectation e = dnsExpectation(s);
    const double expected
        = e.perAddressRate * (e.detection + s.propagation + e.staleWindow) + e.inFlight;
    const double extra = e.perAddressRate * s.violatingShare * s.violation / 2;

    const auto runs = replicate(dnsModel(s));
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const double update = *runs[k].incidents.front().dnsUpdatedSeconds;
        const double last = lastFailureBucket(runs[k]);
        // Failures go on past update + T (only violators can still hold the old answer then) and
        // end before update + T + V (no one holds it longer).
        QVERIFY2(last >= update + s.ttl && last < update + s.ttl + s.violation,
                 rep(k) + " last failure " + num(last) + ", update " + num(update));
    }
    qInfo("extra failures from TTL violators (analytic): %s", num(extra).constData());
    VERIFY_MEAN("failures with TTL violators",
                perReplication(runs, [](auto &r) { return r.requests.failed; }), expected,
                extra / 4, e.phaseBias);
}

void TestFailures::haproxyDetection_data()
{
    QTest::addColumn<bool>("blackhole");
    QTest::addColumn<double>("inter");
    QTest::addColumn<int>("fall");
    QTest::addColumn<int>("rise");
    QTest::addColumn<double>("outage");
    // HAProxy's defaults, inter 2 s, fall 3, rise 2 (realism.md §2): 5 s [4, 6] refused,
    // 11 s [10, 12] blackholed, recovery 3 s [2, 4]. Outages are whole multiples of 2·inter, the
    // period of the checks of a silent server (see below).
    QTest::newRow("refused, defaults") << false << 2.0 << 3 << 2 << 20.0;
    QTest::newRow("blackholed, defaults") << true << 2.0 << 3 << 2 << 20.0;
    QTest::newRow("refused, inter 1 s fall 2 rise 3") << false << 1.0 << 2 << 3 << 10.0;
    QTest::newRow("blackholed, inter 0.5 s fall 5 rise 4") << true << 0.5 << 5 << 4 << 10.0;
}

// 5. HAProxy's view of a failed server. realism.md §2: T = U + fall·t_fail + (fall−1)·inter,
// U ~ U(0, inter) the wait for the first check after the failure, t_fail = 0 when the dead
// server refuses the check, = inter when it is silent (the check times out after inter, and the
// next starts inter after that). So T ∈ [(fall−1)·inter, fall·inter] refused and
// [(2·fall−1)·inter, 2·fall·inter] blackholed, each with mean at the midpoint.
// Recovery: the first check after the repair comes U later (the check phase is the same U when
// the outage is a whole number of check periods: inter refused, 2·inter blackholed), then
// rise − 1 more: [(rise−1)·inter, rise·inter], mean (rise − 1/2)·inter. The results have no
// field for the LB's opinion, so a probe samples LoadBalancerModel::believesUp every 10 ms.
void TestFailures::haproxyDetection()
{
    QFETCH(bool, blackhole);
    QFETCH(double, inter);
    QFETCH(int, fall);
    QFETCH(int, rise);
    QFETCH(double, outage);
    const double failAt = 5;
    const double grid = 0.010;

    ModelSpec m;
    m.regions = {"r"};
    const std::uint32_t dns
        = addDns(m, "www", DnsPolicy::RoundRobin, 60 * second, 10 * second, 3, 30 * second);
    const std::uint32_t app = addAppServer(m, "app", 0, 64, 10 * millisecond);
    const std::uint32_t lb = addLoadBalancer(m, "lb", 0, {app});
    m.components[dns].dns.loadBalancers = {lb};
    LoadBalancerSpec &spec = m.components[lb].loadBalancer;
    spec.checkInter = fromSeconds(inter);
    spec.checkFall = fall;
    spec.checkRise = rise;
    addClients(m, "users", 0, dns, 200, 10);
    addFailure(m, app, fromSeconds(failAt), blackhole ? FailureMode::Blackhole : FailureMode::Crash,
               fromSeconds(outage));
    m.warmup = 2 * second;
    m.bucket = fromSeconds(grid);
    m.duration = fromSeconds(failAt + outage + (rise + 1) * inter + 2);
    m.replications = 20;
    const auto runs = replicateProbed(
        m, [lb, app](World &w) { return w.loadBalancer(lb).believesUp(app) ? 1.0 : 0.0; });

    const double low = blackhole ? (2 * fall - 1) * inter : (fall - 1) * inter;
    const double failure = toSeconds(m.warmup) + failAt; // simulated time, warm-up included
    const double repair = failure + outage;
    std::vector<double> recoveries;
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const ProbedRun &run = runs[k];
        const double d = detectionDelay(run.result.incidents.front());
        QVERIFY2(d >= low && d <= low + inter, rep(k) + " detection " + num(d));
        // The probe agrees: the server turns DOWN in the sampling step holding the detection.
        std::size_t j = 0;
        while (j < run.at.size() && (run.at[j] <= failure || run.values[j] > 0))
            ++j;
        QVERIFY2(j > 0 && j < run.at.size(), rep(k));
        QVERIFY2(run.at[j - 1] < failure + d + 1e-9 && failure + d <= run.at[j] + 1e-9, rep(k));
        // Back UP: the first sample after the repair that shows it, and it stays UP.
        while (j < run.at.size() && (run.at[j] <= repair || run.values[j] < 1))
            ++j;
        QVERIFY2(j < run.at.size(), rep(k) + " never marked UP again");
        QVERIFY2(run.at[j] - repair >= (rise - 1) * inter - 1e-9
                     && run.at[j - 1] - repair <= rise * inter + 1e-9,
                 rep(k) + " recovery by " + num(run.at[j] - repair));
        for (std::size_t i = j; i < run.values.size(); ++i)
            QVERIFY2(run.values[i] == 1, rep(k) + " flapped");
        recoveries.push_back(run.at[j] - grid / 2 - repair);
    }
    const double sigma = inter / std::sqrt(12.0); // U(0, inter)
    const double halfWidth = 2 * predictedHalfWidth(sigma, m.replications);
    VERIFY_MEAN(
        "detection (s)",
        perReplication(runs, [](auto &r) { return detectionDelay(r.result.incidents.front()); }),
        low + inter / 2, halfWidth);
    // Each estimate is the middle of its 10 ms sampling step: off by half a step at most.
    VERIFY_MEAN("recovery (s)", recoveries, (rise - 0.5) * inter, halfWidth, grid / 2);
}

void TestFailures::requestsToCrashedServer_data()
{
    QTest::addColumn<int>("retries");
    QTest::addColumn<bool>("redispatch");
    QTest::newRow("retries 3, redispatch") << 3 << true;
    QTest::newRow("retries 3, no redispatch") << 3 << false;
    QTest::newRow("retries 0") << 0 << false;
}

// 6. What happens to requests when one of n app servers crashes (realism.md §2). Those inside
// it fail with server_crash: (λ/n)·E[S] by Little's law. Until the LB notices (T, test 5),
// round robin still sends it λ/n per second: "requests sent to a dead server before removal ≈
// (λ/n)·E[T]". Each is refused and retried `retries` times (1 s apart, min(timeout connect,
// 1 s)); with `option redispatch` the last retry goes to another server and succeeds about
// 3 s late, without it the request fails (no_backend). Checks every 1 s with fall 2 keep T
// below the 3 s of retries, so no redispatch moves the round-robin pointer before detection.
void TestFailures::requestsToCrashedServer()
{
    QFETCH(int, retries);
    QFETCH(bool, redispatch);
    const int n = 4;
    const double rate = 2000;
    const double service = 0.020;
    const double inter = 1;
    const int fall = 2;

    ModelSpec m;
    m.regions = {"r"};
    const std::uint32_t dns
        = addDns(m, "www", DnsPolicy::RoundRobin, 60 * second, 10 * second, 3, 30 * second);
    std::vector<std::uint32_t> apps;
    for (int i = 0; i < n; ++i)
        apps.push_back(
            addAppServer(m, "app-" + std::to_string(i + 1), 0, 64, fromSeconds(service)));
    const std::uint32_t lb = addLoadBalancer(m, "lb", 0, apps);
    m.components[dns].dns.loadBalancers = {lb};
    LoadBalancerSpec &spec = m.components[lb].loadBalancer;
    spec.checkInter = fromSeconds(inter);
    spec.checkFall = fall;
    spec.retries = retries;
    spec.redispatch = redispatch;
    addClients(m, "users", 0, dns, rate, 10);
    addFailure(m, apps.back(), 5 * second, FailureMode::Crash);
    m.warmup = 2 * second;
    m.duration = 13 * second;
    m.replications = 20;
    const auto runs = replicate(m);

    const double perServer = rate / n;
    const double inside = perServer * service;
    const std::uint64_t insideBound = poissonUpperBound(inside, 1e-6);
    std::vector<double> sentToDead;
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const ReplicationResult &r = runs[k];
        const std::uint64_t crash = failedBy(r, FailureCause::ServerCrash);
        const std::uint64_t noBackend = failedBy(r, FailureCause::NoBackend);
        QCOMPARE(r.requests.failed, crash + noBackend);
        // The number inside an infinite-server station fed by a Poisson stream is Poisson; round
        // robin makes the stream more regular and the count less variable.
        QVERIFY2(crash <= insideBound, rep(k) + " server_crash " + num(double(crash)));
        std::uint64_t hits = noBackend;
        if (redispatch) {
            QCOMPARE(noBackend, std::uint64_t(0));
            QCOMPARE(r.requests.lbRetries % std::uint64_t(retries), std::uint64_t(0));
            hits = r.requests.lbRetries / std::uint64_t(retries);
            // Those requests succeeded, each `retries` seconds late; no other request takes
            // anywhere near that long (20 ms exponential service).
            QCOMPARE(countSlowerThan(r.latency, fromSeconds(retries - 0.1)), hits);
        } else {
            QCOMPARE(r.requests.lbRetries, hits * std::uint64_t(retries));
        }
        // Round robin sends every n-th of the Poisson arrivals during T to the dead server:
        // (λ/n)·T with standard deviation √(λ·T)/n; a 5 σ bound.
        const double t = detectionDelay(r.incidents.front());
        const double expected = perServer * t;
        QVERIFY2(std::abs(double(hits) - expected) <= 5 * std::sqrt(rate * t) / n + 1,
                 rep(k) + " sent to the dead server " + num(double(hits)) + " vs (λ/n)·T "
                     + num(expected));
        sentToDead.push_back(double(hits));
    }
    const double meanT = (fall - 0.5) * inter;
    const double sigmaHits
        = std::hypot(perServer * inter / std::sqrt(12.0), std::sqrt(rate * meanT) / n);
    VERIFY_MEAN("requests sent to the dead server", sentToDead, perServer * meanT,
                2 * predictedHalfWidth(sigmaHits, m.replications));
    VERIFY_MEAN(
        "server_crash failures",
        perReplication(runs, [](auto &r) { return failedBy(r, FailureCause::ServerCrash); }),
        inside, 2 * predictedHalfWidth(std::sqrt(inside), m.replications));
}

void TestFailures::databaseFailover_data()
{
    QTest::addColumn<bool>("sync");
    QTest::addColumn<double>("lag");
    QTest::newRow("async, lag 200 ms") << false << 0.2;
    QTest::newRow("async, lag 1 s") << false << 1.0;
    QTest::newRow("sync standby (lag setting 200 ms)") << true << 0.2;
}

// Writes per second on the primary of the database tests: half the requests write, and a
// writing request commits with its last query.
constexpr double dbRate = 1000;
constexpr double dbWriteFraction = 0.5;

// 7a. A primary with a standby crashes. realism.md §3: "RPO of asynchronous replication = the
// lag at the crash. Expected lost commits = w·E[L]", and a synchronous standby has every
// acknowledged commit, so none is lost. Failover: the lease runs out in [2/3·ttl, ttl] after the
// crash (its last renewal was at a uniform point of the loop, loop_wait = ttl/3), mean
// 5/6·ttl, then the standby is promoted.
void TestFailures::databaseFailover()
{
    QFETCH(bool, sync);
    QFETCH(double, lag);
    const double detect = 9;
    const double promote = 1;

    ModelSpec m;
    m.regions = {"r"};
    const std::uint32_t dns
        = addDns(m, "www", DnsPolicy::RoundRobin, 60 * second, 10 * second, 3, 30 * second);
    const std::uint32_t primary = addDatabase(m, "db-1", 0, millisecond);
    const std::uint32_t standby = addDatabase(m, "db-2", 0, millisecond);
    m.components[primary].database.detect = fromSeconds(detect);
    DatabaseSpec &s = m.components[standby].database;
    s.primary = false;
    s.upstream = primary;
    s.replicationLag = fromSeconds(lag);
    s.syncReplication = sync;
    s.promote = fromSeconds(promote);
    const std::uint32_t app1 = addAppServer(m, "app-1", 0, 64, 5 * millisecond, primary, 2);
    const std::uint32_t app2 = addAppServer(m, "app-2", 0, 64, 5 * millisecond, primary, 2);
    m.components[dns].dns.loadBalancers = {addLoadBalancer(m, "lb", 0, {app1, app2})};
    addClients(m, "users", 0, dns, dbRate, 10).writeFraction = dbWriteFraction;
    addFailure(m, primary, 3 * second, FailureMode::Crash);
    m.warmup = 2 * second;
    m.duration = 16 * second;
    m.replications = 20;
    const auto runs = replicate(m);

    const double writes = dbRate * dbWriteFraction;
    const double lost = sync ? 0 : writes * lag;
    const std::uint64_t lostBound = poissonUpperBound(lost, 1e-6);
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const ReplicationResult &r = runs[k];
        const Incident &i = r.incidents.front();
        const double d = detectionDelay(i);
        QVERIFY2(d >= 2 * detect / 3 && d <= detect, rep(k) + " detection " + num(d));
        QVERIFY2(i.recoveredSeconds, rep(k));
        QVERIFY2(std::abs(*i.recoveredSeconds - i.atSeconds - d - promote) < 1e-6, rep(k));
        QCOMPARE(i.writesLost, r.data.writesLost);
        // Commits complete as a Poisson stream (Poisson arrivals, independent delays), so the
        // count in the last `lag` seconds is Poisson(w·lag); with a synchronous standby, 0.
        QVERIFY2(sync ? r.data.writesLost == 0 : r.data.writesLost <= lostBound,
                 rep(k) + " lost " + num(double(r.data.writesLost)));
    }
    VERIFY_MEAN("failover time (s)",
                perReplication(runs,
                               [](auto &r) {
                                   const Incident &i = r.incidents.front();
                                   return *i.recoveredSeconds - i.atSeconds;
                               }),
                5 * detect / 6 + promote,
                2 * predictedHalfWidth(detect / 3 / std::sqrt(12.0), m.replications));
    if (!sync)
        VERIFY_MEAN("writes lost", perReplication(runs, [](auto &r) { return r.data.writesLost; }),
                    lost, 2 * predictedHalfWidth(std::sqrt(lost), m.replications));
}

void TestFailures::databaseWithoutStandby_data()
{
    QTest::addColumn<bool>("volumeLost");
    QTest::addColumn<int>("replications");
    QTest::newRow("instance crash: recreate and reattach") << false << 20;
    // The backup age is uniform: many replications for a tight interval of its mean.
    QTest::newRow("volume lost: restore the last backup") << true << 100;
}

// 7b. A primary without a standby. The failover authority notices as in 7a, in
// [2/3·detect, detect], then replaces the instance (recreate) and attaches its volume; if the
// volume itself was lost it first restores the last base backup (size / throughput) and every
// write since that backup is gone: w·(time since the backup), the backup age being U(0, interval)
// (backups every `interval` at a random phase), so w·interval/2 on average. An instance crash
// loses nothing: the data is on the volume.
void TestFailures::databaseWithoutStandby()
{
    QFETCH(bool, volumeLost);
    QFETCH(int, replications);
    const double detect = 6;
    const double recreate = 20;
    const double attach = 4;
    const double sizeGb = 1;
    const double restoreMbPerS = 100;
    const double backupInterval = 10;
    const double rate = 200;

    ModelSpec m;
    m.regions = {"r"};
    const std::uint32_t dns
        = addDns(m, "www", DnsPolicy::RoundRobin, 60 * second, 10 * second, 3, 30 * second);
    const std::uint32_t db = addDatabase(m, "db-1", 0, millisecond);
    const std::uint32_t volume = add(m, component("vol-1", SimKind::Volume, 0));
    const std::uint32_t backup = add(m, component("backup-1", SimKind::Backup, 0));
    m.components[db].database.detect = fromSeconds(detect);
    m.components[db].database.recreate = fromSeconds(recreate);
    m.components[db].database.volume = volume;
    m.components[volume].volume.attach = fromSeconds(attach);
    m.components[volume].volume.sizeGb = sizeGb;
    m.components[volume].volume.backup = backup;
    m.components[backup].backup.interval = fromSeconds(backupInterval);
    m.components[backup].backup.restoreMbPerS = restoreMbPerS;
    const std::uint32_t app = addAppServer(m, "app", 0, 64, 5 * millisecond, db, 1);
    m.components[dns].dns.loadBalancers = {addLoadBalancer(m, "lb", 0, {app})};
    addClients(m, "users", 0, dns, rate, 10).writeFraction = dbWriteFraction;
    // At 12 s of simulated time, after the first backup (its phase is below the interval).
    addFailure(m, volumeLost ? volume : db, 10 * second, FailureMode::Crash);
    m.warmup = 2 * second;
    m.duration = 55 * second;
    m.replications = replications;
    const auto runs = replicate(m);

    const double fixed = recreate + attach + (volumeLost ? sizeGb * 1000 / restoreMbPerS : 0);
    const double writes = rate * dbWriteFraction;
    const std::uint64_t lostBound = poissonUpperBound(writes * backupInterval, 1e-6);
    bool incidentComplete = true;
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const ReplicationResult &r = runs[k];
        // The database is down from the crash to the restore.
        const double down = r.components[db].downSeconds;
        QVERIFY2(down >= 2 * detect / 3 + fixed - 1e-6 && down <= detect + fixed + 1e-6,
                 rep(k) + " down " + num(down));
        if (volumeLost)
            QVERIFY2(r.data.writesLost <= lostBound, rep(k));
        else
            QCOMPARE(r.data.writesLost, std::uint64_t(0));
        const Incident &i = r.incidents.front();
        incidentComplete = incidentComplete && i.detectedSeconds && i.recoveredSeconds
                           && std::abs(*i.recoveredSeconds - i.atSeconds - down) < 1e-6
                           && i.writesLost == r.data.writesLost;
    }
    VERIFY_MEAN("time down (s)",
                perReplication(runs, [db](auto &r) { return r.components[db].downSeconds; }),
                5 * detect / 6 + fixed,
                2 * predictedHalfWidth(detect / 3 / std::sqrt(12.0), replications));
    if (volumeLost) {
        const double mean = writes * backupInterval / 2;
        const double sigma = std::sqrt(std::pow(writes * backupInterval, 2) / 12 + mean);
        VERIFY_MEAN("writes lost since the last backup",
                    perReplication(runs, [](auto &r) { return r.data.writesLost; }), mean,
                    2 * predictedHalfWidth(sigma, replications));
    }
    QVERIFY2(incidentComplete, "the incident records detection, recovery and the writes lost");
}

// 8. A sick region in geo DNS (realism.md §3, multi-region with one active database per region):
// region a's database dies for good; the provider's checks of both region-a LBs now fail
// (they answer errors), each is withdrawn after its own detection D_j, and when the second is
// gone region a's clients get region b's LBs. Until then every request of region a fails:
// failed ≈ R_a·(E[max(D_1, D_2)] + P + T/2) + requests inside app or database at the crash,
// with E[max] = (fall−1)·I + 2I/3 for two independent U(0, I) phases. Afterwards region b
// serves them.
void TestFailures::sickRegion()
{
    const double ttl = 60, interval = 10, propagation = 30;
    const int fall = 3;
    const double rateA = 500, rateB = 500;
    const double service = 0.010, query = 0.001;
    const int resolvers = 100;
    const double failAt = 5;

    ModelSpec m;
    m.regions = {"a", "b"};
    const std::uint32_t dns = addDns(m, "www", DnsPolicy::Geo, fromSeconds(ttl),
                                     fromSeconds(interval), fall, fromSeconds(propagation));
    const std::uint32_t dbA = addDatabase(m, "db-a", 0, fromSeconds(query));
    const std::uint32_t dbB = addDatabase(m, "db-b", 1, fromSeconds(query));
    m.components[dbA].database.recreate = 3600 * second; // stays down for the whole run
    const std::uint32_t appA = addAppServer(m, "app-a", 0, 64, fromSeconds(service), dbA, 1);
    const std::uint32_t appB = addAppServer(m, "app-b", 1, 64, fromSeconds(service), dbB, 1);
    const std::vector<std::uint32_t> lbsA
        = {addLoadBalancer(m, "lb-a1", 0, {appA}), addLoadBalancer(m, "lb-a2", 0, {appA})};
    const std::vector<std::uint32_t> lbsB
        = {addLoadBalancer(m, "lb-b1", 1, {appB}), addLoadBalancer(m, "lb-b2", 1, {appB})};
    m.components[dns].dns.loadBalancers = {lbsA[0], lbsA[1], lbsB[0], lbsB[1]};
    addClients(m, "users-a", 0, dns, rateA, resolvers);
    addClients(m, "users-b", 1, dns, rateB, resolvers);
    addFailure(m, dbA, fromSeconds(failAt), FailureMode::Crash);
    const double duration = failAt + fall * interval + propagation + ttl + 10;
    m.warmup = 5 * second;
    m.duration = fromSeconds(duration);
    m.replications = 10;
    const auto runs = replicate(m);

    const double gap = resolvers / rateA;
    const double lastDetection = (fall - 1) * interval + 2 * interval / 3;
    const double failed
        = rateA * (lastDetection + propagation + staleRequestsWindow(ttl, gap) + service + query);
    // Var(max of two U(0, I)) = I²/18; residuals of N resolvers as in test 1.
    const double sigmaFailed
        = std::hypot(rateA * interval / std::sqrt(18.0), rateA * ttl / std::sqrt(12.0 * resolvers),
                     std::sqrt(failed));
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const ReplicationResult &r = runs[k];
        QCOMPARE(r.requests.failed, failedBy(r, FailureCause::DbUnavailable));
        // Region b is untouched.
        for (std::uint32_t c : {lbsB[0], lbsB[1], appB})
            QCOMPARE(r.components[c].failed, std::uint64_t(0));
        // Hard bound: the last withdrawal is at most fall·I + P after the crash, and no cache
        // keeps the old answer longer than T after it.
        QVERIFY2(lastFailureBucket(r) < failAt + fall * interval + propagation + ttl, rep(k));
    }
    VERIFY_MEAN("region a failures",
                perReplication(runs, [](auto &r) { return r.requests.failed; }), failed,
                2 * predictedHalfWidth(sigmaFailed, m.replications), rateA * cachePhaseShift(gap));
    // Region a's LBs serve only what was sent before the crash (Poisson count); region b's serve
    // their own clients all along and region a's from the moment each stopped failing.
    const double servedA = rateA * failAt;
    VERIFY_MEAN(
        "served by region a",
        perReplication(runs, [&](auto &r) { return served(r, lbsA[0]) + served(r, lbsA[1]); }),
        servedA, 2 * predictedHalfWidth(std::sqrt(servedA), m.replications));
    const double servedB
        = rateB * duration + rateA * (duration - failAt) - (failed - rateA * (service + query));
    VERIFY_MEAN(
        "served by region b",
        perReplication(runs, [&](auto &r) { return served(r, lbsB[0]) + served(r, lbsB[1]); }),
        servedB,
        2 * predictedHalfWidth(std::hypot(std::sqrt(servedB), sigmaFailed), m.replications),
        rateA * cachePhaseShift(gap));
}

void TestFailures::vpnCut_data()
{
    QTest::addColumn<double>("outage");
    // realism.md §4 (Monte Carlo): mean reconnect lag ≈ 17 s after 120 s. (Not 10 min: 600 s
    // is exactly the 15th retry offset, 5·15·16/2, so the lag would just equal the detection.)
    QTest::newRow("2 min") << 120.0;
    QTest::newRow("5 min") << 300.0;
    QTest::newRow("4 s, shorter than the ping timeout") << 4.0;
}

// 9. The tinc tunnel between a primary in region a and its standby in region b is cut for X s
// (realism.md §4). Replication stops at once; tinc notices after U(0, PingInterval) +
// PingTimeout, then after the path heals reconnects at its next retry (detection + 5, + 10 more,
// + 15 more... s). The standby's largest lag is base lag + time until the reconnect. An outage
// shorter than the ping timeout is never noticed: the link carries on when the path heals.
void TestFailures::vpnCut()
{
    QFETCH(double, outage);
    const double pingInterval = 60, pingTimeout = 5;
    const double baseLag = 0.1;
    const double failAt = 10;

    ModelSpec m;
    m.regions = {"a", "b"};
    const std::uint32_t vpn = add(m, component("tinc", SimKind::Vpn, noIndex));
    m.components[vpn].vpn.pingInterval = fromSeconds(pingInterval);
    m.components[vpn].vpn.pingTimeout = fromSeconds(pingTimeout);
    const std::uint32_t primary = addDatabase(m, "db-a", 0, millisecond);
    const std::uint32_t standby = addDatabase(m, "db-b", 1, millisecond);
    m.components[primary].database.vpn = vpn;
    DatabaseSpec &s = m.components[standby].database;
    s.primary = false;
    s.upstream = primary;
    s.vpn = vpn;
    s.replicationLag = fromSeconds(baseLag);
    addFailure(m, vpn, fromSeconds(failAt), FailureMode::Blackhole, fromSeconds(outage));
    m.warmup = second;
    // The retry step after a 5 min outage is 55 s.
    m.duration = fromSeconds(failAt + outage + pingInterval + pingTimeout + 60);
    m.replications = 100;
    const auto runs = replicate(m);

    const bool noticed = outage > pingTimeout;
    std::vector<double> lags;
    bool recoveryRecorded = true;
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const ReplicationResult &r = runs[k];
        const Incident &i = r.incidents.front();
        double back = outage;
        if (noticed) {
            QVERIFY2(i.detectedSeconds, rep(k));
            const double d = detectionDelay(i);
            QVERIFY2(d >= pingTimeout && d <= pingInterval + pingTimeout,
                     rep(k) + " detection " + num(d));
            back = tincReconnect(d, outage);
            lags.push_back(back - outage);
        } else {
            QVERIFY2(!i.detectedSeconds, rep(k));
        }
        QVERIFY2(std::abs(r.data.maxReplicationLagSeconds - baseLag - back) < 1e-6,
                 rep(k) + " max lag " + num(r.data.maxReplicationLagSeconds) + " vs "
                     + num(baseLag + back));
        recoveryRecorded = recoveryRecorded && i.recoveredSeconds
                           && std::abs(*i.recoveredSeconds - i.atSeconds - back) < 1e-6;
    }
    QVERIFY2(recoveryRecorded, "every incident records when the tunnel was back");
    if (!noticed)
        return;

    VERIFY_MEAN("detection (s)",
                perReplication(runs, [](auto &r) { return detectionDelay(r.incidents.front()); }),
                pingInterval / 2 + pingTimeout,
                2 * predictedHalfWidth(pingInterval / std::sqrt(12.0), m.replications));
    // Mean and spread of the reconnect lag over the detection phase U(0, PingInterval): the
    // lag is piecewise linear in it, so a fine midpoint rule is exact to well below 1 ms.
    const int steps = 60000;
    double sum = 0, squares = 0;
    for (int j = 0; j < steps; ++j) {
        const double u = (j + 0.5) * pingInterval / steps;
        const double lag = tincReconnect(u + pingTimeout, outage) - outage;
        sum += lag;
        squares += lag * lag;
    }
    const double mean = sum / steps;
    const double sigma = std::sqrt(squares / steps - mean * mean);
    VERIFY_MEAN("reconnect lag after the repair (s)", lags, mean,
                2 * predictedHalfWidth(sigma, m.replications));
}

// 10. Autoscaling under a load step. Region b's database dies for 100 s, geo DNS moves region
// b's clients to region a (as in test 8) and back after the repair; region a's autoscaled app
// server gets the step up and then down. With 16 workers per instance and 20 ms requests, region
// a alone is 35% of one instance and with region b's clients 90% (above the 80% scale-out
// threshold): one more instance brings it to 45%, between the thresholds, so the group settles
// at 2; when the load goes back, 17.5% of two instances is below 30% and it drains back to 1.
// Scaling decisions come at the checks (every C = 10 s from t = 0), a new instance serves B = 8 s
// after the decision; B < C, so no check sees the load while an instance boots. The instance
// count is not in the results: a probe samples it every 0.5 s, at times that never coincide with
// a check or a boot (the warm-up ends at 20.1 s).
void TestFailures::autoscaling()
{
    const double ttl = 20, interval = 5, propagation = 5;
    const int fall = 2;
    const double check = 10, boot = 8;
    const double rateA = 280, rateB = 440;
    const double service = 0.020, query = 0.001;
    const int resolvers = 100;
    const double failAt = 10, outage = 100;

    ModelSpec m;
    m.regions = {"a", "b"};
    const std::uint32_t dns = addDns(m, "www", DnsPolicy::Geo, fromSeconds(ttl),
                                     fromSeconds(interval), fall, fromSeconds(propagation));
    const std::uint32_t dbB = addDatabase(m, "db-b", 1, fromSeconds(query));
    const std::uint32_t appA = addAppServer(m, "app-a", 0, 16, fromSeconds(service));
    AutoscaleSpec &a = m.components[appA].appServer.autoscale;
    a.enabled = true;
    a.maxInstances = 4;
    a.bootTime = fromSeconds(boot);
    a.checkInterval = fromSeconds(check);
    a.scaleOutUtilization = 0.8;
    a.scaleInUtilization = 0.3;
    const std::uint32_t appB = addAppServer(m, "app-b", 1, 64, fromSeconds(service), dbB, 1);
    const std::uint32_t lbA = addLoadBalancer(m, "lb-a", 0, {appA});
    const std::uint32_t lbB = addLoadBalancer(m, "lb-b", 1, {appB});
    m.components[dns].dns.loadBalancers = {lbA, lbB};
    addClients(m, "users-a", 0, dns, rateA, resolvers);
    addClients(m, "users-b", 1, dns, rateB, resolvers);
    addFailure(m, dbB, fromSeconds(failAt), FailureMode::Crash, fromSeconds(outage));
    m.warmup = fromSeconds(20.1);
    m.bucket = fromSeconds(0.5);
    m.duration = fromSeconds(175);
    m.replications = 10;
    const auto runs
        = replicateProbed(m, [appA](World &w) { return double(w.appServer(appA).instances()); });

    const double failure = toSeconds(m.warmup) + failAt; // simulated time
    const double repair = failure + outage;
    // The load moves only after a detection and the propagation, and has moved completely one
    // TTL after the latest detection; a check sees it within two check periods.
    const double moveStart = (fall - 1) * interval + propagation;
    const double moveEnd = fall * interval + propagation + ttl;
    // An instance event at x happens between two samples: its check (x or x − B) is a multiple
    // of C in (before, after].
    auto atCheck = [&](double before, double after) {
        return std::floor(after / check) * check > before;
    };
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const ProbedRun &run = runs[k];
        const std::vector<double> &n = run.values;
        QCOMPARE(n.front(), 1.0);
        QCOMPARE(n.back(), 1.0);
        QCOMPARE(*std::max_element(n.begin(), n.end()), 2.0);
        const std::size_t up = std::find(n.begin(), n.end(), 2.0) - n.begin();
        const std::size_t down = std::find(n.begin() + up, n.end(), 1.0) - n.begin();
        QVERIFY2(up > 0 && down < n.size(), rep(k));
        // Two plateaus, no flapping.
        QVERIFY2(std::all_of(n.begin() + up, n.begin() + down, [](double v) { return v == 2; })
                     && std::all_of(n.begin() + down, n.end(), [](double v) { return v == 1; }),
                 rep(k) + " flapped");
        const double upBefore = run.at[up - 1], upAfter = run.at[up];
        QVERIFY2(atCheck(upBefore - boot, upAfter - boot), rep(k) + " boot not B after a check");
        QVERIFY2(upAfter > failure + moveStart + boot
                     && upBefore < failure + moveEnd + 2 * check + boot,
                 rep(k) + " scale-out at " + num(upAfter - failure) + " s after the failure");
        const double downBefore = run.at[down - 1], downAfter = run.at[down];
        QVERIFY2(atCheck(downBefore, downAfter), rep(k) + " scale-in not at a check");
        QVERIFY2(downAfter > repair + moveStart && downBefore < repair + moveEnd + 2 * check,
                 rep(k) + " scale-in at " + num(downAfter - repair) + " s after the repair");

        // Only region b's requests failed, while its clients still went to its LB; the drain
        // happens long after the last of them, and not one request failed at region a.
        const ReplicationResult &r = run.result;
        QCOMPARE(r.requests.failed, failedBy(r, FailureCause::DbUnavailable));
        QCOMPARE(r.components[appA].failed, std::uint64_t(0));
        QCOMPARE(r.components[lbA].failed, std::uint64_t(0));
        QVERIFY2(lastFailureBucket(r) < failAt + moveEnd, rep(k));
        QVERIFY2(downBefore - toSeconds(m.warmup) > failAt + moveEnd, rep(k));
    }
    // Region b's failures, as in test 1 with one LB: R_b·(E[D] + P + T/2) + in-flight.
    const double gap = resolvers / rateB;
    const double failed = rateB
                          * ((fall - 0.5) * interval + propagation + staleRequestsWindow(ttl, gap)
                             + service + query);
    const double sigma = std::hypot(rateB * interval / std::sqrt(12.0),
                                    rateB * ttl / std::sqrt(12.0 * resolvers), std::sqrt(failed));
    VERIFY_MEAN("region b failures",
                perReplication(runs, [](auto &r) { return r.result.requests.failed; }), failed,
                2 * predictedHalfWidth(sigma, m.replications), rateB * cachePhaseShift(gap));
}

void TestFailures::degradedServer_data()
{
    QTest::addColumn<double>("slowdown");
    QTest::newRow("healthy") << 1.0;
    QTest::newRow("degraded x2") << 2.0;
    QTest::newRow("degraded x4") << 4.0;
}

// 11. A degraded app server (slowdown s: every request takes s times longer) is still an M/M/c
// queue, with mean service s·E[S]: mean response E[S'] + C(c, a)·E[S']/(c − a), a = λ·E[S']
// (Erlang C; Kleinrock vol. 1 §3.5), and utilisation a/c. One LB in front, no network delay,
// no database, so the client's latency is the app server's response time. λ = 160/s on 8
// workers of 10 ms: utilisation 20%, 40%, 80%.
void TestFailures::degradedServer()
{
    QFETCH(double, slowdown);
    const int workers = 8;
    const double rate = 160, service = 0.010;

    ModelSpec m;
    m.regions = {"r"};
    const std::uint32_t dns
        = addDns(m, "www", DnsPolicy::RoundRobin, 60 * second, 10 * second, 3, 30 * second);
    const std::uint32_t app = addAppServer(m, "app", 0, workers, fromSeconds(service));
    m.components[dns].dns.loadBalancers = {addLoadBalancer(m, "lb", 0, {app})};
    addClients(m, "users", 0, dns, rate, 10);
    if (slowdown != 1)
        addFailure(m, app, 0, FailureMode::Degrade).slowdown = slowdown;
    m.warmup = 5 * second;
    m.duration = 100 * second;
    m.replications = 20;
    const auto runs = replicate(m);

    for (const ReplicationResult &r : runs)
        QCOMPARE(r.requests.failed, std::uint64_t(0));
    const double expected = mmcMeanResponse(workers, rate, slowdown * service);
    // 3%: the rows differ by a factor of 2 and more, and the queueing term is 25% of the
    // response time at 80% utilisation.
    VERIFY_MEAN("mean response (s)",
                perReplication(runs, [](auto &r) { return r.latency.mean() / 1e9; }), expected,
                0.03 * expected);
    const double utilization = rate * slowdown * service / workers;
    VERIFY_MEAN("utilisation",
                perReplication(runs, [app](auto &r) { return r.components[app].utilization; }),
                utilization, 0.02 * utilization);
}

QTEST_APPLESS_MAIN(TestFailures)
#include "tst_failures.moc"
