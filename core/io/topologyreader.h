#pragma once

#include "../model/topology.h"
#include "diagnostic.h"
#include "sourcemap.h"

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace topolab::core {

// The outcome of reading a file: the topology, or every error found, each with its place.
struct LoadResult
{
    std::optional<Topology> topology; // present only when the file has no errors
    SourceMap sources;
    std::vector<Diagnostic> diagnostics; // errors, each with its line and column
    bool unreadable = false;             // the file itself could not be read

    bool ok() const { return topology.has_value(); }
};

// Reads a *.topolab.yaml text (docs/format.md). Never throws and never crashes on bad input:
// every problem becomes a located diagnostic.
LoadResult readTopology(std::string_view text);
LoadResult loadTopologyFile(const std::filesystem::path &path);

} // namespace topolab::core
