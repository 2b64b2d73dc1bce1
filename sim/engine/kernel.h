#pragma once

#include "daryheap.h"
#include "eventhandler.h"
#include "simobserver.h"

#include <memory>
#include <vector>

namespace topolab::sim {

// The default future-event set. A binary heap measured fastest of the d-ary heaps at every size
// that matters here (tests/bench/bench_kernel: hold model at 16 to 1M pending events).
using DefaultEventSet = DaryHeap<2>;

// The event loop: owns the future-event set and the clock, hands each event to its handler in
// (time, sequence) order. Knows nothing about requests or components.
class Kernel
{
public:
    // The default set is DefaultEventSet; pass another to check that results do not depend on it.
    explicit Kernel(std::unique_ptr<FutureEventSet> events = {});

    Kernel(const Kernel &) = delete;
    Kernel &operator=(const Kernel &) = delete;

    SimTime now() const { return mNow; }
    std::uint64_t eventsProcessed() const { return mProcessed; }
    std::size_t pending() const { return mEvents->size(); }

    // Registers a handler and returns the target id its events carry.
    std::uint32_t addHandler(EventHandler *handler);

    // Schedules an event at an absolute time, never earlier than now.
    void schedule(SimTime at, std::uint32_t target, std::uint32_t arg = 0, std::uint16_t tag = 0)
    {
        Event event;
        event.time = at < mNow ? mNow : at;
        event.order = (mNextSequence++ << Event::tagBits) | tag;
        event.target = target;
        event.arg = arg;
        if (mHeap)
            mHeap->push(event);
        else
            mEvents->push(event);
    }

    void scheduleIn(SimTime delay, std::uint32_t target, std::uint32_t arg = 0,
                    std::uint16_t tag = 0)
    {
        schedule(delay >= simTimeMax - mNow ? simTimeMax : mNow + delay, target, arg, tag);
    }

    // Runs every event with time <= end, then sets the clock to end. Reports progress towards
    // `end` to the observer, which may stop the run; returns false when it did.
    bool runUntil(SimTime end, SimObserver *observer = nullptr);

    // Processes exactly one event if there is one at or before `end`; for tests and stepping.
    bool step(SimTime end);

private:
    void dispatch(const Event &event)
    {
        mNow = event.time;
        ++mProcessed;
        mHandlers[event.target]->handleEvent(event);
    }

    std::unique_ptr<FutureEventSet> mEvents;
    DefaultEventSet *mHeap = nullptr; // the default set, called without virtual dispatch
    std::vector<EventHandler *> mHandlers;
    SimTime mNow = 0;
    std::uint64_t mNextSequence = 0;
    std::uint64_t mProcessed = 0;
};

} // namespace topolab::sim
