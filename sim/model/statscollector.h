#pragma once

#include "componentmodel.h"
#include "request.h"
#include "sim/engine/eventhandler.h"
#include "sim/run/simulationresult.h"

namespace topolab::sim {

class World;

// Turns request outcomes into the run's statistics: counts by outcome and cause, the latency
// histogram (from the intended send time, successful requests only), and the time series keyed
// by the intended send time, so a bucket shows what the users who sent then experienced.
// Only requests sent inside the measured period count; the warm-up is discarded.
class StatsCollector : public EventHandler
{
public:
    explicit StatsCollector(World &world);

    // Schedules the warm-up end and the bucket ticks; call once before the run.
    void start();

    void offered(Request &request);
    // A request sent at `intended` that the run ended before processing: offered, in flight.
    void offeredUnsent(SimTime intended);
    void succeeded(const Request &request, SimTime completion);
    void failed(const Request &request, FailureCause cause, SimTime at);
    void retriedNextAddress(const Request &request);
    void lbRetry(const Request &request);

    void handleEvent(const Event &event) override;

    RequestCounts counts() const;
    const LogHistogram &latency() const { return mLatency; }
    TimeSeries series() const;
    const std::vector<CoarseLogHistogram> &bucketLatency() const { return mBucketLatency; }

private:
    std::size_t bucketOf(SimTime intended) const;
    void tick(std::size_t bucket);
    // Each component's load over the bucket that ends now (ModelSpec::recordLoad).
    void recordLoad(std::size_t bucket);

    World &mWorld;
    std::uint32_t mHandler;
    SimTime mOrigin;
    SimTime mEnd;
    SimTime mBucket;
    RequestCounts mCounts;
    LogHistogram mLatency;
    std::vector<std::uint64_t> mOk;
    std::vector<std::uint64_t> mFailed;
    std::vector<std::uint64_t> mSent;
    std::vector<std::uint64_t> mStale;
    std::vector<std::array<std::uint64_t, failureCauseCount>> mByCause;
    std::vector<CoarseLogHistogram> mBucketLatency;
    std::vector<double> mLag;
    std::vector<std::vector<float>> mUtilization;
    std::vector<std::vector<float>> mServedPerS;
    std::vector<ComponentModel::LoadMark> mLastMarks;
};

} // namespace topolab::sim
