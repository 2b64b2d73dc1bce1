#pragma once

#include "core/deploy/deployunit.h"
#include "core/model/topologyindex.h"

namespace topolab::core {

// The zone file (BIND format, as `named-checkzone` reads it) that publishes DNS component
// `dns`: its host name with one A (or AAAA) record per load balancer it points at and the
// model's TTL, round robin by default; only the first load balancer for active_standby. The
// DNS component's own host serves the zone as its name server. The serial follows from the
// records, so an unchanged model renders byte for byte the same zone.
RenderResult renderDnsZone(const TopologyIndex &index, const Component &dns);

} // namespace topolab::core
