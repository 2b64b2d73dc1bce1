#pragma once

#include "incidentwindow.h"

#include "sim/model/modelspec.h"

#include <cstdint>

namespace topolab::sim {

// The master seed of every request-level run of one replication of the availability mode:
// streamSeed(model.seed, replication, "", "availability-replay"). Window k of the replication
// runs runReplication(windowModel(...), k + 1) on a model with this seed, and the failure-free
// baseline runs replication 0 of it, so every stream of every window is
// streamSeed(replaySeed, k + 1, component id, purpose): distinct across windows and
// replications, and a pure function of (model.seed, replication, window index).
std::uint64_t replaySeed(std::uint64_t modelSeed, int replication);

// The model with a constant rate where the profile is a one-off scenario feature (Steps,
// Spike); Daily is kept.
ModelSpec withoutScenarioProfiles(const ModelSpec &model);

// The model that replays `window`: the random and scheduled failures replaced by the window's
// outages as scheduled failures (at = outage start - window start, for its duration), the
// measured period the window's length after the model's own warm-up, one replication, the
// seed of replaySeed, a Daily profile shifted so that the window sees its own time of day (the
// horizon starts at the profile's time 0), Steps and Spike replaced by a constant rate.
ModelSpec windowModel(const ModelSpec &model, const IncidentWindow &window, int replication);

// The failure-free model of the quiet time: no failures at all, `duration` long (the
// scenario's duration when 0), the seed of replaySeed.
ModelSpec baselineModel(const ModelSpec &model, int replication, SimTime duration);

// Requests the client groups offer over [from, to) of the horizon at their nominal rates and
// profiles (Steps and Spike counted as constant): the expected count, exact for a Poisson
// process.
double expectedOffered(const ModelSpec &model, SimTime from, SimTime to);

} // namespace topolab::sim
