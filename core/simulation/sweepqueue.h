#pragma once

#include "sweepoutcome.h"

#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace topolab::core {

// The tasks of a sweep, handed out one at a time to whoever asks next (a local thread, a remote
// process), and their outcomes, kept by task number so the pooled result does not depend on who
// ran what or when. A task whose runner was lost goes back to be handed out again. Thread-safe.
class SweepQueue
{
public:
    explicit SweepQueue(std::size_t tasks);

    // The lowest task not yet handed out (or given back), or nullopt when none is left.
    std::optional<std::size_t> take();
    // Records a task's outcome; an outcome for a task already finished is ignored (a task given
    // back and run twice gives the same numbers).
    void finish(std::size_t task, const SweepOutcome &outcome);
    // A task that was taken and will not be finished by whoever took it.
    void giveBack(std::size_t task);

    std::size_t size() const { return mOutcomes.size(); }
    std::size_t finishedCount() const;
    bool allFinished() const;
    bool isFinished(std::size_t task) const;
    // Hands out nothing more, e.g. after a task failed for good.
    void abandon();
    bool abandoned() const;

    // Called with every outcome finish() keeps, from the finishing thread, outside the queue's
    // lock (a checkpoint writes it down). Set it before the work starts.
    void onFinished(std::function<void(std::size_t, const SweepOutcome &)> hook)
    {
        mOnFinished = std::move(hook);
    }

    // In task order; every task must be finished.
    std::vector<SweepOutcome> outcomes() const;

private:
    mutable std::mutex mMutex;
    std::vector<std::optional<SweepOutcome>> mOutcomes;
    std::vector<bool> mTaken;
    std::vector<std::size_t> mGivenBack;
    std::size_t mNext = 0;
    std::size_t mFinished = 0;
    bool mAbandoned = false;
    std::function<void(std::size_t, const SweepOutcome &)> mOnFinished;
};

} // namespace topolab::core
