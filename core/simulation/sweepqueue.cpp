#include "sweepqueue.h"

#include <algorithm>

namespace topolab::core {

SweepQueue::SweepQueue(std::size_t tasks)
    : mOutcomes(tasks)
    , mTaken(tasks, false)
{
}

std::optional<std::size_t> SweepQueue::take()
{
    std::lock_guard lock(mMutex);
    if (mAbandoned)
        return std::nullopt;
    // Given-back tasks first, lowest number first: a lost task should not wait for the rest.
    while (!mGivenBack.empty()) {
        const auto lowest = std::min_element(mGivenBack.begin(), mGivenBack.end());
        const std::size_t task = *lowest;
        mGivenBack.erase(lowest);
        if (!mOutcomes[task]) {
            mTaken[task] = true;
            return task;
        }
    }
    while (mNext < mOutcomes.size() && (mTaken[mNext] || mOutcomes[mNext]))
        ++mNext;
    if (mNext == mOutcomes.size())
        return std::nullopt;
    mTaken[mNext] = true;
    return mNext++;
}

void SweepQueue::finish(std::size_t task, const SweepOutcome &outcome)
{
    {
        std::lock_guard lock(mMutex);
        if (task >= mOutcomes.size() || mOutcomes[task])
            return;
        mOutcomes[task] = outcome;
        mTaken[task] = true;
        ++mFinished;
    }
    if (mOnFinished)
        mOnFinished(task, outcome);
}

void SweepQueue::giveBack(std::size_t task)
{
    std::lock_guard lock(mMutex);
    if (task < mOutcomes.size() && !mOutcomes[task])
        mGivenBack.push_back(task);
}

std::size_t SweepQueue::finishedCount() const
{
    std::lock_guard lock(mMutex);
    return mFinished;
}

bool SweepQueue::allFinished() const
{
    std::lock_guard lock(mMutex);
    return mFinished == mOutcomes.size();
}

bool SweepQueue::isFinished(std::size_t task) const
{
    std::lock_guard lock(mMutex);
    return task < mOutcomes.size() && mOutcomes[task].has_value();
}

void SweepQueue::abandon()
{
    std::lock_guard lock(mMutex);
    mAbandoned = true;
}

bool SweepQueue::abandoned() const
{
    std::lock_guard lock(mMutex);
    return mAbandoned;
}

std::vector<SweepOutcome> SweepQueue::outcomes() const
{
    std::lock_guard lock(mMutex);
    std::vector<SweepOutcome> out;
    out.reserve(mOutcomes.size());
    for (const auto &o : mOutcomes)
        out.push_back(o.value_or(SweepOutcome{}));
    return out;
}

} // namespace topolab::core
