#include "simmodelbuilder.h"

#include "../model/schemas.h"
#include "../model/topologyindex.h"

#include <algorithm>
#include <unordered_map>

namespace topolab::core {

namespace {

using K = ComponentKind;

// The file's kind as the simulator names it.
sim::SimKind simKind(ComponentKind kind)
{
    switch (kind) {
    case K::Dns:
        return sim::SimKind::Dns;
    case K::LoadBalancer:
        return sim::SimKind::LoadBalancer;
    case K::AppServer:
        return sim::SimKind::AppServer;
    case K::ObjectStorage:
        return sim::SimKind::ObjectStorage;
    case K::Database:
        return sim::SimKind::Database;
    case K::Volume:
        return sim::SimKind::Volume;
    case K::Backup:
        return sim::SimKind::Backup;
    case K::Vpn:
        return sim::SimKind::Vpn;
    case K::SharedStorage:
        return sim::SimKind::SharedStorage;
    }
    return sim::SimKind::AppServer;
}

// The `mode` word of a scheduled or random failure.
sim::FailureMode failureMode(const std::string &mode)
{
    if (mode == "blackhole")
        return sim::FailureMode::Blackhole;
    if (mode == "degrade")
        return sim::FailureMode::Degrade;
    return sim::FailureMode::Crash;
}

// A parameter in seconds (`_s`) as SimTime.
sim::SimTime seconds(const ParamSet &p, std::string_view key)
{
    return sim::fromSeconds(p.number(key));
}

// A parameter in milliseconds (`_ms`) as SimTime.
sim::SimTime millis(const ParamSet &p, std::string_view key)
{
    return sim::fromMilliseconds(p.number(key));
}

// An integer parameter; the schemas' ranges keep it within int.
int integer(const ParamSet &p, std::string_view key)
{
    return static_cast<int>(p.integer(key));
}

// service_ms {dist, mean, cv}: the Distribution wants its mean in nanoseconds.
sim::Distribution serviceDistribution(const ParamSet &p)
{
    const double meanNs = p.number("service_ms.mean") * 1e6;
    const std::string &dist = p.text("service_ms.dist");
    if (dist == "deterministic")
        return sim::Distribution::deterministic(meanNs);
    if (dist == "lognormal")
        return sim::Distribution::lognormal(meanNs, p.number("service_ms.cv"));
    return sim::Distribution::exponential(meanNs);
}

// The DNS provider's parameters (its load balancers come from the links).
void fillDns(sim::DnsSpec &dns, const ParamSet &p)
{
    const std::string &policy = p.text("policy");
    dns.policy = policy == "active_standby" ? sim::DnsPolicy::ActiveStandby
                 : policy == "geo"          ? sim::DnsPolicy::Geo
                                            : sim::DnsPolicy::RoundRobin;
    dns.ttl = sim::fromSeconds(static_cast<double>(p.integer("ttl_s")));
    dns.propagation = seconds(p, "propagation_s");
    dns.lookup = millis(p, "lookup_ms");
    dns.healthCheck = p.groupEnabled("health_check");
    dns.checkInterval = seconds(p, "health_check.interval_s");
    dns.checkFall = integer(p, "health_check.fall");
}

// HAProxy's parameters (its servers come from the links).
void fillLoadBalancer(sim::LoadBalancerSpec &lb, const ParamSet &p)
{
    const std::string &algorithm = p.text("algorithm");
    lb.algorithm = algorithm == "leastconn" ? sim::BalanceAlgorithm::LeastConn
                   : algorithm == "random"  ? sim::BalanceAlgorithm::Random
                                            : sim::BalanceAlgorithm::RoundRobin;
    lb.checkInter = millis(p, "health_check.inter_ms");
    lb.checkFall = integer(p, "health_check.fall");
    lb.checkRise = integer(p, "health_check.rise");
    lb.retries = integer(p, "retries");
    lb.redispatch = p.boolean("redispatch");
    lb.overhead = millis(p, "overhead_ms");
    lb.connectTimeout = millis(p, "connect_timeout_ms");
    lb.serverTimeout = millis(p, "server_timeout_ms");
    lb.maxconn = integer(p, "maxconn");
}

// An app server's parameters (its database and storage come from the links).
void fillAppServer(sim::AppServerSpec &app, const ParamSet &p)
{
    app.workers = integer(p, "workers");
    app.service = serviceDistribution(p);
    app.queueLimit = integer(p, "queue_limit");
    app.dbQueries = p.number("db_queries");
    // Without the group the server is one fixed instance; the members then keep their
    // defaults in the spec but are not used.
    sim::AutoscaleSpec &scale = app.autoscale;
    scale.enabled = p.groupEnabled("autoscale");
    if (scale.enabled) {
        scale.maxInstances = integer(p, "autoscale.max_instances");
        scale.bootTime = seconds(p, "autoscale.boot_s");
        scale.checkInterval = seconds(p, "autoscale.check_s");
        scale.scaleOutUtilization = p.number("autoscale.scale_out_utilization");
        scale.scaleInUtilization = p.number("autoscale.scale_in_utilization");
    }
}

// A database's parameters (upstream, volume and vpn come from the links).
void fillDatabase(sim::DatabaseSpec &db, const ParamSet &p)
{
    db.primary = p.text("role") == "primary";
    db.syncReplication = p.text("replication") == "sync";
    db.query = sim::Distribution::exponential(p.number("query_ms") * 1e6);
    db.cpus = integer(p, "cpus");
    db.replicationLag = millis(p, "replication_lag_ms");
    db.servesReads = p.boolean("serves_reads");
    db.promote = seconds(p, "promote_s");
    db.detect = seconds(p, "detect_s");
    db.recreate = seconds(p, "recreate_s");
    db.commitAck = millis(p, "commit_ack_ms");
}

// One component with the parameters of its kind and its region's index.
sim::ComponentSpec componentSpec(const Component &c, const std::vector<std::string> &regions)
{
    sim::ComponentSpec spec;
    spec.id = c.id;
    spec.kind = simKind(c.kind);
    for (std::size_t r = 0; r < regions.size(); ++r) {
        if (regions[r] == c.region)
            spec.region = static_cast<std::uint32_t>(r);
    }
    const ParamSet &p = c.params;
    switch (c.kind) {
    case K::Dns:
        fillDns(spec.dns, p);
        break;
    case K::LoadBalancer:
        fillLoadBalancer(spec.loadBalancer, p);
        break;
    case K::AppServer:
        fillAppServer(spec.appServer, p);
        break;
    case K::ObjectStorage:
        spec.objectStorage.latency = millis(p, "latency_ms");
        break;
    case K::Database:
        fillDatabase(spec.database, p);
        break;
    case K::Volume:
        spec.volume.sizeGb = p.number("size_gb");
        spec.volume.attach = seconds(p, "attach_s");
        break;
    case K::Backup:
        spec.backup.interval = sim::fromSeconds(p.number("interval_h") * 3600.0);
        spec.backup.restoreMbPerS = p.number("restore_mb_s");
        break;
    case K::Vpn:
        spec.vpn.latency = millis(p, "latency_ms");
        spec.vpn.pingInterval = seconds(p, "ping_interval_s");
        spec.vpn.pingTimeout = seconds(p, "ping_timeout_s");
        break;
    case K::SharedStorage:
        break;
    }
    return spec;
}

// Keeps the first link of a kind: "the database of an app server" is its first one.
void setOnce(std::uint32_t &slot, std::uint32_t value)
{
    if (slot == sim::noIndex)
        slot = value;
}

// Resolves every link to the index fields it stands for, in link order, so "first" and the
// order of lists follow the file.
void resolveLinks(const Topology &t, sim::ModelSpec &model)
{
    const TopologyIndex index(t);
    std::unordered_map<std::string_view, std::uint32_t> position;
    for (std::size_t i = 0; i < t.components.size(); ++i)
        position.emplace(t.components[i].id, static_cast<std::uint32_t>(i));
    for (std::size_t i = 0; i < t.links.size(); ++i) {
        const Component *from = index.component(t.links[i].from);
        const Component *to = index.component(t.links[i].to);
        if (!from || !to)
            continue;
        const std::uint32_t a = position.at(from->id);
        const std::uint32_t b = position.at(to->id);
        sim::ComponentSpec &source = model.components[a];
        sim::ComponentSpec &target = model.components[b];
        const auto pair = [&](K x, K y) {
            return from->kind == x && to->kind == y;
        };
        switch (index.linkKind(i)) {
        case LinkKind::Request:
            if (pair(K::Dns, K::LoadBalancer))
                source.dns.loadBalancers.push_back(b);
            else if (pair(K::LoadBalancer, K::AppServer))
                source.loadBalancer.servers.push_back(b);
            else if (pair(K::AppServer, K::Database))
                setOnce(source.appServer.database, b);
            else if (pair(K::AppServer, K::ObjectStorage))
                setOnce(source.appServer.objectStorage, b);
            break;
        case LinkKind::Replication:
            if (index.isStandby(*to))
                setOnce(target.database.upstream, a);
            break;
        case LinkKind::Storage:
            if (pair(K::Database, K::Volume))
                setOnce(source.database.volume, b);
            else if (pair(K::Volume, K::Database))
                setOnce(target.database.volume, a);
            break;
        case LinkKind::Backup:
            if (pair(K::Backup, K::Volume))
                setOnce(target.volume.backup, a);
            break;
        case LinkKind::Tunnel:
            if (pair(K::Database, K::Vpn))
                setOnce(source.database.vpn, b);
            else if (pair(K::Vpn, K::Database))
                setOnce(target.database.vpn, a);
            break;
        }
    }
}

} // namespace

sim::RateProfile rateProfileOf(const ParamSet &p)
{
    using Shape = sim::RateProfile::Shape;
    sim::RateProfile profile;
    if (!p.groupEnabled("profile"))
        return profile;
    const std::string &shape = p.text("profile.shape");
    profile.shape = shape == "steps"   ? Shape::Steps
                    : shape == "daily" ? Shape::Daily
                    : shape == "spike" ? Shape::Spike
                                       : Shape::Constant;
    profile.factor = p.number("profile.factor");
    profile.at = seconds(p, "profile.at_s");
    profile.every = seconds(p, "profile.every_s");
    profile.count = static_cast<int>(p.integer("profile.count"));
    profile.length = seconds(p, "profile.for_s");
    profile.troughFactor = p.number("profile.trough_factor");
    profile.peakHours = p.number("profile.peak_h");
    return profile;
}

namespace {

// One client group; `dns` is the name it resolves (the file's first dns).
sim::ClientGroupSpec clientGroupSpec(const ClientGroup &g, const sim::ModelSpec &model,
                                     std::uint32_t dns)
{
    sim::ClientGroupSpec spec;
    const ParamSet &p = g.params;
    spec.id = g.id;
    for (std::size_t r = 0; r < model.regions.size(); ++r) {
        if (model.regions[r] == g.region)
            spec.region = static_cast<std::uint32_t>(r);
    }
    spec.clients = p.integer("clients");
    spec.resolvers = p.integer("resolvers");
    spec.rateRps = p.number("rate_rps");
    spec.profile = rateProfileOf(p);
    spec.latency = millis(p, "latency_ms");
    spec.remoteLatency = millis(p, "remote_latency_ms");
    spec.retryNextAddress = p.boolean("retry_next_address");
    spec.connectTimeout = seconds(p, "connect_timeout_s");
    spec.appCache = seconds(p, "app_cache_s");
    spec.ttlViolatingShare = p.number("ttl_violating_share");
    spec.ttlViolation = seconds(p, "ttl_violation_s");
    spec.staticFraction = p.number("static_fraction");
    spec.writeFraction = p.number("write_fraction");
    spec.requestTimeout = seconds(p, "request_timeout_s");
    spec.dns = dns;
    return spec;
}

// A scheduled failure with the components it takes down: one, or a whole region's.
sim::FailureSpec failureSpec(const ScheduledFailure &f, const Topology &t,
                             const sim::ModelSpec &model)
{
    sim::FailureSpec spec;
    const ParamSet &p = f.params;
    spec.at = seconds(p, "at_s");
    spec.duration = seconds(p, "for_s");
    spec.mode = failureMode(p.text("mode"));
    spec.slowdown = p.number("slowdown");
    spec.target = p.text("target");
    if (const std::uint32_t c = model.indexOf(spec.target); c != sim::noIndex) {
        spec.components.push_back(c);
    } else if (t.region(spec.target)) {
        for (std::size_t i = 0; i < t.components.size(); ++i) {
            if (t.components[i].region == spec.target)
                spec.components.push_back(static_cast<std::uint32_t>(i));
        }
    }
    return spec;
}

// Failure and repair rates for every component of a kind.
sim::RandomFailureSpec randomFailureSpec(const RandomFailure &f)
{
    sim::RandomFailureSpec spec;
    const ParamSet &p = f.params;
    spec.kind = simKind(parseKind(p.text("kind")).value_or(K::AppServer));
    spec.mtbfHours = p.number("mtbf_h");
    spec.mttrMinutes = p.number("mttr_min");
    spec.mode = failureMode(p.text("mode"));
    return spec;
}

// The time-series resolution: one second up to an hour, beyond that at most 3600 buckets.
sim::SimTime bucketFor(sim::SimTime duration)
{
    constexpr sim::SimTime hour = 3600 * sim::second;
    const sim::SimTime perHour = duration / hour + (duration % hour != 0 ? 1 : 0);
    return std::max<sim::SimTime>(perHour, 1) * sim::second;
}

} // namespace

sim::ModelSpec buildSimModel(const Topology &topology, const SimOverrides &overrides)
{
    sim::ModelSpec model;
    model.name = topology.name;
    for (const Region &r : topology.regions)
        model.regions.push_back(r.id);
    for (const Component &c : topology.components)
        model.components.push_back(componentSpec(c, model.regions));
    resolveLinks(topology, model);

    std::uint32_t dns = sim::noIndex;
    for (std::size_t i = 0; i < topology.components.size() && dns == sim::noIndex; ++i) {
        if (topology.components[i].kind == K::Dns)
            dns = static_cast<std::uint32_t>(i);
    }
    for (const ClientGroup &g : topology.clientGroups)
        model.clientGroups.push_back(clientGroupSpec(g, model, dns));

    // A file without a scenario section simulates with the section's defaults.
    const ParamSet defaults(scenarioSchema());
    const ParamSet &scenario = topology.scenario ? topology.scenario->params : defaults;
    model.duration = sim::fromSeconds(overrides.durationS.value_or(scenario.number("duration_s")));
    model.warmup = seconds(scenario, "warmup_s");
    model.seed = overrides.seed.value_or(static_cast<std::uint64_t>(scenario.integer("seed")));
    model.replications = overrides.replications.value_or(integer(scenario, "replications"));
    model.bucket = bucketFor(model.duration);
    if (topology.scenario) {
        for (const ScheduledFailure &f : topology.scenario->failures)
            model.failures.push_back(failureSpec(f, topology, model));
        for (const RandomFailure &f : topology.scenario->randomFailures)
            model.randomFailures.push_back(randomFailureSpec(f));
    }
    return model;
}

} // namespace topolab::core
