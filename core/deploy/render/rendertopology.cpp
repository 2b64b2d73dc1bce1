#include "rendertopology.h"

#include "core/deploy/hostaddress.h"
#include "dnszone.h"
#include "haproxyconfig.h"

namespace topolab::core {

RenderResult renderTopology(const Topology &topology, RenderInputs &inputs)
{
    (void)inputs;
    const TopologyIndex index(topology);
    RenderResult all;
    const auto add = [&all](RenderResult part) {
        for (DeployUnit &u : part.units)
            all.units.push_back(std::move(u));
        for (RenderProblem &p : part.problems)
            all.problems.push_back(std::move(p));
    };
    for (const Component &c : topology.components) {
        if (const auto problem = rootProblem(deployTarget(topology, c.id).root)) {
            all.problems.push_back(
                {c.id, "the deploy host of '" + c.id + "' cannot hold its files: " + *problem
                           + "; give it an absolute directory as root (\"/\" by default)"});
            continue;
        }
        switch (c.kind) {
        case ComponentKind::LoadBalancer:
            add(renderHaproxyConfig(index, c));
            break;
        case ComponentKind::Dns:
            add(renderDnsZone(index, c));
            break;
        default:
            break;
        }
    }
    return all;
}

} // namespace topolab::core
