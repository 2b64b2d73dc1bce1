#pragma once

#include "core/deploy/deployunit.h"
#include "core/deploy/renderinputs.h"
#include "core/model/topology.h"

namespace topolab::core {

// What a deploy of `topology` puts on its hosts: one DeployUnit per component and host, in the
// file's component order, and what could not be rendered. A component whose host's root is not
// usable renders nothing and is named in the problems. So far: HAProxy for load balancers, the
// app servers' programs and environment, and BIND with the zone of each DNS name. On a host
// whose service manager is systemd, every service also brings its unit file.
RenderResult renderTopology(const Topology &topology, RenderInputs &inputs);

} // namespace topolab::core
