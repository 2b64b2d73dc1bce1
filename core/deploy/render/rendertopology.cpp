#include "rendertopology.h"

#include "backupjob.h"
#include "core/deploy/hostaddress.h"
#include "dnszone.h"
#include "haproxyconfig.h"
#include "postgres.h"
#include "tinc.h"

namespace topolab::core {

RenderResult renderTopology(const Topology &topology, RenderInputs &inputs)
{
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
        case ComponentKind::Database:
            add(renderPostgres(index, c, inputs));
            break;
        case ComponentKind::Backup:
            add(renderBackupJob(index, c, inputs));
            break;
        case ComponentKind::Vpn:
            add(renderTinc(index, c, inputs));
            break;
        default:
            break;
        }
    }
    return all;
}

} // namespace topolab::core
