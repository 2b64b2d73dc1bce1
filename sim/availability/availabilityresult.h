#pragma once

#include "sim/engine/simtime.h"
#include "sim/run/failurecause.h"
#include "sim/stats/confidenceinterval.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace topolab::sim {

// Seconds in a year for every "per year" figure: the Julian year, 365.25 days.
inline constexpr double secondsPerYear = 365.25 * 86400.0;

// How the availability mode runs.
struct AvailabilityOptions
{
    double years = 1;             // horizon of one replication
    int replications = 0;         // 0 = the model's
    SimTime settle = -1;          // after a window's last repair; < 0 = defaultSettleTime(model)
    SimTime baselineDuration = 0; // failure-free baseline run; 0 = the model's duration
    int worstWindows = 10;        // how many of the worst windows each result keeps
};

// One component's random failures over a replication (or summed over replications).
struct ComponentAvailability
{
    std::uint32_t component = 0;
    std::string id;
    std::uint64_t failures = 0; // outages begun within the horizon
    double downSeconds = 0;     // within the horizon
    // Failed requests of the windows that held this component's outages and nothing else: the
    // impact of its incidents alone. Windows with overlapping outages are counted apart.
    double failedRequests = 0;
    std::uint64_t soloWindows = 0;
};

// One replayed window, kept among the worst of a run.
struct WindowSummary
{
    int replication = 0;
    double startSeconds = 0; // from the start of the horizon
    double lengthSeconds = 0;
    std::vector<std::string> components; // whose outages it held, in order of their start
    std::uint64_t failedRequests = 0;
};

// What one replication of the availability mode found. Request counts are doubles: the quiet
// time outside the windows contributes expected values, not drawn ones.
struct AvailabilityReplication
{
    int replication = 0;
    double simulatedSeconds = 0; // the horizon plus the last window's overhang past it
    double quietSeconds = 0;
    double offered = 0;
    double ok = 0;
    double failed = 0;
    std::array<double, failureCauseCount> failedByCause{};
    double availability = 1;    // ok / offered
    std::uint64_t failures = 0; // component outages begun
    std::uint64_t windows = 0;
    std::uint64_t overlappingWindows = 0; // windows holding more than one outage
    double overlappingFailedRequests = 0;
    std::uint64_t writesLost = 0;
    std::vector<ComponentAvailability> components; // every component with a failure process
    std::vector<WindowSummary> worstWindows;       // most failed requests first
    // The failure-free baseline: its share of failed requests, applied to the quiet time.
    double baselineFailedShare = 0;
    std::uint64_t events = 0;
    double wallSeconds = 0; // the only member that differs between identical runs
    bool cancelled = false;
};

// A value with its 95 % interval across replications and the number of component failures
// behind it: an interval resting on a handful of failures says little, whatever its width.
struct AvailabilityEstimate
{
    double value = 0;
    ConfidenceInterval ci;
    std::uint64_t failures = 0;
};

// R replications pooled in replication order (identical for any thread count).
struct AvailabilityResult
{
    std::uint64_t seed = 0;
    double years = 0; // per replication
    int replications = 0;
    int threads = 1;
    double settleSeconds = 0;
    double simulatedSeconds = 0;                   // all replications
    AvailabilityEstimate availability;             // ok / offered, request-weighted
    AvailabilityEstimate unavailabilityMinPerYear; // (1 - availability) x minutes of a year
    AvailabilityEstimate failedRequestsPerYear;
    double offered = 0;
    double ok = 0;
    double failed = 0;
    std::array<double, failureCauseCount> failedByCause{};
    std::uint64_t failures = 0;
    std::uint64_t windows = 0;
    std::uint64_t overlappingWindows = 0;
    double overlappingFailedRequests = 0;
    std::uint64_t writesLost = 0;
    std::vector<ComponentAvailability> components; // sums over replications
    std::vector<WindowSummary> worstWindows;       // over all replications
    std::vector<AvailabilityReplication> runs;     // each replication, in order
    std::uint64_t events = 0;
    double wallSeconds = 0;
    bool cancelled = false;
};

} // namespace topolab::sim
