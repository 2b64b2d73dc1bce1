#pragma once

#include <algorithm>
#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace topolab::sim {

// Histogram of non-negative integer values (nanoseconds) in log-spaced buckets, HDR style: each
// power of two is split into 2^SubBits equal sub-buckets, so a quantile is reported with a
// relative error of at most 2^-SubBits over the whole int64 range, while count, mean, min and max
// stay exact. Values below 2^(SubBits+1) get one bucket each.
//
// It owns only the counters of the buckets between the lowest and the highest value recorded
// (rounded out to whole powers of two), allocated on the first record: an unused histogram costs
// a few words, and the storage never exceeds bucketSlots() counters.
//
// Counter is the per-bucket counter type. A narrow one (CoarseLogHistogram) halves the memory of
// the many small per-time-bucket histograms. A bucket that would overflow it (2^32 values in one
// bucket) saturates: count, mean, min and max stay exact, the quantiles then rank among the
// values the buckets hold.
//
// Only the two instantiations named below are compiled (in loghistogram.cpp).
template<int SubBits, std::unsigned_integral Counter = std::uint64_t> class BasicLogHistogram
{
    static_assert(SubBits >= 1 && SubBits <= 16, "sub-bucket resolution out of range");

public:
    static constexpr int subBucketBits = SubBits;
    using CounterType = Counter;

    // Negative values clamp to 0.
    void record(std::int64_t value, std::uint64_t count = 1)
    {
        if (count == 0)
            return;
        value = std::max<std::int64_t>(value, 0);
        const std::size_t index = bucketIndex(value);
        if (index < mOffset || index >= mOffset + mCounts.size())
            cover(index, index);
        addTo(mCounts[index - mOffset], count);
        if (mCount == 0) {
            mMin = value;
            mMax = value;
        } else {
            mMin = std::min(mMin, value);
            mMax = std::max(mMax, value);
        }
        mCount += count;
        mSum += static_cast<UnsignedWide>(value) * count;
    }

    std::uint64_t count() const { return mCount; }
    bool empty() const { return mCount == 0; }

    // Exact: from the 128-bit running sum, not from the buckets. 0 when empty.
    double mean() const;
    // Exact sum of all values recorded, rounded to long double.
    long double sum() const { return static_cast<long double>(mSum); }
    // Exact; 0 when empty.
    std::int64_t min() const { return mMin; }
    std::int64_t max() const { return mMax; }

    // The value at rank ceil(q*count()) (at least 1) of the sorted values, within
    // relativeErrorBound(). It is interpolated within the bucket holding that rank (its values
    // taken as spread evenly over the part of the bucket inside [min(), max()]); rank 1 reports
    // min() and rank count() reports max() exactly. q is clamped to [0, 1]. 0 when empty.
    std::int64_t quantile(double q) const;

    // 2^-SubBits: the width of a bucket relative to its values, so any value reported from a
    // bucket is within it of every value the bucket holds.
    static constexpr double relativeErrorBound()
    {
        return 1.0 / double(std::uint64_t(1) << SubBits);
    }

    void merge(const BasicLogHistogram &other);
    // Forgets every value and releases the counters.
    void clear();

    // Number of counters in the bucket index space, [0, bucketSlots()).
    static constexpr std::size_t bucketSlots() { return std::size_t(64 - SubBits) << SubBits; }
    // Number of counters currently allocated.
    std::size_t storedBuckets() const { return mCounts.size(); }
    // Count in one bucket (0 for buckets never touched).
    std::uint64_t bucketCount(std::size_t index) const
    {
        return index >= mOffset && index < mOffset + mCounts.size() ? mCounts[index - mOffset] : 0;
    }

    // Calls f(low, high, count) for every non-empty bucket, lowest first; low and high inclusive.
    template<typename F> void forEachBucket(F &&f) const
    {
        for (std::size_t i = 0; i < mCounts.size(); ++i) {
            if (mCounts[i] != 0)
                f(bucketLow(mOffset + i), bucketHigh(mOffset + i), std::uint64_t(mCounts[i]));
        }
    }

    // Same values recorded (bucket counts, count, sum, min, max), however the storage is laid out.
    bool operator==(const BasicLogHistogram &other) const;

    // Bucket index <-> value range. A value v of bit width w lies in a bucket 2^e wide, with
    // e = max(w - SubBits - 1, 0); its index is (e << SubBits) + (v >> e), so values below
    // 2^(SubBits+1) are their own index. O(1), no loop and no logarithm.
    static constexpr std::size_t bucketIndex(std::int64_t value)
    {
        const auto v = static_cast<std::uint64_t>(std::max<std::int64_t>(value, 0));
        const int shift = std::max(int(std::bit_width(v)) - SubBits - 1, 0);
        return (std::size_t(shift) << SubBits) + std::size_t(v >> shift);
    }
    static constexpr std::int64_t bucketLow(std::size_t index)
    {
        if (index < subBucketCount)
            return std::int64_t(index);
        const int shift = int(index >> SubBits) - 1;
        const std::uint64_t mantissa = subBucketCount + (index & (subBucketCount - 1));
        return std::int64_t(mantissa << shift);
    }
    // Inclusive; bucketHigh(bucketSlots() - 1) is INT64_MAX.
    static constexpr std::int64_t bucketHigh(std::size_t index)
    {
        const int shift = index < subBucketCount ? 0 : int(index >> SubBits) - 1;
        // Unsigned: the top bucket ends exactly at 2^63 - 1 and must not overflow on the way.
        return std::int64_t(std::uint64_t(bucketLow(index)) + ((std::uint64_t(1) << shift) - 1));
    }

private:
    __extension__ using UnsignedWide = unsigned __int128;
    static constexpr std::size_t subBucketCount = std::size_t(1) << SubBits;

    void addTo(Counter &slot, std::uint64_t count)
    {
        constexpr std::uint64_t top = std::numeric_limits<Counter>::max();
        if (count > top - slot) {
            slot = Counter(top);
            mSaturated = true;
        } else {
            slot = Counter(slot + count);
        }
    }
    // Widens the storage to hold the indices [low, high], rounded out to whole groups so that a
    // slowly drifting range reallocates at most once per power of two.
    void cover(std::size_t low, std::size_t high);

    std::vector<Counter> mCounts;
    std::size_t mOffset = 0; // bucket index of mCounts[0]
    std::uint64_t mCount = 0;
    UnsignedWide mSum = 0; // < 2^63 * 2^64, cannot overflow
    std::int64_t mMin = 0;
    std::int64_t mMax = 0;
    bool mSaturated = false; // some bucket holds fewer than were recorded in it
};

extern template class BasicLogHistogram<7, std::uint64_t>;
extern template class BasicLogHistogram<4, std::uint32_t>;

// <= 0.79 % relative error; used for run totals.
using LogHistogram = BasicLogHistogram<7, std::uint64_t>;
// <= 6.25 %; used per time-series bucket, where there are many and each must stay small.
using CoarseLogHistogram = BasicLogHistogram<4, std::uint32_t>;

} // namespace topolab::sim
