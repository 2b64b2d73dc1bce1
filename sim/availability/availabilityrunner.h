#pragma once

#include "availabilityresult.h"

#include "sim/engine/simobserver.h"
#include "sim/model/modelspec.h"

namespace topolab::sim {

// The long-horizon availability mode (docs/availability.md): the components' random failures
// over `options.years` as up/down processes, each incident window replayed by the request-level
// simulator, the quiet time between windows counted from a failure-free baseline run.
//
// Runs replication `replication` on the calling thread. Self-contained and deterministic: the
// same model, options and replication give the same result bit for bit (wallSeconds aside),
// whichever thread or process runs it. The observer gets the replication's progress in [0, 1]
// and may stop it (the result is then marked cancelled); it is never shown state changes.
// Scheduled failures (model.failures) are not part of this mode and are ignored.
AvailabilityReplication runAvailabilityReplication(const ModelSpec &model,
                                                   const AvailabilityOptions &options,
                                                   int replication,
                                                   SimObserver *observer = nullptr);

// Runs options.replications (or model.replications) replications on `threads` worker threads
// and pools them in replication order, so the result is identical for any thread count.
// onProgress gets the share of all replications done (calls serialised across workers);
// stopRequested is polled between and within windows.
AvailabilityResult runAvailability(const ModelSpec &model, const AvailabilityOptions &options,
                                   int threads = 1, SimObserver *observer = nullptr);

// Pools finished replications (in the order given) into one result.
AvailabilityResult poolAvailability(const ModelSpec &model, const AvailabilityOptions &options,
                                    std::vector<AvailabilityReplication> runs);

} // namespace topolab::sim
