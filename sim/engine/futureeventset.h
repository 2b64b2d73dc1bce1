#pragma once

#include "event.h"

#include <cstddef>

namespace topolab::sim {

// The pending events of a run, handed out earliest first by (time, sequence). An interface so a
// simple reference implementation can check that results do not depend on the queue.
class FutureEventSet
{
public:
    virtual ~FutureEventSet() = default;
    virtual void push(const Event &event) = 0;
    // Removes and returns the earliest event; the set must not be empty.
    virtual Event pop() = 0;
    virtual const Event &top() const = 0;
    virtual std::size_t size() const = 0;
    bool empty() const { return size() == 0; }
    virtual void clear() = 0;
};

} // namespace topolab::sim
