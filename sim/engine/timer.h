#pragma once

#include "kernel.h"

namespace topolab::sim {

// A restartable timeout (health check, detection deadline, connect timeout) that can be cancelled
// in O(1): the pending event stays in the queue but carries the timer's generation, and a stale
// generation is dropped when it arrives. No search of the queue, no tombstones.
class Timer
{
public:
    void arm(Kernel &kernel, SimTime at, std::uint32_t target, std::uint16_t tag)
    {
        ++mGeneration;
        mArmed = true;
        mAt = at;
        kernel.schedule(at, target, mGeneration, tag);
    }

    void cancel()
    {
        ++mGeneration;
        mArmed = false;
    }

    bool armed() const { return mArmed; }
    SimTime expiry() const { return mAt; }

    // True, once, for the event of the current arming; false for a cancelled or re-armed one.
    bool fires(const Event &event)
    {
        if (!mArmed || event.arg != mGeneration)
            return false;
        mArmed = false;
        return true;
    }

private:
    std::uint32_t mGeneration = 0;
    bool mArmed = false;
    SimTime mAt = 0;
};

} // namespace topolab::sim
