#pragma once

#include "core/deploy/hostconnection.h"
#include "core/deploy/remotehost.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <semaphore>
#include <thread>

namespace topolab::core {

// Opens a session to a host. Called on the host's own worker thread.
using HostConnector = std::function<std::unique_ptr<RemoteHost>(const HostConnection &)>;

// The one thread that talks to one host: it opens the session and runs every job on it, so a
// session is never touched from two threads. A shared semaphore bounds how many hosts work at
// once (`--parallel`).
class HostWorker
{
public:
    using Job = std::function<void(RemoteHost &)>;

    HostWorker(HostConnection host, HostConnector connect, std::counting_semaphore<> &slots);
    ~HostWorker();
    HostWorker(const HostWorker &) = delete;
    HostWorker &operator=(const HostWorker &) = delete;

    const HostConnection &host() const { return mHost; }
    // Runs `job` on this host's thread; the future carries its exception (DeployError).
    // The session is opened before the first job; a connection failure fails every job.
    std::future<void> post(Job job);

private:
    void loop();

    HostConnection mHost;
    HostConnector mConnect;
    std::counting_semaphore<> &mSlots;
    std::unique_ptr<RemoteHost> mRemote;
    std::exception_ptr mConnectFailure;
    std::mutex mMutex;
    std::condition_variable mWake;
    std::deque<std::pair<Job, std::promise<void>>> mJobs;
    bool mStopping = false;
    std::thread mThread;
};

} // namespace topolab::core
