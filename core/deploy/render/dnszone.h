#pragma once

#include "core/deploy/deployunit.h"
#include "core/model/topologyindex.h"

namespace topolab::core {

// The zone file (BIND format, as `named-checkzone` reads it) that publishes DNS component
// `dns`: its host name with one A (or AAAA) record per load balancer it points at and the
// model's TTL, round robin by default; only the first load balancer for active_standby. The
// DNS component's own host serves the zone as its name server. The serial follows from the
// records, so an unchanged model renders byte for byte the same zone. The unit holds the zone
// and a named.conf under /etc/topolab/bind/<id>/, the tasks that create BIND's working and pid
// directories, and the service `topolab-<id>` running named in the foreground on the host's
// address and the component's port, reloaded by SIGHUP when the zone changes.
RenderResult renderDnsZone(const TopologyIndex &index, const Component &dns);

} // namespace topolab::core
