#include "dnszone.h"

#include "core/deploy/hostaddress.h"
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
    DeployUnit unit{dns.id, deployTarget(topology, dns.id).host, {}, {}, {}, {}};
    unit.files.push_back({"/etc/bind/db." + origin,
                          std::move(zone),
                          0644,
                          false,
                          {},
                          {"named-checkzone", origin, "{}"}});
    result.units.push_back(std::move(unit));
    return result;
}

} // namespace topolab::core
