#include "replicasetmodel.h"

#include "databasemodel.h"
#include "vpnmodel.h"
#include "world.h"

#include <algorithm>

namespace topolab::sim {

namespace {

enum Tag : std::uint16_t { Detect = 1, Promote = 2, Restore = 3 };

} // namespace

ReplicaSetModel::ReplicaSetModel(World &world, std::uint32_t primary,
                                 std::vector<std::uint32_t> standbys)
    : mWorld(world)
    , mHandler(world.kernel.addHandler(this))
    , mRandom(world.stream(world.spec.components[primary].id, "failover"))
    , mPrimary(primary)
{
    mMembers.push_back(primary);
    for (std::uint32_t s : standbys) {
        mMembers.push_back(s);
        mFollowers.push_back(Follower{s, true, 0, false});
    }
    // A backup exists from before the run started: restores have something to start from.
    mBackupTaken = true;
}

bool ReplicaSetModel::available() const
{
    return mWorld.component(mPrimary).serving();
}

std::uint32_t ReplicaSetModel::readTarget(RandomStream &random) const
{
    std::size_t readers = 1;
    for (const Follower &f : mFollowers)
        if (f.connected && mWorld.spec.components[f.database].database.servesReads
            && mWorld.component(f.database).serving())
            ++readers;
    if (readers == 1)
        return mPrimary;
    std::size_t pick = random.below(readers);
    if (pick == 0)
        return mPrimary;
    for (const Follower &f : mFollowers)
        if (f.connected && mWorld.spec.components[f.database].database.servesReads
            && mWorld.component(f.database).serving() && --pick == 0)
            return f.database;
    return mPrimary;
}

SimTime ReplicaSetModel::commitWait(std::uint32_t database) const
{
    if (database != mPrimary)
        return 0;
    for (const Follower &f : mFollowers) {
        const DatabaseSpec &s = mWorld.spec.components[f.database].database;
        if (!s.syncReplication || !f.connected || !mWorld.component(f.database).serving())
            continue;
        SimTime wait = s.commitAck;
        const auto &c = mWorld.spec.components;
        if (c[f.database].region != c[mPrimary].region) {
            if (const VpnModel *vpn
                = mWorld.vpn(s.vpn != noIndex ? s.vpn : c[mPrimary].database.vpn))
                wait += 2 * vpn->latency();
        }
        return wait;
    }
    // No synchronous standby reachable: Patroni's non-strict synchronous mode lets commits
    // proceed without one rather than block every write.
    return 0;
}

SimTime ReplicaSetModel::lag(const Follower &f, SimTime now) const
{
    const DatabaseSpec &s = mWorld.spec.components[f.database].database;
    // A connected synchronous standby has every acknowledged commit: the primary waited for it.
    const SimTime base = s.syncReplication ? 0 : s.replicationLag;
    return f.connected ? base : base + (now - f.cutAt);
}

void ReplicaSetModel::committed(std::uint32_t database, SimTime at)
{
    (void)at;
    mWorld.noteCommit(database);
    if (database == mPrimary)
        trimCommits();
}

void ReplicaSetModel::trimCommits()
{
    const SimTime now = mWorld.kernel.now();
    SimTime keepFrom = now;
    for (const Follower &f : mFollowers)
        keepFrom = std::min(keepFrom, now - lag(f, now));
    mWorld.database(mPrimary).forgetCommitsBefore(keepFrom);
}

bool ReplicaSetModel::reachable(std::uint32_t standby) const
{
    const auto &c = mWorld.spec.components;
    if (c[standby].region == c[mPrimary].region)
        return true;
    for (std::uint32_t v : {c[standby].database.vpn, c[mPrimary].database.vpn}) {
        if (const VpnModel *vpn = mWorld.vpn(v))
            return vpn->tunnelUp();
    }
    return true;
}

void ReplicaSetModel::refreshConnections()
{
    const SimTime now = mWorld.kernel.now();
    for (Follower &f : mFollowers) {
        const bool up = mWorld.component(f.database).serving() && reachable(f.database);
        if (f.connected && !up) {
            f.connected = false;
            f.cutAt = now;
            f.wasDown = !mWorld.component(f.database).serving();
        } else if (!f.connected && up) {
            // Catching up is fast next to an outage: the lag it reached is what counts. A
            // standby that was itself down rebuilds instead; its gap is not replication lag.
            if (!f.wasDown)
                mMaxLag = std::max(mMaxLag, toSeconds(lag(f, now)));
            f.connected = true;
        } else if (!f.connected && !mWorld.component(f.database).serving()) {
            f.wasDown = true;
        }
    }
}

void ReplicaSetModel::memberFailed(std::uint32_t database)
{
    const SimTime now = mWorld.kernel.now();
    if (database != mPrimary) {
        refreshConnections();
        return;
    }
    if (mPrimaryDown)
        return;
    mPrimaryDown = true;
    mFailedAt = now;
    mFailoverPending = true;
    // The lease expires `ttl` after its last renewal, which happened at a uniform point of the
    // loop (loop_wait = ttl / 3 with Patroni's defaults): detection in [2/3 ttl, ttl].
    const SimTime detect = mWorld.spec.components[mPrimary].database.detect;
    const auto early = static_cast<SimTime>(mRandom.uniform() * static_cast<double>(detect) / 3.0);
    mWorld.kernel.schedule(now + detect - early, mHandler, 0, Detect);
}

void ReplicaSetModel::memberRepaired(std::uint32_t database)
{
    if (database == mPrimary && mPrimaryDown) {
        mPrimaryDown = false;
        mFailoverPending = false;
        mVolumeLost = false;
    }
    refreshConnections();
}

void ReplicaSetModel::volumeLost(std::uint32_t database)
{
    if (database == mPrimary)
        mVolumeLost = true;
}

void ReplicaSetModel::tunnelChanged()
{
    refreshConnections();
}

void ReplicaSetModel::handleEvent(const Event &event)
{
    switch (event.tag()) {
    case Detect:
        if (mPrimaryDown && mFailoverPending) {
            mWorld.incidents.detected(mPrimary, event.time);
            failover();
        }
        break;
    case Promote:
        if (mPrimaryDown && mFailoverPending)
            promote(event.arg);
        break;
    case Restore:
        if (mPrimaryDown && mFailoverPending)
            restore();
        break;
    default:
        break;
    }
}

void ReplicaSetModel::failover()
{
    const SimTime now = mWorld.kernel.now();
    const Follower *best = nullptr;
    for (const Follower &f : mFollowers) {
        if (!mWorld.component(f.database).serving())
            continue;
        // Prefer a synchronous standby, then the one that had received the most.
        const auto rank = [&](const Follower &x) {
            const bool sync = mWorld.spec.components[x.database].database.syncReplication;
            return std::pair(sync ? 0 : 1, lag(x, mFailedAt));
        };
        if (!best || rank(f) < rank(*best))
            best = &f;
    }
    if (best) {
        const SimTime promote = mWorld.spec.components[best->database].database.promote;
        mWorld.kernel.schedule(now + promote, mHandler, best->database, Promote);
        return;
    }
    // No standby: replace the instance and attach its volume (restore it first if it was lost).
    const ComponentSpec &p = mWorld.spec.components[mPrimary];
    SimTime wait = p.database.recreate;
    if (p.database.volume != noIndex) {
        const VolumeSpec &v = mWorld.spec.components[p.database.volume].volume;
        wait += v.attach;
        if (mVolumeLost && v.backup != noIndex) {
            const double mbPerS = mWorld.spec.components[v.backup].backup.restoreMbPerS;
            wait += fromSeconds(v.sizeGb * 1000.0 / std::max(mbPerS, 1e-9));
        }
    }
    mWorld.kernel.schedule(now + wait, mHandler, 0, Restore);
}

void ReplicaSetModel::promote(std::uint32_t standby)
{
    const SimTime now = mWorld.kernel.now();
    const auto it = std::find_if(mFollowers.begin(), mFollowers.end(),
                                 [&](const Follower &f) { return f.database == standby; });
    if (it == mFollowers.end() || !mWorld.component(standby).serving()) {
        failover(); // the chosen standby died meanwhile: choose again
        return;
    }
    const std::uint32_t old = mPrimary;
    // Acknowledged on the old primary but not yet streamed to this standby when it died.
    const std::uint64_t lost = mWorld.database(old).commitsAfter(mFailedAt - lag(*it, mFailedAt));
    mWritesLost += lost;
    mWorld.incidents.writesLost(old, lost);
    mWorld.database(old).setPrimary(false);
    mWorld.database(standby).setPrimary(true);
    mPrimary = standby;
    *it = Follower{old, false, now, true};
    mPrimaryDown = false;
    mFailoverPending = false;
    mVolumeLost = false;
    mWorld.incidents.recoveredComponent(old, now);
    refreshConnections();
}

void ReplicaSetModel::restore()
{
    const SimTime now = mWorld.kernel.now();
    DatabaseModel &db = mWorld.database(mPrimary);
    const ComponentSpec &primarySpec = mWorld.spec.components[mPrimary];
    if (primarySpec.database.volume == noIndex) {
        // Its files lived on the lost instance: the replacement starts empty.
        const std::uint64_t lost = db.commitsTotal();
        mWritesLost += lost;
        mWorld.incidents.writesLost(mPrimary, lost);
    } else if (mVolumeLost) {
        const ComponentSpec &p = primarySpec;
        const bool hasBackup
            = p.database.volume != noIndex
              && mWorld.spec.components[p.database.volume].volume.backup != noIndex;
        // Everything after the last base backup is gone; without a backup, everything.
        const std::uint64_t lost = db.commitsTotal() - (hasBackup ? mCommitsAtBackup : 0);
        mWritesLost += lost;
        mWorld.incidents.writesLost(mPrimary, lost);
    }
    mFailoverPending = false;
    mWorld.incidents.recoveredComponent(mPrimary, now);
    // The replacement instance serves; the failures that took the old one stay on record.
    db.restoreService();
}

void ReplicaSetModel::backupTaken(SimTime)
{
    mCommitsAtBackup = mWorld.database(mPrimary).commitsTotal();
    mBackupTaken = true;
}

double ReplicaSetModel::lagSeconds(SimTime now) const
{
    double worst = 0;
    for (const Follower &f : mFollowers)
        if (!f.wasDown || f.connected)
            worst = std::max(worst, toSeconds(lag(f, now)));
    return worst;
}

} // namespace topolab::sim
