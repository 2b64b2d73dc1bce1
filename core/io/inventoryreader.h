#pragma once

#include "../model/topology.h"
#include "diagnostic.h"

#include <filesystem>
#include <optional>
#include <vector>

namespace topolab::core {

// An inventory file (`--inventory INV`) holds a `deploy:` section on its own, in the topology
// file's format, so the same drawing deploys to test and production hosts. Its hosts replace the
// topology's deploy section. Every entry is checked as in a topology file (unknown keys, types,
// ranges, components that do not exist), each problem with its line and column.
struct InventoryResult
{
    std::optional<Topology> topology; // `base` with the inventory's hosts; absent on errors
    std::vector<Diagnostic> diagnostics;
};

InventoryResult readInventory(std::string_view text, const Topology &base);
InventoryResult loadInventoryFile(const std::filesystem::path &path, const Topology &base);

} // namespace topolab::core
