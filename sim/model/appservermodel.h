#pragma once

#include "componentmodel.h"
#include "sim/random/randomstream.h"

#include <deque>
#include <vector>

namespace topolab::sim {

// An app server (or an autoscaled group of identical instances behind one name): worker slots,
// a bounded FIFO queue, a service-time distribution, then the request's database queries one
// after another while its worker waits. A crash fails what it holds; a silent host holds it
// until the load balancer's `timeout server`. Scaling out waits for the boot time; scaling in
// drains an instance (no new work, running requests finish), so no request fails for it.
class AppServerModel final : public ComponentModel
{
public:
    enum class Accept { Accepted, Refused, Silent, Full };

    AppServerModel(World &world, std::uint32_t index);

    void start();
    void handleEvent(const Event &event) override;

    Accept accept(std::uint32_t request);
    // A database answered (ok) or could not serve (down) one of the request's queries.
    void queryDone(std::uint32_t request, bool ok);

    int instances() const { return mInstances; }

    void restartStatistics(SimTime now) override;
    ComponentResult result(SimTime now) const override;
    LoadMark loadMark(SimTime now) const override;

protected:
    void onFailed(FailureMode mode) override;

private:
    int capacity() const { return mInstances * mApp.workers; }
    void startService(std::uint32_t request);
    void nextQuery(std::uint32_t request);
    void finish(std::uint32_t request, bool ok, FailureCause cause);
    void startQueued();
    void autoscale();

    const AppServerSpec &mApp;
    RandomStream mService;
    RandomStream mQueries;
    int mInstances = 1;
    int mBooting = 0;
    std::vector<std::uint32_t> mInService;
    std::deque<std::uint32_t> mQueue;
    TimeAverage mBusy;
    TimeAverage mWaiting;
    TimeAverage mCapacity;
    double mLastBusyIntegral = 0;
    double mLastCapacityIntegral = 0;
};

} // namespace topolab::sim
