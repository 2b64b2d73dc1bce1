#include "kernel.h"

namespace topolab::sim {

Kernel::Kernel(std::unique_ptr<FutureEventSet> events)
    : mEvents(std::move(events))
{
    if (!mEvents) {
        auto heap = std::make_unique<DefaultEventSet>();
        heap->reserve(1024);
        mHeap = heap.get();
        mEvents = std::move(heap);
    }
}

std::uint32_t Kernel::addHandler(EventHandler *handler)
{
    mHandlers.push_back(handler);
    return static_cast<std::uint32_t>(mHandlers.size() - 1);
}

bool Kernel::step(SimTime end)
{
    if (mEvents->empty() || mEvents->top().time > end)
        return false;
    dispatch(mHeap ? mHeap->pop() : mEvents->pop());
    return true;
}

bool Kernel::runUntil(SimTime end, SimObserver *observer)
{
    // Progress is reported every 2^16 events: often enough for a smooth bar, rare enough to
    // cost nothing.
    constexpr std::uint64_t reportMask = (1u << 16) - 1;
    const SimTime start = mNow;
    const double span = end > start ? static_cast<double>(end - start) : 1.0;
    bool stopped = false;
    if (mHeap) {
        while (!mHeap->empty() && mHeap->top().time <= end) {
            dispatch(mHeap->pop());
            if (observer && (mProcessed & reportMask) == 0) {
                observer->onProgress(static_cast<double>(mNow - start) / span);
                if (observer->stopRequested()) {
                    stopped = true;
                    break;
                }
            }
        }
    } else {
        while (!mEvents->empty() && mEvents->top().time <= end) {
            dispatch(mEvents->pop());
            if (observer && (mProcessed & reportMask) == 0) {
                observer->onProgress(static_cast<double>(mNow - start) / span);
                if (observer->stopRequested()) {
                    stopped = true;
                    break;
                }
            }
        }
    }
    if (stopped)
        return false;
    if (mNow < end)
        mNow = end;
    if (observer)
        observer->onProgress(1.0);
    return true;
}

} // namespace topolab::sim
