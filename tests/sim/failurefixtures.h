#pragma once

// What the failure tests (tst_failures.cpp) share: builders for small topologies with every
// incidental delay switched off (no network latency, no LB overhead, no DNS lookup time, no
// static content), so that the analytic results of realism.md apply without correction terms;
// a runner that keeps every replication's own result (the pooled SimulationResult has sums
// only, and a confidence interval needs one value per replication); and the queueing and
// probability formulas the expected values come from.

#include "sim/model/appservermodel.h"
#include "sim/model/loadbalancermodel.h"
#include "sim/model/modelspec.h"
#include "sim/model/world.h"
#include "sim/run/simulator.h"
#include "sim/stats/confidenceinterval.h"
#include "sim/stats/studentt.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace topolab::sim::fixtures {

// ---- Topology builders ------------------------------------------------------------------------
// Each appends one component to the model and returns its index; links are filled in afterwards
// (a DNS name needs the indices of load balancers that are added after it).

inline std::uint32_t add(ModelSpec &model, ComponentSpec component)
{
    model.components.push_back(std::move(component));
    return static_cast<std::uint32_t>(model.components.size() - 1);
}

inline ComponentSpec component(std::string id, SimKind kind, std::uint32_t region)
{
    ComponentSpec c;
    c.id = std::move(id);
    c.kind = kind;
    c.region = region;
    return c;
}

// A DNS name with the provider's health checks on and an instant lookup.
inline std::uint32_t addDns(ModelSpec &model, std::string id, DnsPolicy policy, SimTime ttl,
                            SimTime checkInterval, int checkFall, SimTime propagation)
{
    ComponentSpec c = component(std::move(id), SimKind::Dns, noIndex);
    c.dns.policy = policy;
    c.dns.ttl = ttl;
    c.dns.lookup = 0;
    c.dns.healthCheck = true;
    c.dns.checkInterval = checkInterval;
    c.dns.checkFall = checkFall;
    c.dns.propagation = propagation;
    return add(model, std::move(c));
}

// An HAProxy with no processing time of its own.
inline std::uint32_t addLoadBalancer(ModelSpec &model, std::string id, std::uint32_t region,
                                     std::vector<std::uint32_t> servers)
{
    ComponentSpec c = component(std::move(id), SimKind::LoadBalancer, region);
    c.loadBalancer.overhead = 0;
    c.loadBalancer.servers = std::move(servers);
    return add(model, std::move(c));
}

// An app server with exponential service times and a queue long enough never to overflow in
// these tests (the overload path is not what they check).
inline std::uint32_t addAppServer(ModelSpec &model, std::string id, std::uint32_t region,
                                  int workers, SimTime meanService,
                                  std::uint32_t database = noIndex, double dbQueries = 0)
{
    ComponentSpec c = component(std::move(id), SimKind::AppServer, region);
    c.appServer.workers = workers;
    c.appServer.service = Distribution::exponential(static_cast<double>(meanService));
    c.appServer.queueLimit = 100000;
    c.appServer.database = database;
    c.appServer.dbQueries = database == noIndex ? 0 : dbQueries;
    return add(model, std::move(c));
}

inline std::uint32_t addDatabase(ModelSpec &model, std::string id, std::uint32_t region,
                                 SimTime meanQuery)
{
    ComponentSpec c = component(std::move(id), SimKind::Database, region);
    c.database.query = Distribution::exponential(static_cast<double>(meanQuery));
    c.database.cpus = 8;
    return add(model, std::move(c));
}

// Clients with no network latency, no app-level cache, no TTL violators, no static content, no
// writes and no retry of the next address: each test switches on what it studies. Every
// resolver serves `clientsPerResolver` clients (the client picks its resolver as index modulo
// the resolver count), so each sees the same share of the requests.
inline ClientGroupSpec &addClients(ModelSpec &model, std::string id, std::uint32_t region,
                                   std::uint32_t dns, double rateRps, std::int64_t resolvers,
                                   std::int64_t clientsPerResolver = 100)
{
    ClientGroupSpec g;
    g.id = std::move(id);
    g.region = region;
    g.dns = dns;
    g.rateRps = rateRps;
    g.resolvers = resolvers;
    g.clients = resolvers * clientsPerResolver;
    g.latency = 0;
    g.remoteLatency = 0;
    g.retryNextAddress = false;
    g.appCache = 0;
    g.ttlViolatingShare = 0;
    g.staticFraction = 0;
    g.writeFraction = 0;
    model.clientGroups.push_back(std::move(g));
    return model.clientGroups.back();
}

inline FailureSpec &addFailure(ModelSpec &model, std::uint32_t target, SimTime at, FailureMode mode,
                               SimTime duration = 0)
{
    FailureSpec f;
    f.at = at;
    f.duration = duration;
    f.mode = mode;
    f.target = model.components[target].id;
    f.components = {target};
    model.failures.push_back(std::move(f));
    return model.failures.back();
}

// ---- Running ----------------------------------------------------------------------------------

// Runs replications 0..model.replications-1 on two threads, like runSimulation, but keeps each
// replication's own result.
inline std::vector<ReplicationResult> replicate(const ModelSpec &model, int threads = 2)
{
    std::vector<ReplicationResult> runs(static_cast<std::size_t>(model.replications));
    std::atomic<int> next{0};
    auto work = [&] {
        for (int k = next++; k < model.replications; k = next++)
            runs[static_cast<std::size_t>(k)] = runReplication(model, k);
    };
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back(work);
    for (std::thread &t : pool)
        t.join();
    return runs;
}

// A look inside a running replication where the results have no field for what a test checks
// (a load balancer's opinion of a server, an autoscaled group's instance count): sampled at
// the end of every time-series bucket.
using Probe = std::function<double(World &)>;

struct ProbedRun
{
    ReplicationResult result;
    std::vector<double> at;     // sample times, seconds of simulated time (warm-up included)
    std::vector<double> values; // probe(world) at those times
};

namespace detail {

class ProbeObserver final : public SimObserver
{
public:
    ProbeObserver(const Probe &probe, ProbedRun &run)
        : mProbe(probe)
        , mRun(run)
    {
    }

    void attach(World &world) { mWorld = &world; }

    void onSample(const IntervalSample &) override
    {
        mRun.at.push_back(toSeconds(mWorld->kernel.now()));
        mRun.values.push_back(mProbe(*mWorld));
    }

private:
    const Probe &mProbe;
    ProbedRun &mRun;
    World *mWorld = nullptr;
};

} // namespace detail

inline std::vector<ProbedRun> replicateProbed(const ModelSpec &model, const Probe &probe,
                                              int threads = 2)
{
    std::vector<ProbedRun> runs(static_cast<std::size_t>(model.replications));
    std::atomic<int> next{0};
    auto work = [&] {
        for (int k = next++; k < model.replications; k = next++) {
            ProbedRun &run = runs[static_cast<std::size_t>(k)];
            detail::ProbeObserver observer(probe, run);
            World world(model, k, &observer);
            observer.attach(world);
            world.run();
            run.result = world.result(0);
        }
    };
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back(work);
    for (std::thread &t : pool)
        t.join();
    return runs;
}

// One value per replication, for a confidence interval across them.
template<typename Run, typename F>
std::vector<double> perReplication(const std::vector<Run> &runs, F value)
{
    std::vector<double> out;
    out.reserve(runs.size());
    for (const Run &run : runs)
        out.push_back(static_cast<double>(value(run)));
    return out;
}

inline std::uint64_t failedBy(const ReplicationResult &r, FailureCause cause)
{
    return r.requests.failedByCause[static_cast<std::size_t>(cause)];
}

// Seconds from the failure to its detection, of the replication's only incident.
inline double detectionDelay(const Incident &incident)
{
    return incident.detectedSeconds.value_or(std::nan("")) - incident.atSeconds;
}

// ---- Analytic results -------------------------------------------------------------------------

// The confidence of every check: about 45 intervals are checked, so at 99.9% a correct model
// fails one by chance with a probability near 4%, whichever random streams a change redraws.
inline constexpr double checkConfidence = 0.999;

// The interval every check uses (sim/stats/confidenceinterval.h, Student t across
// replications).
inline ConfidenceInterval interval99(const std::vector<double> &values)
{
    return meanConfidenceInterval(values, checkConfidence);
}

// Half-width a check's interval of n replications would have if each replication's standard
// deviation were `sigma`: the spread the analytic model itself predicts. A measured interval
// wider than twice this means the run is noisier than the model explains (the sample standard
// deviation of 10 replications exceeds 1.76 sigma with probability 1e-3 only).
inline double predictedHalfWidth(double sigma, int replications)
{
    return studentTQuantile(checkConfidence, replications - 1) * sigma
           / std::sqrt(static_cast<double>(replications));
}

// Mean time a cache that is refreshed on demand keeps an answer after the authoritative answer
// changed, weighted by the requests it serves: with time-to-live T and a mean wait g between
// expiry and the next request (g = 1/request rate at the cache, Poisson requests), the cache is
// in its valid phase with probability T/(T+g) with a residual life U(0, T), so the requests
// still answered from the old entry are rate · T²/(2(T+g)). For g → 0 this is the T/2 of
// realism.md §1.2 ("residual TTL").
inline double staleRequestsWindow(double ttl, double gap)
{
    return ttl * ttl / (2 * (ttl + gap));
}

// Bound on the systematic error of the two formulas above in a run, in seconds. The model starts
// every cache in the stationary law of on-demand refresh (expired with probability g/(T+g),
// otherwise a uniform residual life), but its request rate is estimated from the nominal rates,
// so the phases can still be off by a fraction of a wait g; one g is allowed.
inline double cachePhaseShift(double gap)
{
    return gap;
}

// Mean time until a cache refreshed on demand next asks upstream after a change (the same cache
// as above, measured as a time rather than as requests): residual life plus the wait for a
// request when valid, the remaining wait when expired: (T²/2 + T·g + g²)/(T + g).
inline double refreshDelay(double ttl, double gap)
{
    return (ttl * ttl / 2 + ttl * gap + gap * gap) / (ttl + gap);
}

// Erlang's C formula: the probability that an arrival waits in an M/M/c queue with offered load
// a = λ·E[S] < c (Kleinrock, Queueing Systems vol. 1, §3.5), computed through the numerically
// stable Erlang B recursion B(k) = a·B(k−1)/(k + a·B(k−1)).
inline double erlangC(int servers, double offered)
{
    double b = 1;
    for (int k = 1; k <= servers; ++k)
        b = offered * b / (k + offered * b);
    const double rho = offered / servers;
    return b / (1 - rho * (1 - b));
}

// Mean time in an M/M/c system: E[S] + C(c, a)·E[S]/(c − a).
inline double mmcMeanResponse(int servers, double arrivalRate, double meanService)
{
    const double a = arrivalRate * meanService;
    return meanService + erlangC(servers, a) * meanService / (servers - a);
}

// The smallest q with P(Poisson(mean) > q) <= tail: a hard bound for a count that is Poisson
// (or less variable), violated by chance with probability `tail` at most. The terms are summed
// in log space: e^-mean underflows for a mean of a few hundred.
inline std::uint64_t poissonUpperBound(double mean, double tail)
{
    if (mean <= 0)
        return 0;
    double cdf = 0;
    std::uint64_t q = 0;
    for (;; ++q) {
        const double k = static_cast<double>(q);
        cdf += std::exp(k * std::log(mean) - mean - std::lgamma(k + 1));
        if (1 - cdf <= tail && k >= mean)
            return q;
    }
}

// tinc's reconnection after the path healed (src/net_socket.c, realism.md §4): attempts at
// detection + 5 s, + 10 s more, + 15 s more..., the step capped at MaxTimeout (900 s). The
// first attempt at or after the repair succeeds. Times in seconds after the failure.
inline double tincReconnect(double detectedAfter, double healedAfter)
{
    double attempt = detectedAfter;
    double step = 5;
    while (attempt < healedAfter) {
        attempt += step;
        step = std::min(step + 5, 900.0);
    }
    return attempt;
}

} // namespace topolab::sim::fixtures
