#pragma once

#include "sim/model/modelspec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace topolab::sim {

// One component down over [start, end): what a random failure spec drew for it. Times are
// nanoseconds from the start of the horizon.
struct Outage
{
    std::uint32_t component = 0; // index into ModelSpec::components
    std::uint32_t process = 0;   // index into ModelSpec::randomFailures that drew it
    FailureMode mode = FailureMode::Crash;
    SimTime start = 0;
    SimTime end = 0;

    bool operator==(const Outage &) const = default;
};

// The random stream purpose of the availability process of ModelSpec::randomFailures[i]:
// "availability-<i>". Distinct from the request-level simulator's "random-failures-<i>", so the
// long-horizon timeline and a scenario run never share numbers.
std::string availabilityPurpose(std::size_t randomFailure);

// Every (random failure spec, component of its kind) pair of the model, as FailureInjector
// builds them, as an alternating renewal process over [0, horizon): up time exponential with
// mean mtbfHours, down time exponential with mean mttrMinutes, the first failure after an up
// time. Each process draws from its own stream, streamSeed(model.seed, replication,
// component id, availabilityPurpose(spec)), so adding a component leaves the others' outages
// unchanged. An outage in progress at the horizon is cut there. Sorted by (start, component,
// process).
std::vector<Outage> outageTimeline(const ModelSpec &model, int replication, SimTime horizon);

// The most outages one replication may expect: each is kept in memory and replayed request by
// request, so beyond this a run would exhaust memory or never end.
inline constexpr double maxExpectedOutages = 1e6;

// The outages one replication expects over `years`: horizon / (MTBF + MTTR) per process.
double expectedOutages(const ModelSpec &model, double years);

// Why `years` is too long a horizon for this model's failure rates (naming the busiest random
// failure entry and what to change), or empty when the expected outages stay within
// maxExpectedOutages.
std::string horizonProblem(const ModelSpec &model, double years);

} // namespace topolab::sim
