#pragma once

#include "sweepplan.h"
#include "sweepqueue.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace topolab::core {

// A file that keeps each finished run of a sweep as it finishes, so that a sweep whose job
// ended early (a process died, the scheduler's time ran out) starts again where it stopped:
// run the same command with the same --checkpoint, and only the missing runs run. The outcomes
// read back bit for bit, so the final output is the same bytes as that of an uninterrupted run.
//
// Format: a first line "topolab-sweep-checkpoint 1 FINGERPRINT", then one line per run,
// "TASK<TAB>OUTCOME" (encodeOutcome). A line cut short by a crash is dropped.
class SweepCheckpoint
{
public:
    ~SweepCheckpoint();
    SweepCheckpoint(const SweepCheckpoint &) = delete;
    SweepCheckpoint &operator=(const SweepCheckpoint &) = delete;

    // Opens or creates `path` for the sweep with `fingerprint`, and finishes in `queue` every run
    // the file already holds. Fails, saying what to do, when the file belongs to another sweep,
    // is not a checkpoint, or cannot be written.
    static Checked<std::unique_ptr<SweepCheckpoint>>
    open(const std::string &path, const std::string &fingerprint, SweepQueue &queue);

    // How many runs came from the file.
    std::size_t resumed() const { return mResumed; }

    // Appends one finished run; safe from any thread. Data reach the disk at most a second
    // later (and at close): a crash loses at most the last second's runs, which then run again.
    // Returns an error message, or empty.
    std::string record(std::size_t task, const SweepOutcome &outcome);

private:
    SweepCheckpoint(int fd, std::string path, std::size_t resumed);

    int mFd;
    std::string mPath;
    std::size_t mResumed;
    std::mutex mMutex;
    std::chrono::steady_clock::time_point mLastSync;
};

// Names one sweep: the topology file's text and everything the plan was made of (parameters and
// values, replications, seed, duration or years). Stable across runs and machines.
std::string sweepFingerprint(std::string_view fileText, const SweepPlan &plan);

} // namespace topolab::core
