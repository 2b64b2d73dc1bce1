#pragma once

#include "analysisreport.h"

#include <nlohmann/json.hpp>

#include <string>

namespace topolab::core {

// The analysis for people (aligned sections) and for scripts (docs/format.md, "analyze --json").
std::string formatAnalysisText(const AnalysisReport &report, const Topology &topology);
nlohmann::ordered_json analysisToJson(const AnalysisReport &report);

} // namespace topolab::core
