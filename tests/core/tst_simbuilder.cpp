// Topology → sim::ModelSpec: every parameter through its schema with units converted, every link
// resolved to the index it stands for, scenario values and command-line overrides. And the way
// back: a hand-made sim::SimulationResult → JSON, summary and CSV (rounding, nulls, order).
#include "topologyfixture.h"

#include "core/simulation/resultjson.h"
#include "core/simulation/resultsummary.h"
#include "core/simulation/simmodelbuilder.h"

#include <QTest>

using namespace topolab;
using namespace topolab::core;
using sim::millisecond;
using sim::noIndex;
using sim::second;
using sim::SimTime;
using topolab::test::parseTopology;

namespace {

using Indices = std::vector<std::uint32_t>;

sim::ModelSpec loadExample(const char *name)
{
    const LoadResult loaded
        = loadTopologyFile(std::string(TOPOLAB_EXAMPLES "/") + name + ".topolab.yaml");
    if (!loaded.ok()) {
        QTest::qFail("example does not load", __FILE__, __LINE__);
        return {};
    }
    return buildSimModel(*loaded.topology);
}

// Indices of the named components, to compare with the lists the builder fills.
Indices indices(const sim::ModelSpec &model, std::initializer_list<const char *> ids)
{
    Indices out;
    for (const char *id : ids)
        out.push_back(model.indexOf(id));
    return out;
}

const sim::ComponentSpec &component(const sim::ModelSpec &model, const char *id)
{
    return model.components.at(model.indexOf(id));
}

// Every parameter left at its default: the builder must read the schema's defaults.
const std::string defaultsOnly = R"(topolab: 1
regions: [{id: r1}]
components:
  - {id: www, kind: dns}
  - {id: lb, kind: load_balancer, region: r1}
  - {id: app, kind: app_server, region: r1}
  - {id: s3, kind: object_storage}
  - {id: db, kind: database, region: r1}
  - {id: vol, kind: volume, region: r1}
  - {id: bk, kind: backup}
  - {id: net, kind: vpn}
  - {id: nfs, kind: shared_storage}
links:
  - {from: www, to: lb}
  - {from: lb, to: app}
  - {from: app, to: db}
traffic:
  client_groups:
    - {id: users}
)";

// Every parameter written, each with a value unlike its default, to see its unit conversion.
const std::string everythingSet = R"(topolab: 1
name: Everything set
regions: [{id: r1}, {id: r2}]
components:
  - {id: www, kind: dns, policy: active_standby, ttl_s: 45, propagation_s: 7.5, lookup_ms: 12.5,
     health_check: {interval_s: 15, fall: 4}}
  - {id: lb, kind: load_balancer, region: r2, algorithm: leastconn,
     health_check: {inter_ms: 1500, fall: 5, rise: 3}, retries: 1, redispatch: false,
     overhead_ms: 0.05, connect_timeout_ms: 250, server_timeout_ms: 9000, maxconn: 64}
  - {id: lb-r, kind: load_balancer, region: r2, algorithm: random}
  - {id: app, kind: app_server, region: r2, workers: 3,
     service_ms: {dist: deterministic, mean: 7.25}, queue_limit: 0, db_queries: 1.5,
     autoscale: {max_instances: 9, boot_s: 45, check_s: 10, scale_out_utilization: 0.7,
                 scale_in_utilization: 0.2}}
  - {id: app-ln, kind: app_server, region: r2, service_ms: {dist: lognormal, mean: 40, cv: 2.5},
     autoscale: {}}
  - {id: s3, kind: object_storage, latency_ms: 12}
  - {id: db, kind: database, region: r2, query_ms: 0.5, cpus: 16, replication_lag_ms: 250,
     promote_s: 2, detect_s: 10, recreate_s: 120, commit_ack_ms: 0.75}
  - {id: db-s, kind: database, region: r2, role: standby, replication: sync, serves_reads: true}
  - {id: vol, kind: volume, region: r2, size_gb: 750, attach_s: 12}
  - {id: bk, kind: backup, interval_h: 1.5, restore_mb_s: 250}
  - {id: net, kind: vpn, latency_ms: 70, ping_interval_s: 20, ping_timeout_s: 2}
links:
  - {from: www, to: lb}
  - {from: lb, to: app}
traffic:
  client_groups:
    - {id: users, region: r2, clients: 123, resolvers: 7, rate_rps: 250.5, latency_ms: 15,
       remote_latency_ms: 95, retry_next_address: false, connect_timeout_s: 1.5,
       request_timeout_s: 12, app_cache_s: 0, ttl_violating_share: 0.25, ttl_violation_s: 600,
       static_fraction: 0.4, write_fraction: 0.05}
scenario:
  duration_s: 7200
  warmup_s: 30
  seed: 99
  replications: 7
)";

// Links written in an order unlike the components', in both directions where allowed.
const std::string linkRules = R"(topolab: 1
regions: [{id: r1}]
components:
  - {id: dns-a, kind: dns}
  - {id: dns-b, kind: dns}
  - {id: lb-1, kind: load_balancer, region: r1}
  - {id: lb-2, kind: load_balancer, region: r1}
  - {id: app-1, kind: app_server, region: r1}
  - {id: app-2, kind: app_server, region: r1}
  - {id: db-1, kind: database, region: r1}
  - {id: db-2, kind: database, region: r1, role: standby}
  - {id: db-3, kind: database, region: r1, role: standby}
  - {id: db-x, kind: database, region: r1}
  - {id: vol-1, kind: volume, region: r1}
  - {id: vol-2, kind: volume, region: r1}
  - {id: s3-a, kind: object_storage}
  - {id: s3-b, kind: object_storage}
  - {id: bk-1, kind: backup}
  - {id: bk-2, kind: backup}
  - {id: net, kind: vpn}
links:
  - {from: dns-a, to: lb-2}
  - {from: dns-a, to: lb-1}
  - {from: dns-b, to: lb-1}
  - {from: lb-1, to: app-2}
  - {from: lb-1, to: app-1}
  - {from: app-1, to: db-x}
  - {from: app-1, to: db-1}
  - {from: app-1, to: s3-b}
  - {from: app-1, to: s3-a}
  - {from: db-1, to: db-2}
  - {from: db-2, to: db-3}
  - {from: vol-1, to: db-1}
  - {from: db-2, to: vol-2}
  - {from: bk-2, to: vol-1}
  - {from: bk-1, to: vol-1}
  - {from: bk-1, to: s3-a}
  - {from: net, to: db-1}
  - {from: db-x, to: net}
traffic:
  client_groups:
    - {id: everywhere}
scenario:
  failures:
    - {at_s: 100, target: r1, mode: blackhole, for_s: 50}
    - {at_s: 200, target: app-2, mode: degrade, slowdown: 8}
    - {at_s: 300, target: net}
  random_failures:
    - {kind: database, mtbf_h: 2000, mttr_min: 45, mode: blackhole}
    - {kind: load_balancer}
)";

// A result with known numbers: two replications, one incident that recovered and one that did
// not, a short series, and an availability interval that reaches past 1.
sim::SimulationResult handMadeResult()
{
    sim::SimulationResult r;
    r.seed = 42;
    r.durationSeconds = 3;
    r.warmupSeconds = 1;
    r.replications = 2;
    r.threads = 2;
    r.requests.offered = 1000;
    r.requests.ok = 990;
    r.requests.failed = 8;
    r.requests.inFlight = 2;
    r.requests.failedByCause[static_cast<std::size_t>(sim::FailureCause::LbDown)] = 5;
    r.requests.failedByCause[static_cast<std::size_t>(sim::FailureCause::Timeout)] = 3;
    r.availability = 0.99;
    for (std::int64_t ms : {10, 20, 30, 40})
        r.latency.record(ms * millisecond);
    r.availabilityCi = {0.99, 0.97, 1.01, 0.02, 2};
    r.latencyMeanMsCi = {25.0, -5.123456, 55.123456, 30.1, 2};
    r.p99MsCi = {40.0, 39.99999, 40.00001, 0.00001, 2};
    sim::ComponentResult lb;
    lb.id = "lb-1";
    lb.kind = "load_balancer";
    lb.utilization = 0.123456789;
    lb.served = 700;
    lb.failed = 5;
    lb.downSeconds = 1.00049;
    lb.meanQueue = 0.5;
    r.components.push_back(lb);
    r.data.writesCommitted = 99;
    r.data.maxReplicationLagSeconds = 0.1;
    sim::Incident recovered;
    recovered.atSeconds = 1;
    recovered.target = "lb-1";
    recovered.kind = "crash";
    recovered.detectedSeconds = 1.5;
    recovered.dnsUpdatedSeconds = 2.25;
    recovered.recoveredSeconds = 2.5;
    recovered.failedRequests = 8;
    sim::Incident open = recovered;
    open.replication = 1;
    open.random = true;
    open.detectedSeconds.reset();
    open.dnsUpdatedSeconds.reset();
    open.recoveredSeconds.reset();
    r.incidents = {recovered, open};
    r.series.bucketSeconds = 1;
    r.series.t = {0, 1, 2};
    r.series.ok = {330, 320, 340};
    r.series.failed = {0, 8, 0};
    r.series.failedByCause.resize(3);
    r.series.failedByCause[1][static_cast<std::size_t>(sim::FailureCause::LbDown)] = 8;
    r.series.p50Ms = {4.25, std::nan(""), 0};
    r.series.p90Ms = {8.5, std::nan(""), 0};
    r.series.p99Ms = {12.345678, std::nan(""), 0};
    r.series.staleShare = {0, 0.25, 1.0 / 3.0};
    r.series.replicationLagS = {0.1, 0.1, 0.1};
    r.events = 123456;
    r.wallSeconds = 0.5;
    return r;
}

} // namespace

// Checks buildSimModel against the examples and hand-written topologies.
class TestSimBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleRegionExample()
    {
        const sim::ModelSpec m = loadExample("single-region");
        QCOMPARE(m.name, std::string("Single region"));
        QCOMPARE(m.regions, std::vector<std::string>{"nyc1"});
        QCOMPARE(m.components.size(), std::size_t(12));
        QCOMPARE(m.components.front().id, std::string("www"));
        QCOMPARE(m.components.back().id, std::string("backup-1"));
        QCOMPARE(component(m, "lb-2").kind, sim::SimKind::LoadBalancer);
        QCOMPARE(component(m, "lb-2").region, std::uint32_t(0));
        QCOMPARE(component(m, "www").region, noIndex);

        QCOMPARE(component(m, "www").dns.loadBalancers, indices(m, {"lb-1", "lb-2"}));
        QCOMPARE(component(m, "lb-2").loadBalancer.servers,
                 indices(m, {"app-1", "app-2", "app-3"}));
        const sim::AppServerSpec &app = component(m, "app-3").appServer;
        QCOMPARE(app.database, m.indexOf("db-1"));
        QCOMPARE(app.objectStorage, m.indexOf("static"));
        QCOMPARE(app.service.shape(), sim::Distribution::Shape::Lognormal);
        QCOMPARE(app.service.mean(), 25e6);
        QCOMPARE(app.service.cv(), 1.5);
        QCOMPARE(app.dbQueries, 2.0);

        QVERIFY(component(m, "db-1").database.primary);
        QVERIFY(!component(m, "db-2").database.primary);
        QCOMPARE(component(m, "db-2").database.upstream, m.indexOf("db-1"));
        QCOMPARE(component(m, "db-1").database.upstream, noIndex);
        QCOMPARE(component(m, "db-1").database.volume, m.indexOf("vol-1"));
        QCOMPARE(component(m, "db-2").database.volume, m.indexOf("vol-2"));
        QCOMPARE(component(m, "vol-1").volume.backup, m.indexOf("backup-1"));
        QCOMPARE(component(m, "vol-2").volume.backup, noIndex);
        QCOMPARE(component(m, "vol-1").volume.sizeGb, 200.0);
        QCOMPARE(component(m, "backup-1").backup.interval, SimTime(24 * 3600) * second);

        QCOMPARE(m.clientGroups.size(), std::size_t(1));
        const sim::ClientGroupSpec &users = m.clientGroups.front();
        QCOMPARE(users.region, std::uint32_t(0));
        QCOMPARE(users.dns, m.indexOf("www"));
        QCOMPARE(users.rateRps, 400.0);
        QCOMPARE(users.resolvers, std::int64_t(200));
        QCOMPARE(users.latency, 30 * millisecond);

        QCOMPARE(m.duration, 3600 * second);
        QCOMPARE(m.warmup, 60 * second);
        QCOMPARE(m.seed, std::uint64_t(1));
        QCOMPARE(m.replications, 5);
        QCOMPARE(m.bucket, second);

        QCOMPARE(m.failures.size(), std::size_t(2));
        QCOMPARE(m.failures[0].target, std::string("lb-1"));
        QCOMPARE(m.failures[0].at, 600 * second);
        QCOMPARE(m.failures[0].duration, 300 * second);
        QCOMPARE(m.failures[0].mode, sim::FailureMode::Crash);
        QCOMPARE(m.failures[0].components, indices(m, {"lb-1"}));
        QCOMPARE(m.failures[1].components, indices(m, {"db-1"}));
        QCOMPARE(m.failures[1].duration, 600 * second);
        QCOMPARE(m.randomFailures.size(), std::size_t(1));
        QCOMPARE(m.randomFailures[0].kind, sim::SimKind::AppServer);
        QCOMPARE(m.randomFailures[0].mtbfHours, 500.0);
        QCOMPARE(m.randomFailures[0].mttrMinutes, 15.0);
        QCOMPARE(m.randomFailures[0].mode, sim::FailureMode::Crash);
    }

    void multiRegionExample()
    {
        const sim::ModelSpec m = loadExample("multi-region");
        QCOMPARE(m.regions, (std::vector<std::string>{"nyc3", "ams3"}));
        QCOMPARE(component(m, "lb-ams-1").region, std::uint32_t(1));
        const sim::DnsSpec &dns = component(m, "www").dns;
        QCOMPARE(dns.policy, sim::DnsPolicy::Geo);
        QCOMPARE(dns.ttl, 60 * second);
        QCOMPARE(dns.propagation, 5 * second);
        QVERIFY(dns.healthCheck);
        QCOMPARE(dns.checkInterval, 30 * second);
        QCOMPARE(dns.checkFall, 3);
        QCOMPARE(dns.loadBalancers, indices(m, {"lb-nyc-1", "lb-nyc-2", "lb-ams-1", "lb-ams-2"}));
        QCOMPARE(component(m, "lb-ams-1").loadBalancer.servers,
                 indices(m, {"app-ams-1", "app-ams-2", "app-ams-3"}));
        QCOMPARE(component(m, "app-ams-2").appServer.database, m.indexOf("db-ams"));
        QCOMPARE(component(m, "app-nyc-1").appServer.database, m.indexOf("db-nyc"));
        QCOMPARE(component(m, "app-ams-2").appServer.objectStorage, m.indexOf("static"));
        QCOMPARE(component(m, "db-nyc").database.vpn, m.indexOf("tinc"));
        QCOMPARE(component(m, "db-ams").database.vpn, m.indexOf("tinc"));
        QCOMPARE(component(m, "db-nyc-standby").database.vpn, noIndex);
        QCOMPARE(component(m, "db-nyc-standby").database.upstream, m.indexOf("db-nyc"));
        QCOMPARE(component(m, "db-nyc-standby").database.volume, m.indexOf("vol-nyc-standby"));
        QCOMPARE(component(m, "vol-ams").volume.backup, m.indexOf("backup-ams"));
        QCOMPARE(component(m, "tinc").vpn.latency, 40 * millisecond);
        QCOMPARE(component(m, "backup-nyc").backup.interval, SimTime(12 * 3600) * second);

        QCOMPARE(m.clientGroups.size(), std::size_t(2));
        QCOMPARE(m.clientGroups[0].region, std::uint32_t(0));
        QCOMPARE(m.clientGroups[1].region, std::uint32_t(1));
        QCOMPARE(m.clientGroups[1].latency, 20 * millisecond);
        QCOMPARE(m.clientGroups[1].dns, m.indexOf("www"));

        QCOMPARE(m.failures.size(), std::size_t(2));
        QCOMPARE(m.failures[0].target, std::string("ams3"));
        QCOMPARE(m.failures[0].mode, sim::FailureMode::Blackhole);
        QCOMPARE(m.failures[0].components,
                 indices(m, {"lb-ams-1", "lb-ams-2", "app-ams-1", "app-ams-2", "app-ams-3",
                             "db-ams", "vol-ams"}));
        QCOMPARE(m.failures[1].components, indices(m, {"tinc"}));
        QVERIFY(m.randomFailures.empty());
    }

    void defaultsComeFromTheSchemas()
    {
        const sim::ModelSpec m = buildSimModel(parseTopology(defaultsOnly));
        QVERIFY(m.name.empty());
        const sim::DnsSpec &dns = component(m, "www").dns;
        QCOMPARE(dns.policy, sim::DnsPolicy::RoundRobin);
        QCOMPARE(dns.ttl, 300 * second);
        QCOMPARE(dns.propagation, 30 * second);
        QCOMPARE(dns.lookup, 20 * millisecond);
        QVERIFY(!dns.healthCheck); // an optional group that is not written is off

        const sim::LoadBalancerSpec &lb = component(m, "lb").loadBalancer;
        QCOMPARE(lb.algorithm, sim::BalanceAlgorithm::RoundRobin);
        QCOMPARE(lb.checkInter, 2 * second);
        QCOMPARE(lb.checkFall, 3);
        QCOMPARE(lb.checkRise, 2);
        QCOMPARE(lb.retries, 3);
        QVERIFY(lb.redispatch);
        QCOMPARE(lb.overhead, 200 * sim::microsecond);
        QCOMPARE(lb.connectTimeout, 5 * second);
        QCOMPARE(lb.serverTimeout, 30 * second);
        QCOMPARE(lb.maxconn, 0);

        const sim::AppServerSpec &app = component(m, "app").appServer;
        QCOMPARE(app.workers, 8);
        QCOMPARE(app.service.shape(), sim::Distribution::Shape::Exponential);
        QCOMPARE(app.service.mean(), 20e6);
        QCOMPARE(app.queueLimit, 100);
        QCOMPARE(app.dbQueries, 2.0);
        QCOMPARE(app.database, m.indexOf("db"));
        QCOMPARE(app.objectStorage, noIndex);
        QVERIFY(!app.autoscale.enabled);
        QCOMPARE(app.autoscale.maxInstances, 1);

        QCOMPARE(component(m, "s3").objectStorage.latency, 30 * millisecond);
        const sim::DatabaseSpec &db = component(m, "db").database;
        QVERIFY(db.primary);
        QVERIFY(!db.syncReplication);
        QCOMPARE(db.query.shape(), sim::Distribution::Shape::Exponential);
        QCOMPARE(db.query.mean(), 2e6);
        QCOMPARE(db.cpus, 4);
        QCOMPARE(db.replicationLag, 100 * millisecond);
        QVERIFY(!db.servesReads);
        QCOMPARE(db.promote, 5 * second);
        QCOMPARE(db.detect, 30 * second);
        QCOMPARE(db.recreate, 300 * second);
        QCOMPARE(db.commitAck, millisecond);
        QCOMPARE(db.upstream, noIndex);
        QCOMPARE(db.volume, noIndex);
        QCOMPARE(db.vpn, noIndex);
        QCOMPARE(component(m, "vol").volume.sizeGb, 100.0);
        QCOMPARE(component(m, "vol").volume.attach, 30 * second);
        QCOMPARE(component(m, "bk").backup.interval, SimTime(24 * 3600) * second);
        QCOMPARE(component(m, "bk").backup.restoreMbPerS, 100.0);
        QCOMPARE(component(m, "net").vpn.latency, 40 * millisecond);
        QCOMPARE(component(m, "net").vpn.pingInterval, 60 * second);
        QCOMPARE(component(m, "net").vpn.pingTimeout, 5 * second);
        QCOMPARE(component(m, "nfs").kind, sim::SimKind::SharedStorage);

        const sim::ClientGroupSpec &g = m.clientGroups.at(0);
        QCOMPARE(g.id, std::string("users"));
        QCOMPARE(g.region, noIndex);
        QCOMPARE(g.clients, std::int64_t(10000));
        QCOMPARE(g.resolvers, std::int64_t(100));
        QCOMPARE(g.rateRps, 100.0);
        QCOMPARE(g.latency, 30 * millisecond);
        QCOMPARE(g.remoteLatency, 80 * millisecond);
        QVERIFY(g.retryNextAddress);
        QCOMPARE(g.connectTimeout, 3 * second);
        QCOMPARE(g.requestTimeout, 30 * second);
        QCOMPARE(g.appCache, 60 * second);
        QCOMPARE(g.ttlViolatingShare, 0.05);
        QCOMPARE(g.ttlViolation, 3600 * second);
        QCOMPARE(g.staticFraction, 0.3);
        QCOMPARE(g.writeFraction, 0.1);
        QCOMPARE(g.dns, m.indexOf("www"));

        // No scenario section: the section's defaults.
        QCOMPARE(m.duration, 3600 * second);
        QCOMPARE(m.warmup, 60 * second);
        QCOMPARE(m.seed, std::uint64_t(1));
        QCOMPARE(m.replications, 1);
        QCOMPARE(m.bucket, second);
        QVERIFY(m.failures.empty());
        QVERIFY(m.randomFailures.empty());
    }

    void writtenValuesWithTheirUnits()
    {
        const sim::ModelSpec m = buildSimModel(parseTopology(everythingSet));
        QCOMPARE(m.name, std::string("Everything set"));
        QCOMPARE(component(m, "lb").region, std::uint32_t(1));
        const sim::DnsSpec &dns = component(m, "www").dns;
        QCOMPARE(dns.policy, sim::DnsPolicy::ActiveStandby);
        QCOMPARE(dns.ttl, 45 * second);
        QCOMPARE(dns.propagation, 7500 * millisecond);
        QCOMPARE(dns.lookup, 12'500 * sim::microsecond);
        QVERIFY(dns.healthCheck);
        QCOMPARE(dns.checkInterval, 15 * second);
        QCOMPARE(dns.checkFall, 4);

        const sim::LoadBalancerSpec &lb = component(m, "lb").loadBalancer;
        QCOMPARE(lb.algorithm, sim::BalanceAlgorithm::LeastConn);
        QCOMPARE(component(m, "lb-r").loadBalancer.algorithm, sim::BalanceAlgorithm::Random);
        QCOMPARE(lb.checkInter, 1500 * millisecond);
        QCOMPARE(lb.checkFall, 5);
        QCOMPARE(lb.checkRise, 3);
        QCOMPARE(lb.retries, 1);
        QVERIFY(!lb.redispatch);
        QCOMPARE(lb.overhead, 50 * sim::microsecond);
        QCOMPARE(lb.connectTimeout, 250 * millisecond);
        QCOMPARE(lb.serverTimeout, 9 * second);
        QCOMPARE(lb.maxconn, 64);

        const sim::AppServerSpec &app = component(m, "app").appServer;
        QCOMPARE(app.workers, 3);
        QCOMPARE(app.service.shape(), sim::Distribution::Shape::Deterministic);
        QCOMPARE(app.service.mean(), 7.25e6);
        QCOMPARE(app.queueLimit, 0);
        QCOMPARE(app.dbQueries, 1.5);
        QVERIFY(app.autoscale.enabled);
        QCOMPARE(app.autoscale.maxInstances, 9);
        QCOMPARE(app.autoscale.bootTime, 45 * second);
        QCOMPARE(app.autoscale.checkInterval, 10 * second);
        QCOMPARE(app.autoscale.scaleOutUtilization, 0.7);
        QCOMPARE(app.autoscale.scaleInUtilization, 0.2);
        // `autoscale: {}` turns scaling on with the documented defaults.
        const sim::AppServerSpec &ln = component(m, "app-ln").appServer;
        QCOMPARE(ln.service.shape(), sim::Distribution::Shape::Lognormal);
        QCOMPARE(ln.service.mean(), 40e6);
        QCOMPARE(ln.service.cv(), 2.5);
        QVERIFY(ln.autoscale.enabled);
        QCOMPARE(ln.autoscale.maxInstances, 4);
        QCOMPARE(ln.autoscale.bootTime, 60 * second);
        QCOMPARE(ln.autoscale.checkInterval, 30 * second);
        QCOMPARE(ln.autoscale.scaleOutUtilization, 0.8);
        QCOMPARE(ln.autoscale.scaleInUtilization, 0.3);

        QCOMPARE(component(m, "s3").objectStorage.latency, 12 * millisecond);
        const sim::DatabaseSpec &db = component(m, "db").database;
        QCOMPARE(db.query.mean(), 0.5e6);
        QCOMPARE(db.cpus, 16);
        QCOMPARE(db.replicationLag, 250 * millisecond);
        QCOMPARE(db.promote, 2 * second);
        QCOMPARE(db.detect, 10 * second);
        QCOMPARE(db.recreate, 120 * second);
        QCOMPARE(db.commitAck, 750 * sim::microsecond);
        const sim::DatabaseSpec &standby = component(m, "db-s").database;
        QVERIFY(!standby.primary);
        QVERIFY(standby.syncReplication);
        QVERIFY(standby.servesReads);
        QCOMPARE(component(m, "vol").volume.sizeGb, 750.0);
        QCOMPARE(component(m, "vol").volume.attach, 12 * second);
        QCOMPARE(component(m, "bk").backup.interval, 5400 * second);
        QCOMPARE(component(m, "bk").backup.restoreMbPerS, 250.0);
        QCOMPARE(component(m, "net").vpn.latency, 70 * millisecond);
        QCOMPARE(component(m, "net").vpn.pingInterval, 20 * second);
        QCOMPARE(component(m, "net").vpn.pingTimeout, 2 * second);

        const sim::ClientGroupSpec &g = m.clientGroups.at(0);
        QCOMPARE(g.region, std::uint32_t(1));
        QCOMPARE(g.clients, std::int64_t(123));
        QCOMPARE(g.resolvers, std::int64_t(7));
        QCOMPARE(g.rateRps, 250.5);
        QCOMPARE(g.latency, 15 * millisecond);
        QCOMPARE(g.remoteLatency, 95 * millisecond);
        QVERIFY(!g.retryNextAddress);
        QCOMPARE(g.connectTimeout, 1500 * millisecond);
        QCOMPARE(g.requestTimeout, 12 * second);
        QCOMPARE(g.appCache, SimTime(0));
        QCOMPARE(g.ttlViolatingShare, 0.25);
        QCOMPARE(g.ttlViolation, 600 * second);
        QCOMPARE(g.staticFraction, 0.4);
        QCOMPARE(g.writeFraction, 0.05);

        QCOMPARE(m.duration, 7200 * second);
        QCOMPARE(m.warmup, 30 * second);
        QCOMPARE(m.seed, std::uint64_t(99));
        QCOMPARE(m.replications, 7);
        QCOMPARE(m.bucket, 2 * second);
    }

    void linksResolveInLinkOrder()
    {
        const sim::ModelSpec m = buildSimModel(parseTopology(linkRules));
        QCOMPARE(component(m, "dns-a").dns.loadBalancers, indices(m, {"lb-2", "lb-1"}));
        QCOMPARE(component(m, "dns-b").dns.loadBalancers, indices(m, {"lb-1"}));
        QCOMPARE(component(m, "lb-1").loadBalancer.servers, indices(m, {"app-2", "app-1"}));
        QVERIFY(component(m, "lb-2").loadBalancer.servers.empty());
        // The first database and object storage linked, not the first in the file.
        QCOMPARE(component(m, "app-1").appServer.database, m.indexOf("db-x"));
        QCOMPARE(component(m, "app-1").appServer.objectStorage, m.indexOf("s3-b"));
        QCOMPARE(component(m, "app-2").appServer.database, noIndex);
        // A cascade: each standby follows the source of its own replication link.
        QCOMPARE(component(m, "db-2").database.upstream, m.indexOf("db-1"));
        QCOMPARE(component(m, "db-3").database.upstream, m.indexOf("db-2"));
        QCOMPARE(component(m, "db-1").database.upstream, noIndex);
        // Storage and tunnel links count in either direction.
        QCOMPARE(component(m, "db-1").database.volume, m.indexOf("vol-1"));
        QCOMPARE(component(m, "db-2").database.volume, m.indexOf("vol-2"));
        QCOMPARE(component(m, "db-1").database.vpn, m.indexOf("net"));
        QCOMPARE(component(m, "db-x").database.vpn, m.indexOf("net"));
        QCOMPARE(component(m, "db-2").database.vpn, noIndex);
        // Two backups of one volume: the first link wins; a backup's destination is no volume.
        QCOMPARE(component(m, "vol-1").volume.backup, m.indexOf("bk-2"));
        QCOMPARE(component(m, "vol-2").volume.backup, noIndex);
        // The client group resolves the first dns component of the file.
        QCOMPARE(m.clientGroups.at(0).dns, m.indexOf("dns-a"));
    }

    void failuresAndTheirTargets()
    {
        const sim::ModelSpec m = buildSimModel(parseTopology(linkRules));
        QCOMPARE(m.failures.size(), std::size_t(3));
        const sim::FailureSpec &region = m.failures[0];
        QCOMPARE(region.target, std::string("r1"));
        QCOMPARE(region.at, 100 * second);
        QCOMPARE(region.duration, 50 * second);
        QCOMPARE(region.mode, sim::FailureMode::Blackhole);
        // Every member of the region in file order; global and external components stay up.
        QCOMPARE(region.components, indices(m, {"lb-1", "lb-2", "app-1", "app-2", "db-1", "db-2",
                                                "db-3", "db-x", "vol-1", "vol-2"}));
        const sim::FailureSpec &degrade = m.failures[1];
        QCOMPARE(degrade.mode, sim::FailureMode::Degrade);
        QCOMPARE(degrade.slowdown, 8.0);
        QCOMPARE(degrade.duration, SimTime(0)); // until the end
        QCOMPARE(degrade.components, indices(m, {"app-2"}));
        QCOMPARE(m.failures[2].mode, sim::FailureMode::Crash);
        QCOMPARE(m.failures[2].slowdown, 4.0);
        QCOMPARE(m.failures[2].components, indices(m, {"net"}));

        QCOMPARE(m.randomFailures.size(), std::size_t(2));
        QCOMPARE(m.randomFailures[0].kind, sim::SimKind::Database);
        QCOMPARE(m.randomFailures[0].mtbfHours, 2000.0);
        QCOMPARE(m.randomFailures[0].mttrMinutes, 45.0);
        QCOMPARE(m.randomFailures[0].mode, sim::FailureMode::Blackhole);
        QCOMPARE(m.randomFailures[1].kind, sim::SimKind::LoadBalancer);
        QCOMPARE(m.randomFailures[1].mtbfHours, 1000.0);
        QCOMPARE(m.randomFailures[1].mttrMinutes, 30.0);
        QCOMPARE(m.randomFailures[1].mode, sim::FailureMode::Crash);
    }

    void noDnsLeavesTheGroupUnresolved()
    {
        const sim::ModelSpec m = buildSimModel(parseTopology(R"(topolab: 1
components:
  - {id: lb, kind: load_balancer}
traffic:
  client_groups: [{id: users}]
)"));
        QCOMPARE(m.clientGroups.at(0).dns, noIndex);
        QVERIFY(m.regions.empty());
        QCOMPARE(component(m, "lb").region, noIndex);
    }

    void overridesWin()
    {
        SimOverrides overrides;
        overrides.durationS = 90.5;
        overrides.seed = 1234567890123ULL;
        overrides.replications = 3;
        const sim::ModelSpec m = buildSimModel(parseTopology(everythingSet), overrides);
        QCOMPARE(m.duration, 90'500 * millisecond);
        QCOMPARE(m.seed, std::uint64_t(1234567890123ULL));
        QCOMPARE(m.replications, 3);
        QCOMPARE(m.warmup, 30 * second); // not overridden
        QCOMPARE(m.bucket, second);

        SimOverrides onlySeed;
        onlySeed.seed = 0;
        const sim::ModelSpec s = buildSimModel(parseTopology(everythingSet), onlySeed);
        QCOMPARE(s.seed, std::uint64_t(0));
        QCOMPARE(s.duration, 7200 * second);
        QCOMPARE(s.replications, 7);
    }

    void bucketKeepsTheSeriesShort_data()
    {
        QTest::addColumn<double>("durationS");
        QTest::addColumn<qint64>("bucketS");
        QTest::newRow("half a second") << 0.5 << qint64(1);
        QTest::newRow("ten seconds") << 10.0 << qint64(1);
        QTest::newRow("one hour") << 3600.0 << qint64(1);
        QTest::newRow("just over an hour") << 3600.001 << qint64(2);
        QTest::newRow("two hours") << 7200.0 << qint64(2);
        QTest::newRow("two hours and a second") << 7201.0 << qint64(3);
        QTest::newRow("one day") << 86400.0 << qint64(24);
        QTest::newRow("a year") << 365 * 86400.0 << qint64(8760);
    }

    void resultJsonKeysRoundingAndNulls()
    {
        sim::ModelSpec model;
        model.name = "Hand made";
        const sim::SimulationResult r = handMadeResult();
        const nlohmann::ordered_json j = simulationResultJson(r, model);
        std::vector<std::string> keys;
        for (const auto &item : j.items())
            keys.push_back(item.key());
        QCOMPARE(keys, (std::vector<std::string>{"name", "seed", "duration_s", "warmup_s",
                                                 "replications", "requests", "availability",
                                                 "latency_ms", "ci95", "components", "data",
                                                 "incidents", "timeseries", "engine"}));
        QCOMPARE(j["name"].get<std::string>(), std::string("Hand made"));
        QCOMPARE(j["requests"]["failed_by_cause"].size(), sim::failureCauseCount);
        QCOMPARE(j["requests"]["failed_by_cause"]["lb_down"].get<int>(), 5);
        QCOMPARE(j["requests"]["in_flight"].get<int>(), 2);
        QCOMPARE(j["latency_ms"]["mean"].get<double>(), 25.0);
        QCOMPARE(j["latency_ms"]["max"].get<double>(), 40.0);
        // Intervals are cut at what the quantity can be: availability <= 1, latency >= 0.
        QCOMPARE(j["ci95"]["availability"].dump(), std::string("[0.97,1.0]"));
        QCOMPARE(j["ci95"]["latency_mean_ms"].dump(), std::string("[0.0,55.1235]"));
        QCOMPARE(j["ci95"]["p99_ms"].dump(), std::string("[40.0,40.0]"));
        const auto &lb = j["components"]["lb-1"];
        QCOMPARE(lb.dump(), std::string(R"({"kind":"load_balancer","utilization":0.123457,)"
                                        R"("served":700,"failed":5,"down_s":1.0,"queue":0.5})"));
        QCOMPARE(j["incidents"].size(), std::size_t(2));
        QCOMPARE(j["incidents"][0]["dns_updated_s"].get<double>(), 2.25);
        QVERIFY(j["incidents"][1]["detected_s"].is_null());
        QVERIFY(j["incidents"][1]["dns_updated_s"].is_null());
        QVERIFY(j["incidents"][1]["recovered_s"].is_null());
        QVERIFY(j["incidents"][1]["random"].get<bool>());
        QCOMPARE(j["timeseries"]["p99_ms"].dump(), std::string("[12.3457,null,0.0]"));
        QCOMPARE(j["timeseries"]["stale_share"].dump(), std::string("[0.0,0.25,0.333333]"));
        QCOMPARE(j["timeseries"]["failed_by_cause"]["lb_down"].dump(), std::string("[0,8,0]"));
        QCOMPARE(j["engine"]["events_per_s"].get<std::uint64_t>(), std::uint64_t(246912));
        QCOMPARE(j["engine"]["threads"].get<int>(), 2);

        // Nothing outside `engine` depends on how the run was executed.
        sim::SimulationResult other = r;
        other.threads = 1;
        other.wallSeconds = 7;
        nlohmann::ordered_json a = j;
        nlohmann::ordered_json b = simulationResultJson(other, model);
        QVERIFY(a["engine"] != b["engine"]);
        a.erase("engine");
        b.erase("engine");
        QCOMPARE(a.dump(2), b.dump(2));
    }

    void resultWithoutRequests()
    {
        sim::SimulationResult r;
        r.replications = 1;
        const nlohmann::ordered_json j = simulationResultJson(r, sim::ModelSpec{});
        QVERIFY(j["availability"].is_null());
        QVERIFY(j["latency_ms"]["p99"].is_null());
        const std::string text = simulationSummaryText(r, sim::ModelSpec{});
        QVERIFY(text.find("no request was sent") != std::string::npos);
        QVERIFY(text.find("no request succeeded") != std::string::npos);
    }

    void summaryText()
    {
        sim::ModelSpec model;
        model.name = "Hand made";
        const std::string text = simulationSummaryText(handMadeResult(), model);
        QVERIFY2(text.rfind("Hand made: 2 replications of 3 s after a 1 s warm-up, seed 42\n", 0)
                     == 0,
                 text.c_str());
        for (const char *line : {"  offered                        1,000\n",
                                 "  failed                             8   0.80%\n",
                                 "  availability               99.0000 %   95% interval 97.0000 "
                                 "to 100.0000 %\n",
                                 "  lb_down                            5   62.50% of failures\n",
                                 "  timeout                            3   37.50% of failures\n",
                                 "  * random failure (MTBF/MTTR)\n"})
            QVERIFY2(text.find(line) != std::string::npos, line);
        // Only causes that happened are listed.
        QVERIFY(text.find("dns_stale") == std::string::npos);
        // Incident times are given after the failure; one that never happened is "-".
        QVERIFY2(text.find("  0          1.0  lb-1              crash           +0.5 s       "
                           "+1.2 s      +1.5 s          8            0\n")
                     != std::string::npos,
                 text.c_str());
        QVERIFY2(text.find("  1          1.0  lb-1              crash*               -            "
                           "-           -          8            0\n")
                     != std::string::npos,
                 text.c_str());
        QVERIFY(text.find("lb-1              load_balancer      12.3%") != std::string::npos);
    }

    void csvRows()
    {
        const std::string csv = simulationCsv(handMadeResult());
        QCOMPARE(csv, std::string("t_s,ok,failed,p50_ms,p90_ms,p99_ms,stale_share,replication_lag_s,"
                                  "dns_stale,lb_down,no_backend,timeout,db_unavailable,overload,"
                                  "server_crash,storage_down\n"
                                  "0.0,330,0,4.25,8.5,12.3457,0.0,0.1,0,0,0,0,0,0,0,0\n"
                                  "1.0,320,8,,,,0.25,0.1,0,8,0,0,0,0,0,0\n"
                                  "2.0,340,0,0.0,0.0,0.0,0.333333,0.1,0,0,0,0,0,0,0,0\n"));
    }

    void bucketKeepsTheSeriesShort()
    {
        QFETCH(double, durationS);
        QFETCH(qint64, bucketS);
        SimOverrides overrides;
        overrides.durationS = durationS;
        const sim::ModelSpec m = buildSimModel(parseTopology(defaultsOnly), overrides);
        QCOMPARE(m.bucket, SimTime(bucketS) * second);
        QVERIFY(m.duration / m.bucket <= 3600);
    }
};

QTEST_APPLESS_MAIN(TestSimBuilder)
#include "tst_simbuilder.moc"
