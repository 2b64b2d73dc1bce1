#include "dnszone.h"

#include "core/deploy/hostaddress.h"
#include "core/deploy/shellquote.h"
#include "namedconf.h"
#include "rendertext.h"

#include <cstdint>

namespace topolab::core {

namespace {

// FNV-1a: a stable hash of the records, for a serial that changes only when they do.
std::uint32_t recordsHash(const std::string &records)
{
    std::uint32_t hash = 2166136261u;
    for (char c : records) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619u;
    }
    return hash;
}

std::string addressRecord(const std::string &address)
{
    return (ipFamily(address) == IpFamily::V6 ? "AAAA\t" : "A\t") + address;
}

} // namespace

RenderResult renderDnsZone(const TopologyIndex &index, const Component &dns)
{
    const Topology &topology = index.topology();
    RenderResult result;
    std::string hostname = dns.params.text("hostname");
    while (!hostname.empty() && hostname.back() == '.')
        hostname.pop_back();
    if (!isHostName(hostname)) {
        result.problems.push_back(
            {dns.id, "dns '" + dns.id + "' has the host name '" + commentText(hostname)
                         + "', which is not a DNS name (letters, digits and hyphens in labels "
                           "separated by dots); fix its hostname"});
        return result;
    }
    const std::size_t dot = hostname.find('.');
    // www.example.com: the zone example.com, the name www in it.
    const std::string origin = dot == std::string::npos ? hostname : hostname.substr(dot + 1);
    const std::string owner = dot == std::string::npos ? "@" : hostname.substr(0, dot);
    const std::string ttl = std::to_string(dns.params.integer("ttl_s"));

    std::string records;
    const std::string nameServer = hostAddress(topology, dns.id);
    if (!ipFamily(nameServer)) {
        result.problems.push_back(
            {dns.id, "dns '" + dns.id
                         + "' serves its zone from its deploy host, which needs an "
                           "IP address: add {component: "
                         + dns.id + ", address: <IP>} to deploy.hosts"});
    }
    records += "ns1\tIN\t" + addressRecord(nameServer) + "\n";
    int published = 0;
    for (const Component *lb : index.targets(dns.id)) {
        if (lb->kind != ComponentKind::LoadBalancer)
            continue;
        if (dns.params.text("policy") == "active_standby" && published == 1)
            break;
        const std::string address = hostAddress(topology, lb->id);
        if (!ipFamily(address)) {
            result.problems.push_back({lb->id, "load balancer '" + lb->id
                                                   + "' has no IP address for the DNS record of "
                                                   + hostname + ": add {component: " + lb->id
                                                   + ", address: <IP>} to deploy.hosts"});
            continue;
        }
        records += owner + "\t" + ttl + "\tIN\t" + addressRecord(address) + "\t; " + lb->id + "\n";
        ++published;
    }
    if (published == 0 && result.problems.empty())
        result.problems.push_back(
            {dns.id, "dns '" + dns.id + "' points at no load balancer; link it to them"});

    const DeployTarget target = deployTarget(topology, dns.id);
    if (target.root.find('\\') != std::string::npos)
        result.problems.push_back(
            {dns.id,
             "dns '" + dns.id
                 + "' has a backslash in the root of its deploy host, which "
                   "BIND's configuration cannot carry in a path; choose a root without one"});
    if (!result.problems.empty())
        return result; // a zone with a record missing or unusable would mislead: none at all
    const std::uint32_t serial = recordsHash(records) % 2147483646u + 1;
    std::string zone
        = generatedHeader(";", topology.name, "DNS name " + dns.id + " (" + hostname + ")");
    if (dns.params.text("policy") == "geo")
        zone += "; The geo policy needs a provider that answers by the client's region; a plain\n"
                "; zone answers every client with every load balancer, as round robin does.\n";
    zone += "$ORIGIN " + origin + ".\n";
    zone += "$TTL " + ttl + "\n";
    zone += "@\tIN\tSOA\tns1." + origin + ". hostmaster." + origin + ". (\n";
    zone += "\t\t" + std::to_string(serial) + "\t; serial, from the records\n";
    zone += "\t\t3600\t; refresh\n\t\t600\t; retry\n\t\t604800\t; expire\n";
    zone += "\t\t" + ttl + " )\t; negative answers\n";
    zone += "@\tIN\tNS\tns1\n";
    zone += records;
    const std::string zonePath = namedZonePath(dns.id, origin);
    const std::string confPath = namedConfPath(dns.id);
    const int port = static_cast<int>(dns.params.integer("port"));
    DeployUnit unit{dns.id, target.host, {}, {}, {}, {}};
    unit.files.push_back(
        {zonePath, std::move(zone), 0644, false, {}, {"named-checkzone", origin, "{}"}});
    unit.files.push_back(
        {confPath,
         renderNamedConf(generatedHeader("//", topology.name, componentTitle(dns, "name server")),
                         dns.id, target, nameServer, port, origin),
         0644,
         false,
         {},
         {"named-checkconf", "{}"}});

    // named-checkconf changes into the working directory: it must exist before the check.
    const std::string directory = target.onHost(namedDirectory(dns.id));
    const std::string pidDirectory = target.onHost("/run/topolab");
    unit.tasks.push_back({"create the working directory of BIND",
                          shellCommand({"mkdir", "-p", "--", directory}),
                          namedDirectory(dns.id),
                          HostTask::When::BeforeFiles,
                          {},
                          30});
    unit.tasks.push_back({"create the directory of pid files",
                          shellCommand({"mkdir", "-p", "--", pidDirectory}),
                          "/run/topolab",
                          HostTask::When::BeforeServices,
                          {},
                          30});

    ServiceSpec service;
    service.name = "topolab-" + dns.id;
    service.description = "BIND serving " + hostname + " for " + componentTitle(dns, "dns");
    service.command = {"/usr/sbin/named", "-f", "-c", target.onHost(confPath)};
    service.reload = ServiceSpec::Reload::Signal;
    service.reloadSignal = SIGHUP;
    service.reloadOn = {zonePath};
    service.restartOn = {confPath};
    service.health.kind = HealthCheck::Kind::Tcp;
    service.health.address = nameServer;
    service.health.port = port;
    unit.services.push_back(std::move(service));
    result.units.push_back(std::move(unit));
    return result;
}

} // namespace topolab::core
