#pragma once

#include "sim/engine/simtime.h"

#include <cstdint>

namespace topolab::sim {

// How a client group's request rate changes over a run, as a factor of its base rate. Time is
// measured from the end of the warm-up, like scheduled failures; the warm-up runs at the
// factor of time 0, so the statistics start from a steady state.
struct RateProfile
{
    enum class Shape : std::uint8_t { Constant, Steps, Daily, Spike };

    Shape shape = Shape::Constant;
    double factor = 2;             // steps: per step; spike: during it; daily: at the peak
    SimTime at = 600 * second;     // steps: first step; spike: its start
    SimTime every = 600 * second;  // steps: between steps
    int count = 3;                 // steps: how many
    SimTime length = 60 * second;  // spike: how long
    double troughFactor = 0.3;     // daily: at the quietest time
    double peakHours = 20;         // daily: hours after the start at which the rate peaks

    bool constant() const { return shape == Shape::Constant; }
    // The factor at `sinceStart` (negative during the warm-up).
    double factorAt(SimTime sinceStart) const;
    // The largest factor the profile reaches: the bound for drawing arrivals by thinning.
    double maxFactor() const;
};

} // namespace topolab::sim
