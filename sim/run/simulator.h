#pragma once

#include "sim/engine/simobserver.h"
#include "sim/model/modelspec.h"
#include "simulationresult.h"

namespace topolab::sim {

// Runs one replication on the calling thread. Its random streams derive from
// (model.seed, replication, component id), so a replication's result is the same whichever
// thread runs it and whatever else runs beside it.
ReplicationResult runReplication(const ModelSpec &model, int replication,
                                 SimObserver *observer = nullptr);

// Runs model.replications replications on `threads` worker threads and pools them in
// replication order, so the result is identical for any thread count. The observer's
// onProgress gets the share of all replications done and may be called from any worker
// (calls are serialised); state changes and samples are forwarded from replication 0 only.
SimulationResult runSimulation(const ModelSpec &model, int threads = 1,
                               SimObserver *observer = nullptr);

} // namespace topolab::sim
