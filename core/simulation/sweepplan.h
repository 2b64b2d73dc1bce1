#pragma once

#include "simmodelbuilder.h"
#include "variant.h"

#include "sim/model/modelspec.h"

#include <cstdint>
#include <string>
#include <vector>

namespace topolab::core {

// What a sweep runs: a grid of parameter values (every combination of the swept parameters'
// values, the first parameter varying slowest) times a number of replications. Replication k of
// every point runs with the same seed, so points differ only by what was changed (common random
// numbers) and their differences are sharper than their own intervals.
struct SweepPlan
{
    std::vector<ParamSweep> parameters;
    std::vector<std::string> titles;              // per parameter, for people ("Record TTL")
    std::vector<std::string> units;               // per parameter, "s", "rps"; empty when unitless
    std::vector<std::vector<ParamChange>> points; // per point, one change per parameter
    std::vector<std::string> labels;              // per point, "Record TTL 30 s, Workers 8"
    std::vector<sim::ModelSpec> models;           // per point, ready to simulate
    int replications = 1;
    std::uint64_t seed = 1; // that of every point, unless the seed is what is swept
    bool seedSwept = false;
    double durationS = 0; // request-level mode: the scenario's measured period
    double years = 0;     // > 0: long-horizon availability mode, years per replication

    std::size_t taskCount() const { return points.size() * static_cast<std::size_t>(replications); }
};

// One unit of work: one replication of one point. Tasks are numbered point-major, which is also
// the order results are pooled in.
struct SweepTask
{
    std::uint32_t point = 0;
    std::uint32_t replication = 0;
    bool operator==(const SweepTask &) const = default;
};
SweepTask taskAt(const SweepPlan &plan, std::size_t index);

// What the command line asks for.
struct SweepRequest
{
    std::vector<std::string> parameters; // "PATH=V1,V2,..." or "PATH=from:to:steps"
    SimOverrides overrides;              // duration, seed, replications
    double years = 0;
};

// The largest grid a sweep accepts: beyond it a typo ("1:100000:100000") is likelier than intent.
inline constexpr std::size_t maxSweepTasks = 10'000'000;

// Builds the plan for a valid, simulatable topology. Fails with one message naming the
// parameter text that is wrong, a parameter given twice, or the point whose variant the
// validator or the simulator's readiness check refuses ("with www.ttl_s=-1: ...").
Checked<SweepPlan> planSweep(const Topology &topology, const SweepRequest &request);

} // namespace topolab::core
