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
    const DeployTarget target = deployTarget(topology, lb.id);
    DeployUnit unit{lb.id, target.host, {}, {}, {}, {}};
    std::string cfg = generatedHeader("#", topology.name, componentTitle(lb, "load balancer"));
    // maxconn costs about two descriptors each: 4096 stays within the usual limits.
    cfg += "global\n"
           "    log stdout format raw local0\n"
           "    maxconn 4096\n"
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
        if (!isHostNameOrAddress(address)) {
            result.problems.push_back(
                {app->id, "app server '" + app->id + "' has the address '" + commentText(address)
                              + "' in deploy.hosts, which is neither a host name nor an IP "
                                "address; fix it"});
            continue;
        }
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

    // Master-worker in the foreground: SIGUSR2 makes the master start new workers on the new
    // configuration while the old ones finish their connections (a hitless reload).
    ServiceSpec service;
    service.name = "topolab-" + lb.id;
    service.description = "HAProxy of " + componentTitle(lb, "load balancer");
    service.command = {"/usr/sbin/haproxy", "-W", "-db", "-f", target.onHost(haproxyConfigPath)};
    service.reload = ServiceSpec::Reload::Signal;
    service.reloadSignal = SIGUSR2;
    service.reloadOn = {haproxyConfigPath};
    // /health goes through the frontend to an app server: the check passes when HAProxy
    // listens and reaches at least one of them.
    service.health.kind = HealthCheck::Kind::Http;
    service.health.port = static_cast<int>(p.integer("port"));
    service.health.path = "/health";
    unit.services.push_back(std::move(service));
    result.units.push_back(std::move(unit));
    return result;
}

} // namespace topolab::core
