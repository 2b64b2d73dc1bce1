#pragma once

#include "../model/topology.h"

#include "sim/model/modelspec.h"

#include <cstdint>
#include <optional>

namespace topolab::core {

// Values given on the command line (or in a GUI run dialog) that win over the scenario section.
struct SimOverrides
{
    std::optional<double> durationS;
    std::optional<std::uint64_t> seed;
    std::optional<int> replications;
};

// Translates a topology into the simulator's input: every parameter read through its schema (so
// defaults apply), units converted to SimTime, links resolved to indices. Component order is
// file order, so a component's index (and its random streams) depends only on the file.
// The topology should be valid; references a valid file cannot have are left as sim::noIndex.
sim::ModelSpec buildSimModel(const Topology &topology, const SimOverrides &overrides = {});

// The rate profile of a client group's parameters (constant when it has none).
sim::RateProfile rateProfileOf(const ParamSet &clientGroup);

} // namespace topolab::core
