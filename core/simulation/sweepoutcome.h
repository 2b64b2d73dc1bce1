#pragma once

#include "sim/run/failurecause.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace topolab::core {

// What one task of a sweep (one replication of one point) reports: the few numbers the
// summary pools, small enough to travel between processes. Request counts are doubles because
// the availability mode reports expected counts for the quiet time between incidents.
struct SweepOutcome
{
    double offered = 0;
    double ok = 0;
    double failed = 0;
    std::array<double, sim::failureCauseCount> failedByCause{};
    std::uint64_t latencyCount = 0; // successful requests with a latency (request-level mode)
    double latencyMeanMs = 0;
    double latencyP99Ms = 0;
    std::uint64_t failures = 0; // component failures that began in the measured period
    double writesLost = 0;
    double simulatedSeconds = 0; // measured period
    std::uint64_t events = 0;
    double wallSeconds = 0; // not encoded: it would make equal work differ

    // ok / offered; 1 when nothing was offered.
    double availability() const { return offered > 0 ? ok / offered : 1.0; }
    bool operator==(const SweepOutcome &) const = default;
};

// One line of text that decodes to the same numbers, bit for bit (every double is written in
// the shortest form that reads back exactly): what a worker process sends back, and what a
// checkpoint keeps. The wall time is left out.
std::string encodeOutcome(const SweepOutcome &outcome);

// nullopt when `text` is not an encoded outcome (truncated, foreign, from another version).
std::optional<SweepOutcome> decodeOutcome(std::string_view text);

} // namespace topolab::core
