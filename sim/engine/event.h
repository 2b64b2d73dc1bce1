#pragma once

#include "simtime.h"

#include <cstdint>

namespace topolab::sim {

// One entry of the future-event set: 24 bytes, no heap allocation, no callable. `target` names
// the handler registered with the kernel, `arg` and `tag` are the handler's own (a request slot,
// an event type, a timer generation). Events are ordered by (time, sequence): the sequence is the
// order of scheduling, so simultaneous events run in a fixed order whatever the queue.
struct Event
{
    SimTime time = 0;
    std::uint64_t order = 0; // sequence << tagBits | tag; the sequence alone decides ties
    std::uint32_t target = 0;
    std::uint32_t arg = 0;

    static constexpr int tagBits = 16;

    std::uint64_t sequence() const { return order >> tagBits; }
    std::uint16_t tag() const { return static_cast<std::uint16_t>(order); }

    // True when this event must run before `other`.
    bool before(const Event &other) const
    {
        return time < other.time || (time == other.time && order < other.order);
    }
};

static_assert(sizeof(Event) == 24, "keep the event record compact");

} // namespace topolab::sim
