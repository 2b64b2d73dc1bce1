#include "haproxyconfig.h"

#include "core/deploy/hostaddress.h"
#include "rendertext.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace topolab::core {

namespace {

// HAProxy reads times as whole numbers with a unit: a fraction of a millisecond rounds up, so
// a timeout is never shorter than the model's.
std::string milliseconds(double ms)
{
    return std::to_string(static_cast<long long>(std::ceil(std::max(0.0, ms)))) + "ms";
}

} // namespace

RenderResult renderHaproxyConfig(const TopologyIndex &index, const Component &lb)
{
    const Topology &topology = index.topology();
    const ParamSet &p = lb.params;
    RenderResult result;
    DeployUnit unit{lb.id, deployTarget(topology, lb.id).host, {}, {}, {}, {}};
    std::string cfg = generatedHeader("#", topology.name, "load balancer " + lb.id);
    cfg += "global\n"
           "    log stdout format raw local0\n"
           "    maxconn 20000\n"
           "\n"
           "defaults\n"
           "    mode http\n"
           "    log global\n"
           "    option httplog\n";
    cfg += "    timeout connect " + milliseconds(p.number("connect_timeout_ms")) + "\n";
    cfg += "    timeout client 30s\n";
    cfg += "    timeout server " + milliseconds(p.number("server_timeout_ms")) + "\n";
    cfg += "    retries " + std::to_string(p.integer("retries")) + "\n";
    if (p.boolean("redispatch"))
        cfg += "    option redispatch\n";
    cfg += "\nfrontend " + lb.id + "\n";
    cfg += "    bind :" + std::to_string(p.integer("port")) + "\n";
    cfg += "    default_backend app-servers\n";
    cfg += "\nbackend app-servers\n";
    cfg += "    balance " + p.text("algorithm") + "\n";
    cfg += "    option httpchk GET /health\n";
    const std::string check = " check inter " + milliseconds(p.number("health_check.inter_ms"))
                              + " fall " + std::to_string(p.integer("health_check.fall")) + " rise "
                              + std::to_string(p.integer("health_check.rise"));
    const std::int64_t maxconn = p.integer("maxconn");
    int servers = 0;
    for (const Component *app : index.targets(lb.id)) {
        if (app->kind != ComponentKind::AppServer)
            continue;
        std::string address = hostAddress(topology, app->id);
        if (ipFamily(address) == IpFamily::V6)
            address = "[" + address + "]";
        cfg += "    server " + app->id + " " + address + ":"
               + std::to_string(app->params.integer("port")) + check;
        if (maxconn > 0)
            cfg += " maxconn " + std::to_string(maxconn);
        cfg += "\n";
        ++servers;
    }
    if (servers == 0)
        result.problems.push_back(
            {lb.id, "load balancer '" + lb.id
                        + "' forwards to no app server; link it to the app servers of its region"});
    unit.files.push_back(
        {haproxyConfigPath, std::move(cfg), 0644, false, {}, {"haproxy", "-c", "-q", "-f", "{}"}});
    result.units.push_back(std::move(unit));
    return result;
}

} // namespace topolab::core
