#pragma once

#include "core/model/topology.h"

#include <set>
#include <string>

namespace topolab::app {

// Finds free ids for new elements of a topology. An id is taken when a component, region or
// client group has it, or when this allocator handed it out already, so several new elements
// (a paste) get distinct ids. Holds a reference to the topology and the ids it handed out.
class IdAllocator
{
public:
    explicit IdAllocator(const core::Topology &topology);

    bool isTaken(const std::string &id) const;
    // `base` made valid (other characters become '-') when it is free, else the next number of
    // its family: app-1 → app-4 when app-1 to app-3 exist, www → www-2.
    std::string peek(const std::string &base) const;
    // The same, and reserves the id.
    std::string allocate(const std::string &base);

private:
    const core::Topology &mTopology;
    std::set<std::string> mHandedOut;
};

} // namespace topolab::app
