#pragma once

#include "core/simulation/sweepplan.h"
#include "core/simulation/sweepqueue.h"
#include "sim/engine/simobserver.h"

#include <memory>
#include <string>
#include <utility>

namespace topolab::cli {

// Where a sweep's tasks run: this process's threads, or every process of an MPI job. Every
// process plans the same sweep from the same command line; rank 0 hands out the tasks, gathers
// the outcomes and writes the output, the others only run what they are given.
class SweepCluster
{
public:
    virtual ~SweepCluster() = default;

    virtual int rank() const = 0;
    virtual int size() const = 0;
    // Runs the queue's unfinished tasks, `threads` at a time in each process. On rank 0 it
    // returns once every task is finished, or with what went wrong (which process, which task);
    // on the other ranks it returns when rank 0 says the work is done. Empty = success.
    virtual std::string run(const core::SweepPlan &plan, core::SweepQueue &queue, int threads,
                            sim::SimObserver *progress)
        = 0;

    // What every process found before the work starts (0 = ready), gathered so that all of
    // them go on, or all stop: a process that cannot read the file must not leave the others
    // waiting for it. Returns {the worst code of any process, rank 0's code}.
    virtual std::pair<int, int> agree(int code) = 0;

    // Stops every process of the job at once, after rank 0 decided the run failed.
    virtual void abort(int exitCode) = 0;
};

// What rank 0 adds when the job is ended under it ("re-run ... to resume"); set before run().
void setInterruptedNote(std::string note);
const char *interruptedNote();

// An MPI job when Topolab was built with TOPOLAB_WITH_MPI and an MPI launcher (mpirun, srun)
// started this process; otherwise this process alone.
std::unique_ptr<SweepCluster> joinSweepCluster();

// This process alone, whatever launched it.
std::unique_ptr<SweepCluster> localSweepCluster();

} // namespace topolab::cli
