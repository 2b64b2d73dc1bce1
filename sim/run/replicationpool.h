#pragma once

#include "sim/engine/simobserver.h"

#include <functional>

namespace topolab::sim {

// One replication's work: run replication `replication`, reporting to `observer` (null when the
// caller gave none).
using ReplicationJob = std::function<void(int replication, SimObserver *observer)>;

// Runs replications 0 .. count-1 on up to `threads` worker threads, each taking the next one
// when it is free; the jobs store their own results, so their order does not depend on the
// threads. The caller's observer gets onProgress as the share of all replications done
// (serialised across workers), state changes and samples from replication 0 only (the one a
// front end replays), and is asked for stopRequested by every job. Returns the workers used.
int runReplicationPool(int count, int threads, SimObserver *observer, const ReplicationJob &job);

} // namespace topolab::sim
