#include "hostworker.h"

namespace topolab::core {

HostWorker::HostWorker(HostConnection host, HostConnector connect,
                       std::counting_semaphore<> &slots)
    : mHost(std::move(host))
    , mConnect(std::move(connect))
    , mSlots(slots)
    , mThread([this] { loop(); })
{
}

HostWorker::~HostWorker()
{
    {
        std::lock_guard lock(mMutex);
        mStopping = true;
    }
    mWake.notify_all();
    mThread.join();
}

std::future<void> HostWorker::post(Job job)
{
    std::promise<void> promise;
    std::future<void> done = promise.get_future();
    {
        std::lock_guard lock(mMutex);
        mJobs.emplace_back(std::move(job), std::move(promise));
    }
    mWake.notify_all();
    return done;
}

void HostWorker::loop()
{
    for (;;) {
        std::pair<Job, std::promise<void>> next;
        {
            std::unique_lock lock(mMutex);
            mWake.wait(lock, [this] { return mStopping || !mJobs.empty(); });
            if (mJobs.empty())
                break; // stopping, nothing left
            next = std::move(mJobs.front());
            mJobs.pop_front();
        }
        mSlots.acquire();
        try {
            if (!mRemote && !mConnectFailure) {
                try {
                    mRemote = mConnect(mHost);
                    if (!mRemote)
                        throw DeployError(mHost.id, "no connection");
                } catch (...) {
                    mConnectFailure = std::current_exception();
                }
            }
            if (mConnectFailure)
                std::rethrow_exception(mConnectFailure);
            next.first(*mRemote);
            next.second.set_value();
        } catch (...) {
            next.second.set_exception(std::current_exception());
        }
        mSlots.release();
    }
    // The session closes on this thread too.
    mRemote.reset();
}

} // namespace topolab::core
