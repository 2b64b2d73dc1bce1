#pragma once

#include "sim/run/simulationresult.h"

#include <algorithm>
#include <cstdint>
#include <limits>

// Values every report of a simulation shows the same way (JSON, text summary).
namespace topolab::core {

// A t interval from few replications can reach past what the quantity can be (an availability
// above 1, a negative latency); the part outside is no information, so it is cut off.
inline sim::ConfidenceInterval clamped(sim::ConfidenceInterval ci, double lowest, double highest)
{
    ci.low = std::clamp(ci.low, lowest, highest);
    ci.high = std::clamp(ci.high, lowest, highest);
    return ci;
}

// The availability interval as reported: within [0, 1].
inline sim::ConfidenceInterval availabilityInterval(const sim::SimulationResult &r)
{
    return clamped(r.availabilityCi, 0.0, 1.0);
}

// A latency interval as reported: never below 0 ms.
inline sim::ConfidenceInterval latencyInterval(const sim::ConfidenceInterval &ci)
{
    return clamped(ci, 0.0, std::numeric_limits<double>::infinity());
}

// Histogram values are nanoseconds; reports speak milliseconds.
inline double nsToMs(std::int64_t ns)
{
    return static_cast<double>(ns) / 1e6;
}

} // namespace topolab::core
