#pragma once

#include "core/deploy/deployunit.h"
#include "core/model/topologyindex.h"

namespace topolab::core {

// Where a load balancer's HAProxy reads its configuration.
inline constexpr const char *haproxyConfigPath = "/etc/haproxy/haproxy.cfg";

// The HAProxy configuration of load balancer `lb`: a frontend on its port and a backend of the
// app servers it links to, with the numbers the simulator uses (balance algorithm, `check inter
// fall rise`, retries, redispatch, connect and server timeouts, per-server maxconn). Health
// checks ask the app for `GET /health`. The unit runs it as the service `topolab-<id>`
// (master-worker, reloaded by SIGUSR2 when the configuration changes).
RenderResult renderHaproxyConfig(const TopologyIndex &index, const Component &lb);

} // namespace topolab::core
