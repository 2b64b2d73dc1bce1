#include "replicationpool.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace topolab::sim {

namespace {

// Forwards one replication's reports to the caller's observer: progress as the share of all
// replications, serialised across worker threads; state changes and samples from the first
// replication only, which is the one a front end replays.
class ReplicationObserver final : public SimObserver
{
public:
    ReplicationObserver(SimObserver *target, std::mutex &mutex, std::vector<double> &progress,
                        int replication)
        : mTarget(target)
        , mMutex(mutex)
        , mProgress(progress)
        , mReplication(replication)
    {
    }

    void onProgress(double fraction) override
    {
        std::lock_guard lock(mMutex);
        mProgress[static_cast<std::size_t>(mReplication)] = fraction;
        double sum = 0;
        for (double p : mProgress)
            sum += p;
        mTarget->onProgress(sum / static_cast<double>(mProgress.size()));
    }

    void onStateChange(const StateChange &change) override
    {
        if (mReplication == 0) {
            std::lock_guard lock(mMutex);
            mTarget->onStateChange(change);
        }
    }

    void onSample(const IntervalSample &sample) override
    {
        if (mReplication == 0) {
            std::lock_guard lock(mMutex);
            mTarget->onSample(sample);
        }
    }

    bool stopRequested() const override
    {
        std::lock_guard lock(mMutex);
        return mTarget->stopRequested();
    }

private:
    SimObserver *mTarget;
    std::mutex &mMutex;
    std::vector<double> &mProgress;
    int mReplication;
};

} // namespace

int runReplicationPool(int count, int threads, SimObserver *observer, const ReplicationJob &job)
{
    const int replications = std::max(1, count);
    const int workers = std::clamp(threads, 1, replications);
    std::vector<double> progress(static_cast<std::size_t>(replications), 0.0);
    std::mutex mutex;
    std::atomic<int> next{0};
    auto work = [&] {
        for (int k = next++; k < replications; k = next++) {
            if (observer) {
                ReplicationObserver forward(observer, mutex, progress, k);
                job(k, &forward);
            } else {
                job(k, nullptr);
            }
        }
    };
    if (workers == 1) {
        work();
        return workers;
    }
    std::vector<std::thread> pool;
    for (int i = 0; i < workers; ++i)
        pool.emplace_back(work);
    for (std::thread &t : pool)
        t.join();
    return workers;
}

} // namespace topolab::sim
