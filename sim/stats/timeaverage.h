#pragma once

#include <algorithm>
#include <cstdint>

namespace topolab::sim {

// Time-weighted average of a piecewise-constant quantity (queue length, busy workers, up/down)
// over [start, now], in integer nanoseconds: what utilisation and mean queue length are made of.
// It keeps only the current value and the running integral, so it costs the same for a run of a
// second or of a year. Times must not go backwards; an earlier time is taken as the last one.
class TimeAverage
{
public:
    TimeAverage() = default;
    explicit TimeAverage(std::int64_t start, double value = 0.0)
        : mStart(start)
        , mLast(start)
        , mValue(value)
    {
    }

    // The quantity changes to value at now.
    void set(std::int64_t now, double value)
    {
        advance(now);
        mValue = value;
    }
    // The quantity changes by delta at now.
    void add(std::int64_t now, double delta) { set(now, mValue + delta); }

    double value() const { return mValue; }
    std::int64_t start() const { return mStart; }

    // Discards the history (end of warm-up); the current value carries on from now.
    void restart(std::int64_t now)
    {
        mStart = std::max(now, mLast);
        mLast = mStart;
        mIntegral = 0.0;
    }

    // Integral of the value over [start(), now], in value x ns. A now before the last change
    // counts as the time of that change: the past is not kept.
    double integral(std::int64_t now) const
    {
        return mIntegral + mValue * static_cast<double>(std::max<std::int64_t>(now - mLast, 0));
    }
    // integral(now) / (now - start()); value() over an empty interval.
    double average(std::int64_t now) const
    {
        if (now <= mStart)
            return mValue;
        return integral(now) / static_cast<double>(now - mStart);
    }

private:
    void advance(std::int64_t now)
    {
        if (now <= mLast)
            return;
        mIntegral += mValue * static_cast<double>(now - mLast);
        mLast = now;
    }

    std::int64_t mStart = 0;
    std::int64_t mLast = 0; // time of the last change, where mIntegral ends
    double mValue = 0.0;
    double mIntegral = 0.0;
};

} // namespace topolab::sim
