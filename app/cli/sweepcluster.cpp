#include "sweepcluster.h"

#include "core/simulation/sweeprun.h"

#ifdef TOPOLAB_WITH_MPI
#include "mpi/mpisweepcluster.h"
#endif

#include <cstdlib>

namespace topolab::cli {

namespace {

class LocalCluster final : public SweepCluster
{
public:
    int rank() const override { return 0; }
    int size() const override { return 1; }

    std::string run(const core::SweepPlan &plan, core::SweepQueue &queue, int threads,
                    sim::SimObserver *progress) override
    {
        if (std::string failure = core::runSweepThreads(plan, queue, threads, progress);
            !failure.empty())
            return failure;
        if (!queue.allFinished())
            return "stopped after " + std::to_string(queue.finishedCount()) + " of "
                   + std::to_string(queue.size()) + " runs";
        return {};
    }

    std::pair<int, int> agree(int code) override { return {code, code}; }

    void abort(int exitCode) override { std::exit(exitCode); }
};

#ifdef TOPOLAB_WITH_MPI
// The variables the common launchers set in every process they start: Open MPI's mpirun, and
// Slurm's srun with PMI-2 or PMIx. Without one, this is a plain run: MPI_Init would start a
// singleton job for nothing.
bool launchedByMpi()
{
    for (const char *name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
        if (std::getenv(name))
            return true;
    return false;
}
#endif

std::string gInterruptedNote;

} // namespace

void setInterruptedNote(std::string note)
{
    gInterruptedNote = std::move(note);
}

const char *interruptedNote()
{
    return gInterruptedNote.c_str();
}

std::unique_ptr<SweepCluster> localSweepCluster()
{
    return std::make_unique<LocalCluster>();
}

std::unique_ptr<SweepCluster> joinSweepCluster()
{
#ifdef TOPOLAB_WITH_MPI
    if (launchedByMpi())
        return joinMpiSweepCluster();
#endif
    return localSweepCluster();
}

} // namespace topolab::cli
