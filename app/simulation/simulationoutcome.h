#pragma once

#include "sim/availability/availabilityresult.h"
#include "sim/engine/simobserver.h"
#include "sim/model/modelspec.h"
#include "sim/run/simulationresult.h"

#include <QMetaType>

#include <memory>
#include <optional>
#include <vector>

namespace topolab::app {

// What one run of the simulator produced, with the input it ran, for the views that show it.
struct SimulationOutcome
{
    sim::ModelSpec model;
    sim::SimulationResult result; // result.cancelled when the run was stopped early
    // Replication 0's, in simulated time order: what a replay of the run shows.
    std::vector<sim::StateChange> changes;
    std::vector<sim::IntervalSample> samples;
    // Set when the run was the long-horizon availability mode (docs/availability.md): then it
    // holds the numbers, and `result` only says whether the run was cancelled.
    std::optional<sim::AvailabilityResult> availability;
};

} // namespace topolab::app

// Carried by queued signals between the simulating thread and the window.
Q_DECLARE_METATYPE(topolab::sim::IntervalSample)
Q_DECLARE_METATYPE(std::shared_ptr<const topolab::app::SimulationOutcome>)
