#pragma once

#include "sweepoutcome.h"
#include "sweepplan.h"

#include "sim/stats/confidenceinterval.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace topolab::core {

// One point of a sweep with its replications pooled. Every interval is a 95 % Student-t
// interval over the point's replications; `failures` says how many component failures those
// replications saw, so a reader knows when an interval rests on a handful of them.
struct SweepPointSummary
{
    double offered = 0;
    double ok = 0;
    double failed = 0;
    std::array<double, sim::failureCauseCount> failedByCause{};
    double availability = 1; // pooled: ok / offered
    sim::ConfidenceInterval availabilityCi;
    sim::ConfidenceInterval failedCi; // failed requests per replication
    double latencyMeanMs = 0;         // pooled over successful requests
    sim::ConfidenceInterval latencyMeanMsCi;
    sim::ConfidenceInterval latencyP99MsCi;
    bool hasLatency = false;
    // This point minus the first, paired replication by replication: with common random
    // numbers the pairs share their randomness, so this interval is narrower than either
    // point's own. Empty (0 samples) for the first point.
    sim::ConfidenceInterval availabilityDiffCi;
    sim::ConfidenceInterval failedDiffCi;
    std::uint64_t failures = 0;
    double writesLost = 0;
    double simulatedSeconds = 0; // summed over replications
    std::uint64_t events = 0;
};

// Pools the outcomes (in task order, as SweepQueue::outcomes gives them) point by point.
std::vector<SweepPointSummary> summarizeSweep(const SweepPlan &plan,
                                              const std::vector<SweepOutcome> &outcomes);

// The result for scripts (docs/sweep.md). It holds nothing that depends on how the work was
// spread (threads, processes, wall time), so every way of running a sweep writes the same bytes.
nlohmann::ordered_json sweepJson(const SweepPlan &plan,
                                 const std::vector<SweepPointSummary> &points);

// One row per point for people: the values, availability with its interval and the failures
// behind it, failed requests per replication, mean and p99 latency.
std::string sweepSummaryText(const SweepPlan &plan, const std::vector<SweepPointSummary> &points);

} // namespace topolab::core
