#pragma once

#include "sim/model/modelspec.h"
#include "sim/run/simulationresult.h"

#include <string>

namespace topolab::core {

// The result for people: requests, availability, latency, failures by cause, data, incidents
// and the busiest components, as aligned text.
std::string simulationSummaryText(const sim::SimulationResult &result, const sim::ModelSpec &model);

} // namespace topolab::core
