#pragma once

#include "app/simulation/simulationoutcome.h"
#include "sim/availability/availabilityresult.h"
#include "sim/run/failurecause.h"
#include "sim/run/simulationresult.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace topolab::app {

// The numbers a comparison or a sweep puts side by side for one simulated variant, each mean
// with its 95 % interval across the replications where they give one.
struct OutcomeStats
{
    int replications = 0;
    // Availability (ok / offered) as a share: the pooled value, and the mean of the
    // replications' with its interval, cut to [0, 1].
    double availability = 1;
    sim::ConfidenceInterval availabilityCi;
    // Failed requests: all replications together, by cause, and per replication with its
    // interval. The simulator keeps no per-replication count, so the interval is the
    // availability's scaled by the requests a replication offers; offered requests vary far
    // less between replications than failures do.
    std::uint64_t failed = 0;
    std::array<std::uint64_t, sim::failureCauseCount> failedByCause{};
    sim::ConfidenceInterval failedCi;
    // p99 latency of successful requests, ms: pooled, and the replications' mean and interval.
    double p99Ms = 0;
    sim::ConfidenceInterval p99Ci;
    std::uint64_t writesLost = 0;
    // The incident with the most failed requests: what failed, and its time to recover in
    // seconds (nullopt when it had not recovered by the end, or there was none).
    std::string worstIncident;
    std::optional<double> worstRecoveryS;
    // Component failures the replications saw: what every interval rests on.
    std::uint64_t failures = 0;
    // The long-horizon availability mode only (years > 0): failedCi is then failed requests per
    // simulated year, and there is downtime in minutes per year instead of a latency.
    double years = 0;
    sim::ConfidenceInterval downMinPerYearCi;
};

OutcomeStats outcomeStats(const sim::SimulationResult &result);
OutcomeStats outcomeStats(const sim::AvailabilityResult &result);
// Whichever of the two the outcome holds.
OutcomeStats outcomeStats(const SimulationOutcome &outcome);

} // namespace topolab::app
