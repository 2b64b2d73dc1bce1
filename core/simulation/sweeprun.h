#pragma once

#include "sweepoutcome.h"
#include "sweepplan.h"
#include "sweepqueue.h"

#include "sim/engine/simobserver.h"

#include <string>

namespace topolab::core {

// Runs one task on the calling thread. Its result depends only on the plan and the task, never
// on which thread or process runs it. The observer (may be null) can stop it; a stopped task's
// outcome is not to be used.
SweepOutcome runSweepTask(const SweepPlan &plan, SweepTask task,
                          sim::SimObserver *observer = nullptr);

// Runs tasks taken from `queue` on `threads` threads until none is left to take, then returns
// (tasks others have taken may still be running elsewhere). The observer gets onProgress with
// the share of the queue finished and can stop the run between and within tasks; calls to it
// are serialised. A task that throws abandons the queue; the first such failure is returned,
// naming the run, its point and replication (empty when none failed).
// "run 7 (point 2, Record TTL 60 s, replication 4) failed: WHAT".
std::string describeFailedTask(const SweepPlan &plan, std::size_t index, const char *what);

std::string runSweepThreads(const SweepPlan &plan, SweepQueue &queue, int threads,
                            sim::SimObserver *observer = nullptr);

} // namespace topolab::core
