#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace topolab::sim {

// Count, mean, variance, min and max of a stream of values in one pass and constant memory
// (Welford's update, which does not lose the variance to cancellation the way sum/sum-of-squares
// does). Two partial results merge exactly (Chan et al.), so per-thread or per-replication
// statistics can be combined.
class RunningStats
{
public:
    void add(double x)
    {
        ++mCount;
        const double delta = x - mMean;
        mMean += delta / static_cast<double>(mCount);
        mM2 += delta * (x - mMean);
        if (mCount == 1) {
            mMin = x;
            mMax = x;
        } else {
            mMin = std::min(mMin, x);
            mMax = std::max(mMax, x);
        }
    }

    std::uint64_t count() const { return mCount; }
    // 0 when empty.
    double mean() const { return mMean; }
    // Sample variance (divides by n - 1); 0 with fewer than two values.
    double variance() const
    {
        return mCount < 2 ? 0.0 : std::max(mM2, 0.0) / static_cast<double>(mCount - 1);
    }
    double stddev() const { return std::sqrt(variance()); }
    // Standard error of the mean, stddev / sqrt(n); 0 with fewer than two values.
    double standardError() const
    {
        return mCount < 2 ? 0.0 : stddev() / std::sqrt(static_cast<double>(mCount));
    }
    // 0 when empty.
    double min() const { return mMin; }
    double max() const { return mMax; }

    void merge(const RunningStats &other)
    {
        if (other.mCount == 0)
            return;
        if (mCount == 0) {
            *this = other;
            return;
        }
        const double n1 = static_cast<double>(mCount);
        const double n2 = static_cast<double>(other.mCount);
        const double n = n1 + n2;
        const double delta = other.mMean - mMean;
        mMean += delta * (n2 / n);
        mM2 += other.mM2 + delta * delta * (n1 * n2 / n);
        mCount += other.mCount;
        mMin = std::min(mMin, other.mMin);
        mMax = std::max(mMax, other.mMax);
    }

    void clear() { *this = RunningStats(); }

private:
    std::uint64_t mCount = 0;
    double mMean = 0.0;
    double mM2 = 0.0; // sum of squared deviations from the current mean
    double mMin = 0.0;
    double mMax = 0.0;
};

} // namespace topolab::sim
