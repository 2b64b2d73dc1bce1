#pragma once

#include "componentmodel.h"
#include "sim/random/randomstream.h"

#include <deque>
#include <vector>

namespace topolab::sim {

// A PostgreSQL instance: `cpus` queries at a time from a FIFO queue, exponential-or-other query
// times, commits that wait for a synchronous standby's acknowledgement. It keeps the times of
// its recent commits so a failover can count exactly which acknowledged writes the promoted
// standby had not received. Its role (primary or standby) changes with failovers.
class DatabaseModel final : public ComponentModel
{
public:
    DatabaseModel(World &world, std::uint32_t index);

    void handleEvent(const Event &event) override;

    // A query of `request` from an app server arrives; false when the database cannot take it.
    bool query(std::uint32_t request, bool commit, std::uint32_t appServer);

    // Commits acknowledged after `since` (exclusive) that are still remembered.
    std::uint64_t commitsAfter(SimTime since) const;
    // Forgets commits up to `until`: no standby can still be missing them.
    void forgetCommitsBefore(SimTime until);
    std::uint64_t commitsTotal() const { return mCommitsTotal; }
    std::uint64_t commitsMeasured() const { return mCommitsMeasured; }

    bool primary() const { return mPrimary; }
    void setPrimary(bool primary) { mPrimary = primary; }

    void restartStatistics(SimTime now) override;
    ComponentResult result(SimTime now) const override;
    LoadMark loadMark(SimTime now) const override;

protected:
    void onFailed(FailureMode mode) override;
    void onRepaired() override;

private:
    struct Query
    {
        std::uint32_t request;
        std::uint32_t appServer;
        bool commit;
    };

    void startQuery(const Query &q);
    void failHeld();

    const DatabaseSpec &mDb;
    RandomStream mService;
    bool mPrimary;
    std::vector<Query> mInService;
    std::deque<Query> mQueue;
    std::deque<SimTime> mCommitTimes;
    std::uint64_t mCommitsTotal = 0;
    std::uint64_t mCommitsMeasured = 0;
    TimeAverage mBusy;
    TimeAverage mWaiting;
};

} // namespace topolab::sim
