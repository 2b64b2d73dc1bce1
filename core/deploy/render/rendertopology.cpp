#include "rendertopology.h"

#include "dnszone.h"
#include "haproxyconfig.h"

namespace topolab::core {

RenderResult renderTopology(const Topology &topology)
{
    const TopologyIndex index(topology);
    RenderResult all;
    const auto add = [&all](RenderResult part) {
        for (RenderedFile &f : part.files)
            all.files.push_back(std::move(f));
        for (RenderProblem &p : part.problems)
            all.problems.push_back(std::move(p));
    };
    for (const Component &c : topology.components) {
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
