#include "databasemodel.h"

#include "appservermodel.h"
#include "eventtypes.h"
#include "replicasetmodel.h"
#include "world.h"

#include <algorithm>

namespace topolab::sim {

DatabaseModel::DatabaseModel(World &world, std::uint32_t index)
    : ComponentModel(world, index)
    , mDb(spec().database)
    , mService(world.stream(spec().id, "service"))
    , mPrimary(mDb.primary)
{
}

bool DatabaseModel::query(std::uint32_t request, bool commit, std::uint32_t appServer)
{
    if (!serving())
        return false;
    const Query q{request, appServer, commit};
    if (static_cast<int>(mInService.size()) < mDb.cpus) {
        startQuery(q);
    } else {
        mQueue.push_back(q);
        mWaiting.set(mWorld.kernel.now(), static_cast<double>(mQueue.size()));
    }
    return true;
}

void DatabaseModel::startQuery(const Query &q)
{
    const SimTime now = mWorld.kernel.now();
    mWorld.requests[q.request].dbSlot = static_cast<std::uint32_t>(mInService.size());
    mInService.push_back(q);
    mBusy.set(now, static_cast<double>(mInService.size()));
    double t = mDb.query.sample(mService) * slowdown();
    if (q.commit)
        t += static_cast<double>(mWorld.replicaSetOf(index()).commitWait(index()));
    // The request's slot field belongs to its app server; the query is found by request id.
    mWorld.requests.schedule(mWorld.kernel, q.request, now + static_cast<SimTime>(t + 0.5),
                             handlerId(), QueryDone);
}

void DatabaseModel::handleEvent(const Event &event)
{
    const SimTime now = event.time;
    // Free the cpu first: the query ran even if its request died meanwhile (its app server
    // crashed), and only then ask whether anyone still waits for the answer.
    // The slot is only trusted if it still holds this request: a crash may have emptied the
    // list since the query started.
    const std::uint32_t slot = mWorld.requests[event.arg].dbSlot;
    const bool held = slot < mInService.size() && mInService[slot].request == event.arg;
    Query done{};
    if (held) {
        done = mInService[slot];
        mInService[slot] = mInService.back();
        mWorld.requests[mInService[slot].request].dbSlot = slot;
        mInService.pop_back();
        if (done.commit) {
            mCommitTimes.push_back(now);
            ++mCommitsTotal;
            if (now >= mWorld.warmupEnd && now <= mWorld.runEnd)
                ++mCommitsMeasured;
            mWorld.replicaSetOf(index()).committed(index(), now);
        }
        countServed();
        if (!mQueue.empty()) {
            const Query next = mQueue.front();
            mQueue.pop_front();
            mWaiting.set(now, static_cast<double>(mQueue.size()));
            startQuery(next);
        } else {
            mBusy.set(now, static_cast<double>(mInService.size()));
        }
    }
    if (mWorld.requests.receive(event) && held)
        mWorld.appServer(done.appServer).queryDone(done.request, true);
}

std::uint64_t DatabaseModel::commitsAfter(SimTime since) const
{
    const auto it = std::upper_bound(mCommitTimes.begin(), mCommitTimes.end(), since);
    return static_cast<std::uint64_t>(mCommitTimes.end() - it);
}

void DatabaseModel::forgetCommitsBefore(SimTime until)
{
    while (!mCommitTimes.empty() && mCommitTimes.front() < until)
        mCommitTimes.pop_front();
}

void DatabaseModel::failHeld()
{
    const SimTime now = mWorld.kernel.now();
    std::vector<Query> held = std::move(mInService);
    mInService.clear();
    held.insert(held.end(), mQueue.begin(), mQueue.end());
    mQueue.clear();
    mBusy.set(now, 0);
    mWaiting.set(now, 0);
    for (const Query &q : held) {
        mWorld.requests.invalidate(q.request);
        countFailed();
        // The app server's worker is still waiting on this query: it learns of the failure.
        mWorld.appServer(q.appServer).queryDone(q.request, false);
    }
}

void DatabaseModel::onFailed(FailureMode mode)
{
    if (mode == FailureMode::Degrade)
        return;
    failHeld();
    mWorld.replicaSetOf(index()).memberFailed(index());
}

void DatabaseModel::onRepaired()
{
    mWorld.replicaSetOf(index()).memberRepaired(index());
}

void DatabaseModel::restartStatistics(SimTime now)
{
    ComponentModel::restartStatistics(now);
    mBusy.restart(now);
    mWaiting.restart(now);
}

ComponentModel::LoadMark DatabaseModel::loadMark(SimTime now) const
{
    LoadMark mark = ComponentModel::loadMark(now);
    mark.busy = mBusy.integral(now);
    mark.capacity = static_cast<double>(std::max(1, mDb.cpus))
                    * static_cast<double>(std::max<SimTime>(now - mBusy.start(), 0));
    return mark;
}

ComponentResult DatabaseModel::result(SimTime now) const
{
    ComponentResult r = ComponentModel::result(now);
    r.utilization = mBusy.average(now) / static_cast<double>(std::max(1, mDb.cpus));
    r.meanQueue = mWaiting.average(now);
    return r;
}

} // namespace topolab::sim
