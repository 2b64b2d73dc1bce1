#pragma once

#include "sim/model/modelspec.h"
#include "sim/run/simulationresult.h"

#include <nlohmann/json.hpp>

#include <string>

namespace topolab::core {

// The result for scripts (SPEC §4, docs/simulation.md). Every number is rounded by a fixed rule,
// and everything outside the final `engine` object depends only on the model and the seed, so
// the bytes are the same whatever the thread count.
nlohmann::ordered_json simulationResultJson(const sim::SimulationResult &result,
                                            const sim::ModelSpec &model);

// The time series as CSV: t_s,ok,failed,p99_ms,stale_share,replication_lag_s, then one column
// per failure cause; one row per bucket.
std::string simulationCsv(const sim::SimulationResult &result);

} // namespace topolab::core
