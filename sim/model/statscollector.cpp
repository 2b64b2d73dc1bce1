#include "statscollector.h"

#include "world.h"

namespace topolab::sim {

namespace {

enum Tag : std::uint16_t { WarmupEnd = 1, BucketTick = 2 };

} // namespace

StatsCollector::StatsCollector(World &world)
    : mWorld(world)
    , mHandler(world.kernel.addHandler(this))
    , mOrigin(world.warmupEnd)
    , mEnd(world.runEnd)
    , mBucket(world.spec.bucket > 0 ? world.spec.bucket : second)
{
    const SimTime span = mEnd - mOrigin;
    const auto buckets = static_cast<std::size_t>((span + mBucket - 1) / mBucket);
    mOk.assign(buckets, 0);
    mFailed.assign(buckets, 0);
    mSent.assign(buckets, 0);
    mStale.assign(buckets, 0);
    mByCause.assign(buckets, {});
    mBucketLatency.resize(buckets);
    mLag.assign(buckets, 0.0);
    if (world.spec.recordLoad) {
        const std::size_t components = world.spec.components.size();
        mUtilization.assign(components, std::vector<float>(buckets, 0.0f));
        mServedPerS.assign(components, std::vector<float>(buckets, 0.0f));
    }
}

void StatsCollector::start()
{
    mWorld.kernel.schedule(mOrigin, mHandler, 0, WarmupEnd);
    if (!mOk.empty())
        mWorld.kernel.schedule(mOrigin + mBucket, mHandler, 0, BucketTick);
}

std::size_t StatsCollector::bucketOf(SimTime intended) const
{
    const auto b = static_cast<std::size_t>((intended - mOrigin) / mBucket);
    return b < mOk.size() ? b : mOk.size() - 1;
}

void StatsCollector::offered(Request &request)
{
    request.measured = request.intended >= mOrigin && request.intended < mEnd;
    if (!request.measured)
        return;
    ++mCounts.offered;
    const std::size_t b = bucketOf(request.intended);
    ++mSent[b];
    if (request.stale)
        ++mStale[b];
}

void StatsCollector::offeredUnsent(SimTime intended)
{
    if (intended < mOrigin || intended >= mEnd)
        return;
    ++mCounts.offered;
    ++mSent[bucketOf(intended)];
}

void StatsCollector::succeeded(const Request &request, SimTime completion)
{
    if (!request.measured)
        return;
    const SimTime latency = completion - request.intended;
    const SimTime timeout = mWorld.spec.clientGroups[request.group].requestTimeout;
    if (timeout > 0 && latency > timeout) {
        // The client gave up before the answer came: a failure, at the moment it gave up.
        failed(request, FailureCause::Timeout, request.intended + timeout);
        return;
    }
    ++mCounts.ok;
    mLatency.record(latency);
    const std::size_t b = bucketOf(request.intended);
    ++mOk[b];
    mBucketLatency[b].record(latency);
}

void StatsCollector::failed(const Request &request, FailureCause cause, SimTime at)
{
    if (!request.measured)
        return;
    ++mCounts.failed;
    ++mCounts.failedByCause[static_cast<std::size_t>(cause)];
    const std::size_t b = bucketOf(request.intended);
    ++mFailed[b];
    ++mByCause[b][static_cast<std::size_t>(cause)];
    mWorld.incidents.requestFailed(at);
}

void StatsCollector::retriedNextAddress(const Request &request)
{
    if (request.measured)
        ++mCounts.retriedNextAddress;
}

void StatsCollector::lbRetry(const Request &request)
{
    if (request.measured)
        ++mCounts.lbRetries;
}

void StatsCollector::handleEvent(const Event &event)
{
    if (event.tag() == WarmupEnd) {
        mWorld.restartStatistics();
        if (!mUtilization.empty()) {
            mLastMarks.clear();
            for (std::uint32_t i = 0; i < mUtilization.size(); ++i)
                mLastMarks.push_back(mWorld.component(i).loadMark(event.time));
        }
        return;
    }
    const auto bucket = static_cast<std::size_t>((event.time - mOrigin) / mBucket) - 1;
    tick(bucket);
    if (bucket + 1 < mOk.size())
        mWorld.kernel.schedule(event.time + mBucket, mHandler, 0, BucketTick);
}

void StatsCollector::tick(std::size_t bucket)
{
    mLag[bucket] = mWorld.currentReplicationLagSeconds();
    if (!mUtilization.empty())
        recordLoad(bucket);
    if (SimObserver *observer = mWorld.observer) {
        IntervalSample sample;
        sample.t_s = toSeconds(static_cast<SimTime>(bucket) * mBucket);
        sample.ok = mOk[bucket];
        sample.failed = mFailed[bucket];
        sample.p99_ms = toMilliseconds(mBucketLatency[bucket].quantile(0.99));
        observer->onSample(sample);
    }
}

void StatsCollector::recordLoad(std::size_t bucket)
{
    const SimTime now = mWorld.kernel.now();
    const double bucketSeconds = toSeconds(mBucket);
    for (std::uint32_t i = 0; i < mUtilization.size(); ++i) {
        const ComponentModel::LoadMark mark = mWorld.component(i).loadMark(now);
        const ComponentModel::LoadMark &last = mLastMarks[i];
        const double capacity = mark.capacity - last.capacity;
        mUtilization[i][bucket]
            = capacity > 0 ? static_cast<float>((mark.busy - last.busy) / capacity) : 0.0f;
        mServedPerS[i][bucket]
            = static_cast<float>(static_cast<double>(mark.served - last.served) / bucketSeconds);
        mLastMarks[i] = mark;
    }
}

RequestCounts StatsCollector::counts() const
{
    RequestCounts c = mCounts;
    c.inFlight = c.offered - c.ok - c.failed;
    return c;
}

TimeSeries StatsCollector::series() const
{
    TimeSeries s;
    s.bucketSeconds = toSeconds(mBucket);
    const std::size_t n = mOk.size();
    s.t.resize(n);
    s.p50Ms.resize(n);
    s.p90Ms.resize(n);
    s.p99Ms.resize(n);
    s.staleShare.resize(n);
    for (std::size_t b = 0; b < n; ++b) {
        s.t[b] = toSeconds(static_cast<SimTime>(b) * mBucket);
        s.p50Ms[b] = toMilliseconds(mBucketLatency[b].quantile(0.50));
        s.p90Ms[b] = toMilliseconds(mBucketLatency[b].quantile(0.90));
        s.p99Ms[b] = toMilliseconds(mBucketLatency[b].quantile(0.99));
        s.staleShare[b]
            = mSent[b] ? static_cast<double>(mStale[b]) / static_cast<double>(mSent[b]) : 0.0;
    }
    s.ok = mOk;
    s.failed = mFailed;
    s.failedByCause = mByCause;
    s.replicationLagS = mLag;
    s.utilization = mUtilization;
    s.servedPerS = mServedPerS;
    return s;
}

} // namespace topolab::sim
