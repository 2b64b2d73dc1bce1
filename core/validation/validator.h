#pragma once

#include "../io/diagnostic.h"
#include "../io/sourcemap.h"
#include "../model/topology.h"

#include <string_view>
#include <vector>

namespace topolab::core {

// The semantic checks derived from the reference architecture (docs/format.md lists them).
// Returns findings sorted by location, then code; locations come from `sources` when given.
std::vector<Diagnostic> validateTopology(const Topology &topology,
                                         const SourceMap *sources = nullptr);

struct ValidationRuleInfo
{
    std::string_view code;
    Severity severity;
    std::string_view summary;
};

// Every code validateTopology can report, for documentation and the GUI's help.
const std::vector<ValidationRuleInfo> &validationRules();

} // namespace topolab::core
