#pragma once

#include "../model/topology.h"

#include <string>

namespace topolab::core {

// What a valid topology still lacks before it can be simulated (nobody sending requests, nothing
// telling clients where to go), as one message with what to add; empty when nothing is lacking.
// The command line and the designer refuse a run with it.
std::string missingForSimulation(const Topology &topology);

} // namespace topolab::core
