#pragma once

#include "sim/availability/availabilityresult.h"
#include "sim/model/modelspec.h"

#include <nlohmann/json.hpp>

#include <string>

namespace topolab::core {

// The result of the availability mode for scripts (docs/availability.md): snake_case keys with
// units in their names; every interval carries the number of component failures behind it.
// Everything outside the final `engine` object depends only on the model, the options and the
// seed, so the bytes are the same whatever the thread count.
nlohmann::ordered_json availabilityResultJson(const sim::AvailabilityResult &result,
                                              const sim::ModelSpec &model);

// The same for people: availability, minutes down per year and failed requests per year, each
// with its interval and failure count, the components' failures and the worst windows.
std::string availabilitySummaryText(const sim::AvailabilityResult &result,
                                    const sim::ModelSpec &model);

} // namespace topolab::core
