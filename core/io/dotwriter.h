#pragma once

#include "../model/topology.h"

#include <string>

namespace topolab::core {

// The topology as a Graphviz digraph: regions as clusters, one node style per kind, one edge
// style per link kind. Every id and label is quoted and escaped.
std::string writeDot(const Topology &topology);

} // namespace topolab::core
