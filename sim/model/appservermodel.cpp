#include "appservermodel.h"

#include "databasemodel.h"
#include "eventtypes.h"
#include "loadbalancermodel.h"
#include "replicasetmodel.h"
#include "world.h"

#include <cmath>

namespace topolab::sim {

namespace {

enum AppTimer : std::uint16_t { AutoscaleCheck = 1, BootDone = 2 };

} // namespace

AppServerModel::AppServerModel(World &world, std::uint32_t index)
    : ComponentModel(world, index)
    , mApp(spec().appServer)
    , mService(world.stream(spec().id, "service"))
    , mQueries(world.stream(spec().id, "queries"))
{
    mCapacity.set(0, capacity());
    mInService.reserve(static_cast<std::size_t>(mApp.workers));
}

void AppServerModel::start()
{
    if (mApp.autoscale.enabled && mApp.autoscale.checkInterval > 0)
        mWorld.kernel.schedule(mApp.autoscale.checkInterval, handlerId(), 0,
                               internalTag(AutoscaleCheck));
}

AppServerModel::Accept AppServerModel::accept(std::uint32_t id)
{
    if (refusing())
        return Accept::Refused;
    if (silent())
        return Accept::Silent;
    Request &r = mWorld.requests[id];
    r.serverStart = mWorld.kernel.now();
    if (static_cast<int>(mInService.size()) < capacity()) {
        startService(id);
        return Accept::Accepted;
    }
    if (static_cast<int>(mQueue.size()) < mApp.queueLimit) {
        mQueue.push_back(id);
        mWaiting.set(mWorld.kernel.now(), static_cast<double>(mQueue.size()));
        return Accept::Accepted;
    }
    return Accept::Full;
}

void AppServerModel::startService(std::uint32_t id)
{
    const SimTime now = mWorld.kernel.now();
    Request &r = mWorld.requests[id];
    r.slot = static_cast<std::uint32_t>(mInService.size());
    mInService.push_back(id);
    mBusy.set(now, static_cast<double>(mInService.size()));
    const double queries = mApp.database == noIndex ? 0.0 : mApp.dbQueries;
    const double whole = std::floor(queries);
    r.queriesLeft = static_cast<std::uint8_t>(
        std::min(255.0, whole + (mQueries.bernoulli(queries - whole) ? 1.0 : 0.0)));
    const double s = mApp.service.sample(mService) * slowdown();
    mWorld.requests.schedule(mWorld.kernel, id, now + static_cast<SimTime>(s + 0.5), handlerId(),
                             ServiceDone);
}

void AppServerModel::handleEvent(const Event &event)
{
    const std::uint8_t type = RequestPool::eventType(event);
    if (type == Internal) {
        if ((event.tag() & 0x0FFF) == BootDone) {
            --mBooting;
            ++mInstances;
            mCapacity.set(event.time, capacity());
            startQueued();
        } else {
            autoscale();
        }
        return;
    }
    if (mWorld.requests.receive(event))
        nextQuery(event.arg);
}

void AppServerModel::nextQuery(std::uint32_t id)
{
    Request &r = mWorld.requests[id];
    if (r.queriesLeft == 0) {
        finish(id, true, FailureCause::DbUnavailable);
        return;
    }
    --r.queriesLeft;
    // A writing request commits with its last query, on the primary.
    const bool commit = r.write && r.queriesLeft == 0;
    ReplicaSetModel &set = mWorld.replicaSetOf(mApp.database);
    const std::uint32_t db = commit ? set.primary() : set.readTarget(mQueries);
    if (db == noIndex || !mWorld.database(db).query(id, commit, index()))
        finish(id, false, FailureCause::DbUnavailable);
}

void AppServerModel::queryDone(std::uint32_t id, bool ok)
{
    // A region failure can take this server down before its database: the requests it dropped
    // then still have queries in the database, whose answers nobody waits for.
    const std::uint32_t slot = mWorld.requests[id].slot;
    if (slot >= mInService.size() || mInService[slot] != id)
        return;
    if (!ok) {
        finish(id, false, FailureCause::DbUnavailable);
        return;
    }
    nextQuery(id);
}

void AppServerModel::finish(std::uint32_t id, bool ok, FailureCause cause)
{
    const SimTime now = mWorld.kernel.now();
    const Request &r = mWorld.requests[id];
    const std::uint32_t slot = r.slot;
    const std::uint32_t moved = mInService.back();
    mInService[slot] = moved;
    mWorld.requests[moved].slot = slot;
    mInService.pop_back();
    mBusy.set(now, static_cast<double>(mInService.size()));
    if (ok)
        countServed();
    else
        countFailed();
    mWorld.loadBalancer(r.lb).serverDone(id, ok, cause);
    startQueued();
}

void AppServerModel::startQueued()
{
    bool changed = false;
    while (!mQueue.empty() && static_cast<int>(mInService.size()) < capacity()) {
        const std::uint32_t id = mQueue.front();
        mQueue.pop_front();
        changed = true;
        startService(id);
    }
    if (changed)
        mWaiting.set(mWorld.kernel.now(), static_cast<double>(mQueue.size()));
}

void AppServerModel::onFailed(FailureMode mode)
{
    if (mode == FailureMode::Degrade)
        return;
    const SimTime now = mWorld.kernel.now();
    std::vector<std::uint32_t> held = std::move(mInService);
    mInService.clear();
    held.insert(held.end(), mQueue.begin(), mQueue.end());
    mQueue.clear();
    mBusy.set(now, 0);
    mWaiting.set(now, 0);
    for (std::uint32_t id : held) {
        mWorld.requests.invalidate(id);
        // Queries of these requests still in a database come back stale and are dropped.
        if (mode == FailureMode::Crash) {
            countFailed();
            mWorld.loadBalancer(mWorld.requests[id].lb)
                .serverDone(id, false, FailureCause::ServerCrash);
        } else {
            mWorld.loadBalancer(mWorld.requests[id].lb).serverWentSilent(id);
        }
    }
}

void AppServerModel::autoscale()
{
    const SimTime now = mWorld.kernel.now();
    const AutoscaleSpec &a = mApp.autoscale;
    const double busy = mBusy.integral(now) - mLastBusyIntegral;
    const double cap = mCapacity.integral(now) - mLastCapacityIntegral;
    mLastBusyIntegral = mBusy.integral(now);
    mLastCapacityIntegral = mCapacity.integral(now);
    const double utilization = cap > 0 ? busy / cap : 0.0;
    if (serving()) {
        if (utilization > a.scaleOutUtilization && mInstances + mBooting < a.maxInstances) {
            ++mBooting;
            mWorld.kernel.schedule(now + a.bootTime, handlerId(), 0, internalTag(BootDone));
        } else if (utilization < a.scaleInUtilization && mInstances > 1 && mBooting == 0) {
            // Draining: the instance takes no new work; what it runs finishes normally.
            --mInstances;
            mCapacity.set(now, capacity());
        }
    }
    mWorld.kernel.schedule(now + a.checkInterval, handlerId(), 0, internalTag(AutoscaleCheck));
}

void AppServerModel::restartStatistics(SimTime now)
{
    ComponentModel::restartStatistics(now);
    mBusy.restart(now);
    mWaiting.restart(now);
    mCapacity.restart(now);
    mLastBusyIntegral = 0;
    mLastCapacityIntegral = 0;
}

ComponentModel::LoadMark AppServerModel::loadMark(SimTime now) const
{
    LoadMark mark = ComponentModel::loadMark(now);
    mark.busy = mBusy.integral(now);
    mark.capacity = mCapacity.integral(now);
    return mark;
}

ComponentResult AppServerModel::result(SimTime now) const
{
    ComponentResult r = ComponentModel::result(now);
    const double cap = mCapacity.integral(now);
    r.utilization = cap > 0 ? mBusy.integral(now) / cap : 0.0;
    r.meanQueue = mWaiting.average(now);
    return r;
}

} // namespace topolab::sim
