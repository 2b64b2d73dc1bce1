#include "simreadiness.h"

namespace topolab::core {

std::string missingForSimulation(const Topology &topology)
{
    if (topology.clientGroups.empty()) {
        return "the topology has no client group, so nobody sends requests; add one, e.g.\n"
               "  traffic:\n"
               "    client_groups:\n"
               "      - {id: users, rate_rps: 100}";
    }
    if (topology.componentsOfKind(ComponentKind::Dns).empty()) {
        return "the topology has no dns component, so clients cannot find a load balancer; add "
               "one, e.g.\n"
               "  - {id: www, kind: dns}\n"
               "and link it to the load balancers ({from: www, to: lb-1})";
    }
    return {};
}

} // namespace topolab::core
