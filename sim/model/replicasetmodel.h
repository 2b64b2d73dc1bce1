#pragma once

#include "modelspec.h"
#include "sim/engine/eventhandler.h"
#include "sim/random/randomstream.h"

#include <vector>

namespace topolab::sim {

class World;

// A primary and the standbys that follow it, and the failover authority over them (what Patroni
// does with its DCS lease): detects a dead primary, promotes the best standby, counts the
// acknowledged writes the standby never received, or, with no standby, recreates the instance
// and reattaches its volume (restoring the last backup when the volume itself was lost).
// Tracks each standby's replication lag, which grows while it is cut off.
class ReplicaSetModel final : public EventHandler
{
public:
    ReplicaSetModel(World &world, std::uint32_t primary, std::vector<std::uint32_t> standbys);

    void handleEvent(const Event &event) override;

    std::uint32_t primary() const { return mPrimary; }
    bool available() const;
    // Where a read goes: the primary, or a standby that serves reads, chosen uniformly.
    std::uint32_t readTarget(RandomStream &random) const;
    const std::vector<std::uint32_t> &members() const { return mMembers; }

    // Extra commit time on `database` waiting for a synchronous standby.
    SimTime commitWait(std::uint32_t database) const;
    void committed(std::uint32_t database, SimTime at);

    void memberFailed(std::uint32_t database);
    void memberRepaired(std::uint32_t database);
    void volumeLost(std::uint32_t database);
    // The tunnel a cross-region standby replicates over went down or came back.
    void tunnelChanged();

    double lagSeconds(SimTime now) const;
    double maxLagSeconds() const { return mMaxLag; }
    std::uint64_t writesLost() const { return mWritesLost; }
    // Commit counts of the backups taken so far, for restores.
    void backupTaken(SimTime at);

private:
    struct Follower
    {
        std::uint32_t database;
        bool connected = true;
        SimTime cutAt = 0;    // when it stopped receiving WAL
        bool wasDown = false; // cut off because it was down itself, not by the network
    };

    bool reachable(std::uint32_t standby) const;
    void refreshConnections();
    SimTime lag(const Follower &f, SimTime now) const;
    void failover();
    void promote(std::uint32_t standby);
    void restore();
    void trimCommits();

    World &mWorld;
    std::uint32_t mHandler;
    RandomStream mRandom;
    std::uint32_t mPrimary;
    std::vector<std::uint32_t> mMembers;
    std::vector<Follower> mFollowers;
    bool mPrimaryDown = false;
    bool mVolumeLost = false;
    bool mFailoverPending = false;
    SimTime mFailedAt = 0;
    std::vector<std::uint32_t> mReaders;
    double mMaxLag = 0;
    std::uint64_t mWritesLost = 0;
    std::uint64_t mCommitsAtBackup = 0;
    bool mBackupTaken = false;
};

} // namespace topolab::sim
