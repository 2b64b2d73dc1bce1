#pragma once

// ModelSpecs built directly in tests, and the small runners the tests share. Textbook queues put
// nothing but one load balancer between Poisson clients and the app servers, with every other
// effect switched off, so their results can be held against queueing theory; the web stack
// switches most models on, for tests that want every code path to run.

#include "sim/model/modelspec.h"
#include "sim/run/simulator.h"
#include "sim/stats/confidenceinterval.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace topolab::sim::test {

// How long and how often to run a model.
struct RunOptions
{
    int replications = 10;
    SimTime duration = 1000 * second;
    SimTime warmup = 50 * second;
    std::uint64_t seed = 1;
};

// Component indices of every server farm below: the DNS name, its one load balancer, then the
// app servers in order. Requests never touch anything else.
inline constexpr std::uint32_t farmDns = 0;
inline constexpr std::uint32_t farmLoadBalancer = 1;
inline constexpr std::uint32_t farmFirstServer = 2;

inline void applyRunOptions(ModelSpec &model, const RunOptions &run)
{
    model.replications = run.replications;
    model.duration = run.duration;
    model.warmup = run.warmup;
    model.seed = run.seed;
}

// Clients that add nothing to a request's time: no network latency, no DNS lookup (the DNS
// component sets lookup 0), no caches, no static content, no writes, no client timeout. A
// request's latency is then exactly its time at the app server, and arrivals are Poisson.
inline ClientGroupSpec directClients(double rateRps, std::uint32_t dns)
{
    ClientGroupSpec g;
    g.id = "clients";
    g.region = 0;
    g.clients = 1;
    g.resolvers = 1;
    g.rateRps = rateRps;
    g.latency = 0;
    g.remoteLatency = 0;
    g.appCache = 0;
    g.ttlViolatingShare = 0;
    g.staticFraction = 0;
    g.writeFraction = 0;
    g.requestTimeout = 0;
    g.dns = dns;
    return g;
}

inline ComponentSpec plainDns(std::string id, std::vector<std::uint32_t> loadBalancers)
{
    ComponentSpec c;
    c.id = std::move(id);
    c.kind = SimKind::Dns;
    c.dns.lookup = 0;
    c.dns.loadBalancers = std::move(loadBalancers);
    return c;
}

// A load balancer that costs no time and never limits connections.
inline ComponentSpec plainLoadBalancer(std::string id, BalanceAlgorithm algorithm,
                                       std::vector<std::uint32_t> servers)
{
    ComponentSpec c;
    c.id = std::move(id);
    c.kind = SimKind::LoadBalancer;
    c.region = 0;
    c.loadBalancer.algorithm = algorithm;
    c.loadBalancer.overhead = 0;
    c.loadBalancer.maxconn = 0;
    c.loadBalancer.servers = std::move(servers);
    return c;
}

// An app server that only computes: `workers` slots, a FIFO queue of `queueLimit`, no database.
inline ComponentSpec plainAppServer(std::string id, int workers, Distribution service,
                                    int queueLimit)
{
    ComponentSpec c;
    c.id = std::move(id);
    c.kind = SimKind::AppServer;
    c.region = 0;
    c.appServer.workers = workers;
    c.appServer.service = service;
    c.appServer.queueLimit = queueLimit;
    c.appServer.dbQueries = 0;
    return c;
}

// `appServers` identical servers of `workers` each behind one load balancer balancing with
// `algorithm`; Poisson arrivals at `arrivalRps` in total. Each server has its own queue, so with
// more than one server this is k separate queues fed by the balancer, not one M/M/c.
inline ModelSpec serverFarm(int appServers, int workers, double arrivalRps, Distribution service,
                            int queueLimit, BalanceAlgorithm algorithm, const RunOptions &run = {})
{
    ModelSpec m;
    m.name = "server-farm";
    m.regions = {"region"};
    std::vector<std::uint32_t> servers;
    for (int i = 0; i < appServers; ++i)
        servers.push_back(farmFirstServer + static_cast<std::uint32_t>(i));
    m.components.push_back(plainDns("www", {farmLoadBalancer}));
    m.components.push_back(plainLoadBalancer("lb", algorithm, servers));
    for (int i = 0; i < appServers; ++i)
        m.components.push_back(
            plainAppServer("app" + std::to_string(i + 1), workers, service, queueLimit));
    m.clientGroups.push_back(directClients(arrivalRps, farmDns));
    applyRunOptions(m, run);
    return m;
}

// The textbook single-station queue: Poisson arrivals at `arrivalRps`, `servers` workers sharing
// one FIFO queue of `queueLimit` places (M/G/c/c+K in Kendall's notation; 0 places = Erlang's
// loss system, where a request finding every worker busy is refused as overload).
inline ModelSpec textbookQueue(int servers, double arrivalRps, Distribution service, int queueLimit,
                               const RunOptions &run = {})
{
    ModelSpec m = serverFarm(1, servers, arrivalRps, service, queueLimit,
                             BalanceAlgorithm::RoundRobin, run);
    m.name = "textbook-queue";
    return m;
}

// A small but complete site, so that every model runs: a health-checked DNS name over two load
// balancers (leastconn and roundrobin) sharing two app servers, a primary database with a
// synchronous standby serving reads, object storage for static content, clients with caches,
// latency and timeouts, three scheduled failures (an app server crash, a silent load balancer,
// the primary's crash and failover, all within the first 420 s after the warm-up) and random
// app server crashes.
inline ModelSpec webStack(const RunOptions &run = {})
{
    enum : std::uint32_t { Dns, LbA, LbB, App1, App2, Primary, Standby, Storage };
    ModelSpec m;
    m.name = "web-stack";
    m.regions = {"region"};

    ComponentSpec dns;
    dns.id = "www";
    dns.kind = SimKind::Dns;
    dns.dns.ttl = 60 * second;
    dns.dns.healthCheck = true;
    dns.dns.loadBalancers = {LbA, LbB};

    ComponentSpec lbA;
    lbA.id = "lb-a";
    lbA.kind = SimKind::LoadBalancer;
    lbA.region = 0;
    lbA.loadBalancer.algorithm = BalanceAlgorithm::LeastConn;
    lbA.loadBalancer.servers = {App1, App2};
    ComponentSpec lbB = lbA;
    lbB.id = "lb-b";
    lbB.loadBalancer.algorithm = BalanceAlgorithm::RoundRobin;
    lbB.loadBalancer.maxconn = 6;

    ComponentSpec app1;
    app1.id = "app-1";
    app1.kind = SimKind::AppServer;
    app1.region = 0;
    app1.appServer.workers = 4;
    app1.appServer.service = Distribution::lognormal(20e6, 1.0);
    app1.appServer.queueLimit = 50;
    app1.appServer.dbQueries = 1.5;
    app1.appServer.database = Primary;
    app1.appServer.objectStorage = Storage;
    ComponentSpec app2 = app1;
    app2.id = "app-2";

    ComponentSpec primary;
    primary.id = "db-1";
    primary.kind = SimKind::Database;
    primary.region = 0;
    ComponentSpec standby = primary;
    standby.id = "db-2";
    standby.database.primary = false;
    standby.database.syncReplication = true;
    standby.database.servesReads = true;
    standby.database.upstream = Primary;

    ComponentSpec storage;
    storage.id = "static";
    storage.kind = SimKind::ObjectStorage;
    storage.region = 0;

    m.components = {dns, lbA, lbB, app1, app2, primary, standby, storage};

    ClientGroupSpec users;
    users.id = "users";
    users.region = 0;
    users.rateRps = 250;
    users.requestTimeout = 2 * second;
    users.dns = Dns;
    m.clientGroups = {users};

    FailureSpec crash;
    crash.at = 60 * second;
    crash.duration = 90 * second;
    crash.target = "app-1";
    crash.components = {App1};
    FailureSpec blackhole;
    blackhole.at = 200 * second;
    blackhole.duration = 150 * second;
    blackhole.mode = FailureMode::Blackhole;
    blackhole.target = "lb-b";
    blackhole.components = {LbB};
    FailureSpec database;
    database.at = 420 * second;
    database.target = "db-1";
    database.components = {Primary};
    m.failures = {crash, blackhole, database};

    RandomFailureSpec appCrashes;
    appCrashes.kind = SimKind::AppServer;
    appCrashes.mtbfHours = 0.2;
    appCrashes.mttrMinutes = 1;
    m.randomFailures = {appCrashes};

    applyRunOptions(m, run);
    return m;
}

// Replications 0 .. model.replications - 1, each kept whole, run on `threads` threads. A
// replication's result does not depend on the thread that runs it.
inline std::vector<ReplicationResult> runReplications(const ModelSpec &model, int threads = 2)
{
    const int count = std::max(1, model.replications);
    std::vector<ReplicationResult> runs(static_cast<std::size_t>(count));
    std::atomic<int> next{0};
    auto work = [&] {
        for (int k = next++; k < count; k = next++)
            runs[static_cast<std::size_t>(k)] = runReplication(model, k);
    };
    std::vector<std::thread> pool;
    for (int i = 1; i < std::clamp(threads, 1, count); ++i)
        pool.emplace_back(work);
    work();
    for (std::thread &t : pool)
        t.join();
    return runs;
}

// Student-t interval across replications of one value each replication yields.
template<typename Value>
ConfidenceInterval acrossReplications(const std::vector<ReplicationResult> &runs, Value value,
                                      double confidence = 0.99)
{
    std::vector<double> samples;
    samples.reserve(runs.size());
    for (const ReplicationResult &run : runs)
        samples.push_back(value(run));
    return meanConfidenceInterval(samples, confidence);
}

} // namespace topolab::sim::test
