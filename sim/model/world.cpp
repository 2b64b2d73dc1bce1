#include "world.h"

#include "appservermodel.h"
#include "clientgroupmodel.h"
#include "databasemodel.h"
#include "dnsmodel.h"
#include "failureinjector.h"
#include "loadbalancermodel.h"
#include "objectstoragemodel.h"
#include "replicasetmodel.h"
#include "sim/random/streamseed.h"
#include "storagemodels.h"
#include "vpnmodel.h"

#include <algorithm>

namespace topolab::sim {

namespace {

std::unique_ptr<ComponentModel> makeModel(World &world, std::uint32_t i, SimKind kind)
{
    switch (kind) {
    case SimKind::Dns:
        return std::make_unique<DnsModel>(world, i);
    case SimKind::LoadBalancer:
        return std::make_unique<LoadBalancerModel>(world, i);
    case SimKind::AppServer:
        return std::make_unique<AppServerModel>(world, i);
    case SimKind::ObjectStorage:
        return std::make_unique<ObjectStorageModel>(world, i);
    case SimKind::Database:
        return std::make_unique<DatabaseModel>(world, i);
    case SimKind::Volume:
        return std::make_unique<VolumeModel>(world, i);
    case SimKind::Backup:
        return std::make_unique<BackupModel>(world, i);
    case SimKind::Vpn:
        return std::make_unique<VpnModel>(world, i);
    case SimKind::SharedStorage:
        break;
    }
    return std::make_unique<PassiveModel>(world, i);
}

// The primary a database ultimately follows (standbys may cascade).
std::uint32_t rootPrimary(const ModelSpec &spec, std::uint32_t db)
{
    for (std::size_t hops = 0; hops < spec.components.size(); ++hops) {
        const DatabaseSpec &d = spec.components[db].database;
        if (d.primary || d.upstream == noIndex)
            return db;
        db = d.upstream;
    }
    return db;
}

} // namespace

World::World(const ModelSpec &model, int replicationIndex, SimObserver *observerPtr,
             std::unique_ptr<FutureEventSet> events)
    : spec(model)
    , replication(replicationIndex)
    , observer(observerPtr)
    , warmupEnd(model.warmup)
    , runEnd(model.warmup + model.duration)
    , kernel(std::move(events))
    , incidents(model.components.size(), model.warmup)
    , stats(*this)
{
    const auto n = static_cast<std::uint32_t>(spec.components.size());
    mComponents.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i)
        mComponents.push_back(makeModel(*this, i, spec.components[i].kind));

    mReplicaSetOf.assign(n, noIndex);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (spec.components[i].kind != SimKind::Database || rootPrimary(spec, i) != i)
            continue;
        std::vector<std::uint32_t> standbys;
        for (std::uint32_t j = 0; j < n; ++j)
            if (j != i && spec.components[j].kind == SimKind::Database && rootPrimary(spec, j) == i)
                standbys.push_back(j);
        mReplicaSetOf[i] = static_cast<std::uint32_t>(mReplicaSets.size());
        for (std::uint32_t s : standbys)
            mReplicaSetOf[s] = mReplicaSetOf[i];
        mReplicaSets.push_back(std::make_unique<ReplicaSetModel>(*this, i, std::move(standbys)));
    }

    mMultiPrimaryVpn.assign(n, false);
    std::vector<int> primariesOnVpn(n, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        const ComponentSpec &c = spec.components[i];
        if (c.kind == SimKind::Database && c.database.primary && c.database.vpn != noIndex)
            if (++primariesOnVpn[c.database.vpn] >= 2)
                mMultiPrimaryVpn[c.database.vpn] = true;
        if (c.kind == SimKind::Database && c.database.volume != noIndex) {
            static_cast<VolumeModel &>(*mComponents[c.database.volume]).setDatabase(i);
            const std::uint32_t backup = spec.components[c.database.volume].volume.backup;
            if (backup != noIndex)
                static_cast<BackupModel &>(*mComponents[backup]).addDatabase(i);
        }
    }

    for (std::uint32_t g = 0; g < spec.clientGroups.size(); ++g)
        mGroups.push_back(std::make_unique<ClientGroupModel>(*this, g));
    mFailures = std::make_unique<FailureInjector>(*this);
}

World::~World() = default;

bool World::run()
{
    stats.start();
    for (std::uint32_t i = 0; i < mComponents.size(); ++i) {
        switch (spec.components[i].kind) {
        case SimKind::Dns:
            dns(i).start();
            break;
        case SimKind::LoadBalancer:
            loadBalancer(i).start();
            break;
        case SimKind::AppServer:
            appServer(i).start();
            break;
        case SimKind::Backup:
            static_cast<BackupModel &>(*mComponents[i]).start();
            break;
        default:
            break;
        }
    }
    for (auto &group : mGroups)
        group->start();
    mFailures->start();
    if (!kernel.runUntil(runEnd, observer))
        return false;
    for (const auto &c : mComponents)
        mEndOfRun.push_back(c->result(runEnd));
    // Let the requests sent before the end finish, so that their outcome counts and availability
    // is not biased by the last second's requests still on their way. No new request starts.
    SimTime limit = 60 * second;
    for (const ClientGroupSpec &g : spec.clientGroups)
        limit = std::max(limit, g.requestTimeout);
    while (requests.live() > 0 && kernel.now() < runEnd + limit)
        kernel.runUntil(std::min(runEnd + limit, kernel.now() + second));
    for (auto &group : mGroups)
        group->finish();
    // Time averages stop at the end of the period; the counts include the drained requests.
    for (std::size_t i = 0; i < mComponents.size(); ++i) {
        const ComponentResult now = mComponents[i]->result(kernel.now());
        mEndOfRun[i].served = now.served;
        mEndOfRun[i].failed = now.failed;
    }
    return true;
}

ReplicationResult World::result(double wallSeconds) const
{
    const SimTime now = kernel.now();
    ReplicationResult r;
    r.requests = stats.counts();
    r.latency = stats.latency();
    r.components = mEndOfRun;
    if (r.components.empty()) // stopped early: statistics up to where it got
        for (const auto &c : mComponents)
            r.components.push_back(c->result(now));
    for (std::uint32_t i = 0; i < mComponents.size(); ++i) {
        const ComponentSpec &c = spec.components[i];
        if (c.kind == SimKind::Database)
            r.data.writesCommitted
                += static_cast<const DatabaseModel &>(*mComponents[i]).commitsMeasured();
        if (c.kind == SimKind::Vpn)
            r.data.writesDiverged
                += static_cast<const VpnModel &>(*mComponents[i]).writesDiverged();
    }
    for (const auto &set : mReplicaSets) {
        r.data.writesLost += set->writesLost();
        r.data.maxReplicationLagSeconds = std::max(
            {r.data.maxReplicationLagSeconds, set->maxLagSeconds(), set->lagSeconds(now)});
    }
    r.incidents = incidents.incidents(replication);
    r.series = stats.series();
    r.bucketLatency = stats.bucketLatency();
    // The per-second samples see the steady lag of connected standbys too.
    for (double lag : r.series.replicationLagS)
        r.data.maxReplicationLagSeconds = std::max(r.data.maxReplicationLagSeconds, lag);
    r.events = kernel.eventsProcessed();
    r.wallSeconds = wallSeconds;
    return r;
}

RandomStream World::stream(std::string_view id, std::string_view purpose) const
{
    return RandomStream(
        streamSeed(spec.seed, static_cast<std::uint64_t>(replication), id, purpose));
}

void World::reportState(std::uint32_t component, ComponentState state)
{
    if (observer) {
        StateChange change;
        change.time = kernel.now();
        change.component = component;
        change.state = state;
        observer->onStateChange(change);
    }
}

void World::restartStatistics()
{
    for (auto &c : mComponents)
        c->restartStatistics(kernel.now());
}

double World::currentReplicationLagSeconds() const
{
    double worst = 0;
    for (const auto &set : mReplicaSets)
        worst = std::max(worst, set->lagSeconds(kernel.now()));
    return worst;
}

bool World::regionSick(std::uint32_t region) const
{
    return sickPrimary(region) != noIndex;
}

std::uint32_t World::sickPrimary(std::uint32_t region) const
{
    if (region == noIndex)
        return noIndex;
    for (const auto &set : mReplicaSets)
        if (spec.components[set->primary()].region == region && !set->available())
            return set->primary();
    return noIndex;
}

void World::tunnelChanged()
{
    for (auto &set : mReplicaSets)
        set->tunnelChanged();
}

void World::noteCommit(std::uint32_t database)
{
    const std::uint32_t v = spec.components[database].database.vpn;
    if (v != noIndex && mMultiPrimaryVpn[v]) {
        auto &vpnModel = static_cast<VpnModel &>(*mComponents[v]);
        if (!vpnModel.tunnelUp() && kernel.now() >= warmupEnd)
            vpnModel.countDiverged();
    }
}

LoadBalancerModel &World::loadBalancer(std::uint32_t i)
{
    return static_cast<LoadBalancerModel &>(*mComponents[i]);
}

AppServerModel &World::appServer(std::uint32_t i)
{
    return static_cast<AppServerModel &>(*mComponents[i]);
}

DatabaseModel &World::database(std::uint32_t i)
{
    return static_cast<DatabaseModel &>(*mComponents[i]);
}

DnsModel &World::dns(std::uint32_t i)
{
    return static_cast<DnsModel &>(*mComponents[i]);
}

ObjectStorageModel &World::objectStorage(std::uint32_t i)
{
    return static_cast<ObjectStorageModel &>(*mComponents[i]);
}

VpnModel *World::vpn(std::uint32_t i)
{
    if (i == noIndex || spec.components[i].kind != SimKind::Vpn)
        return nullptr;
    return static_cast<VpnModel *>(mComponents[i].get());
}

ReplicaSetModel &World::replicaSetOf(std::uint32_t database)
{
    return *mReplicaSets[mReplicaSetOf[database]];
}

} // namespace topolab::sim
