#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace topolab::sim {

// Simulated time in integer nanoseconds: exact, so that events scheduled by different paths for
// the same instant compare equal and runs are reproducible (no accumulated float error).
// 2^63 ns is about 292 years of simulated time.
using SimTime = std::int64_t;

inline constexpr SimTime nanosecond = 1;
inline constexpr SimTime microsecond = 1'000;
inline constexpr SimTime millisecond = 1'000'000;
inline constexpr SimTime second = 1'000'000'000;
inline constexpr SimTime simTimeMax = std::numeric_limits<SimTime>::max();

// Rounds to the nearest nanosecond and saturates instead of overflowing. NaN has no place in
// a schedule and maps to simTimeMax: "never".
inline SimTime fromSeconds(double seconds)
{
    if (std::isnan(seconds))
        return simTimeMax;
    const double ns = std::round(seconds * 1e9);
    if (!(ns < 9.2e18))
        return simTimeMax;
    if (ns < -9.2e18)
        return -simTimeMax;
    return static_cast<SimTime>(ns);
}

inline SimTime fromMilliseconds(double ms)
{
    return fromSeconds(ms / 1e3);
}

inline double toSeconds(SimTime t)
{
    return static_cast<double>(t) / 1e9;
}

inline double toMilliseconds(SimTime t)
{
    return static_cast<double>(t) / 1e6;
}

} // namespace topolab::sim
