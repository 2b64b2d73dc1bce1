#pragma once

#include "../sweepcluster.h"

#include <memory>

namespace topolab::cli {

// Joins the MPI job that launched this process (MPI_Init); the job ends (MPI_Finalize) when the
// returned cluster is destroyed. Rank 0 hands out tasks one at a time to whichever process asks
// next and runs tasks on its own threads meanwhile; every other rank runs what it is given,
// `threads` at a time, until told there is nothing left.
std::unique_ptr<SweepCluster> joinMpiSweepCluster();

} // namespace topolab::cli
