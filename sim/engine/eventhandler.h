#pragma once

#include "event.h"

namespace topolab::sim {

// Anything that receives events from the kernel: a component model, a client group, a detector.
// A virtual call per event instead of a stored callable keeps the event record small and the
// dispatch free of allocation.
class EventHandler
{
public:
    virtual ~EventHandler() = default;
    virtual void handleEvent(const Event &event) = 0;
};

} // namespace topolab::sim
