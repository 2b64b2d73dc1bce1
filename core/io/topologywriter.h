#pragma once

#include "../model/topology.h"

#include <filesystem>
#include <string>

namespace topolab::core {

// The file text of a topology: stable (same model, same bytes), one line per element, only the
// parameters written explicitly, in schema order. readTopology(writeTopology(t)) == t.
std::string writeTopology(const Topology &topology);

// Writes the topology atomically (see atomicfile.h). Returns an error message, or empty.
std::string saveTopologyFile(const Topology &topology, const std::filesystem::path &path);

} // namespace topolab::core
