#include "loghistogram.h"

#include <cmath>
#include <utility>

namespace topolab::sim {

template<int SubBits, std::unsigned_integral Counter>
double BasicLogHistogram<SubBits, Counter>::mean() const
{
    if (mCount == 0)
        return 0.0;
    return static_cast<double>(static_cast<long double>(mSum) / static_cast<long double>(mCount));
}

template<int SubBits, std::unsigned_integral Counter>
std::int64_t BasicLogHistogram<SubBits, Counter>::quantile(double q) const
{
    if (mCount == 0)
        return 0;
    if (!(q > 0.0)) // also NaN
        q = 0.0;
    q = std::min(q, 1.0);
    // After a counter saturated, rank among what the buckets hold, or the scan would run past
    // the last bucket.
    std::uint64_t total = mCount;
    if (mSaturated) {
        total = 0;
        for (Counter c : mCounts)
            total += c;
    }
    const double wanted = std::ceil(q * static_cast<double>(total));
    const std::uint64_t rank = wanted >= static_cast<double>(total)
                                   ? total
                                   : std::max<std::uint64_t>(static_cast<std::uint64_t>(wanted), 1);
    // The extreme ranks are known exactly; no need to approximate them by a bucket.
    if (rank == 1)
        return mMin;
    if (rank == total)
        return mMax;

    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < mCounts.size(); ++i) {
        seen += mCounts[i];
        if (seen >= rank) {
            const std::int64_t low = std::max(bucketLow(mOffset + i), mMin);
            const std::int64_t high = std::min(bucketHigh(mOffset + i), mMax);
            // Spread the bucket's values evenly over its range: a quantile then moves smoothly
            // with the data instead of jumping between bucket midpoints, so replications'
            // percentiles vary as they should and their interval is not falsely zero.
            const std::uint64_t inBucket = mCounts[i];
            const double within = (static_cast<double>(rank - (seen - inBucket)) - 0.5)
                                  / static_cast<double>(inBucket);
            return low + static_cast<std::int64_t>(within * static_cast<double>(high - low));
        }
    }
    return mMax; // not reached: the buckets hold total values
}

template<int SubBits, std::unsigned_integral Counter>
void BasicLogHistogram<SubBits, Counter>::merge(const BasicLogHistogram &other)
{
    if (other.mCount == 0)
        return;
    cover(other.mOffset, other.mOffset + other.mCounts.size() - 1);
    const std::size_t shift = other.mOffset - mOffset;
    for (std::size_t i = 0; i < other.mCounts.size(); ++i)
        addTo(mCounts[shift + i], other.mCounts[i]);
    mSaturated = mSaturated || other.mSaturated;
    if (mCount == 0) {
        mMin = other.mMin;
        mMax = other.mMax;
    } else {
        mMin = std::min(mMin, other.mMin);
        mMax = std::max(mMax, other.mMax);
    }
    mCount += other.mCount;
    mSum += other.mSum;
}

template<int SubBits, std::unsigned_integral Counter>
void BasicLogHistogram<SubBits, Counter>::clear()
{
    std::vector<Counter>().swap(mCounts);
    mOffset = 0;
    mCount = 0;
    mSum = 0;
    mMin = 0;
    mMax = 0;
    mSaturated = false;
}

template<int SubBits, std::unsigned_integral Counter>
bool BasicLogHistogram<SubBits, Counter>::operator==(const BasicLogHistogram &other) const
{
    if (mCount != other.mCount || mSum != other.mSum || mMin != other.mMin || mMax != other.mMax)
        return false;
    const std::size_t low = std::min(mOffset, other.mOffset);
    const std::size_t end
        = std::max(mOffset + mCounts.size(), other.mOffset + other.mCounts.size());
    for (std::size_t i = low; i < end; ++i) {
        if (bucketCount(i) != other.bucketCount(i))
            return false;
    }
    return true;
}

template<int SubBits, std::unsigned_integral Counter>
void BasicLogHistogram<SubBits, Counter>::cover(std::size_t low, std::size_t high)
{
    constexpr std::size_t groupMask = subBucketCount - 1;
    if (!mCounts.empty()) {
        low = std::min(low, mOffset);
        high = std::max(high, mOffset + mCounts.size() - 1);
    }
    low &= ~groupMask;
    high |= groupMask; // bucketSlots() is a whole number of groups, so this stays in range
    std::vector<Counter> grown(high - low + 1, Counter(0));
    if (!mCounts.empty())
        std::copy(mCounts.begin(), mCounts.end(), grown.begin() + std::ptrdiff_t(mOffset - low));
    mCounts = std::move(grown);
    mOffset = low;
}

template class BasicLogHistogram<7, std::uint64_t>;
template class BasicLogHistogram<4, std::uint32_t>;

} // namespace topolab::sim
