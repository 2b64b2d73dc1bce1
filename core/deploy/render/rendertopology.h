#pragma once

#include "core/deploy/renderedfile.h"
#include "core/model/topology.h"

namespace topolab::core {

// Every file a deploy of `topology` writes, host by host in the file's component order, and what
// could not be rendered. So far: HAProxy for load balancers and the zone of each DNS name.
RenderResult renderTopology(const Topology &topology);

} // namespace topolab::core
