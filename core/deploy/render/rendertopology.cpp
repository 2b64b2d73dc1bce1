#include "rendertopology.h"

#include "appserverunit.h"
#include "backupjob.h"
#include "core/deploy/hostaddress.h"
#include "dnszone.h"
#include "haproxyconfig.h"
#include "postgres.h"
#include "rendertext.h"
#include "systemdunit.h"
#include "tinc.h"

namespace topolab::core {

namespace {

// Under systemd every service comes with its unit file, and a change of that file restarts it.
void addSystemdUnits(const Topology &topology, DeployUnit &unit, RenderResult &all)
{
    const DeployTarget target = deployTarget(topology, unit.host);
    if (target.serviceManager != "systemd")
        return;
    for (ServiceSpec &service : unit.services) {
        // An empty command comes with the renderer's own problem.
        const std::string program = service.command.empty() ? "" : service.command.front();
        if (const auto problem = systemdProgramProblem(program); problem && !program.empty()) {
            all.problems.push_back(
                {unit.component, "the service " + service.name + " of '" + unit.component
                                     + "' cannot run under systemd: " + *problem + " ("
                                     + commentText(program)
                                     + "); choose another root, file name or command"});
        }
        const std::string path = systemdUnitPath(service);
        unit.files.push_back(
            {path, renderSystemdUnit(service, target, topology.name), 0644, false, {}, {}});
        service.restartOn.push_back(path);
    }
}

} // namespace

RenderResult renderTopology(const Topology &topology, RenderInputs &inputs)
{
    const TopologyIndex index(topology);
    RenderResult all;
    const auto add = [&](RenderResult part) {
        for (DeployUnit &u : part.units) {
            addSystemdUnits(topology, u, all);
            all.units.push_back(std::move(u));
        }
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
        case ComponentKind::AppServer:
            add(renderAppServer(index, c, inputs));
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
