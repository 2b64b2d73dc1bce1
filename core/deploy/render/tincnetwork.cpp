#include "tincnetwork.h"

#include "core/deploy/hostaddress.h"
#include "rendertext.h"

#include <arpa/inet.h>

#include <cstdint>
#include <optional>
#include <set>

namespace topolab::core {

namespace {

// tinc's netname names a directory and the network interface: letters, digits, '_' and '-',
// at most 15 characters (the kernel's limit for an interface name).
bool validNetworkName(const std::string &name)
{
    if (name.empty() || name.size() > 15)
        return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '_' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

struct Subnet
{
    std::uint32_t base = 0; // host order, host bits cleared
    int prefixLength = 0;
};

// "10.99.0.0/24": an IPv4 network of /8 to /30.
std::optional<Subnet> parseSubnet(const std::string &text)
{
    const std::size_t slash = text.find('/');
    if (slash == std::string::npos || slash + 1 >= text.size() || text.size() - slash > 3)
        return std::nullopt;
    in_addr address{};
    if (inet_pton(AF_INET, text.substr(0, slash).c_str(), &address) != 1)
        return std::nullopt;
    int length = 0;
    for (std::size_t i = slash + 1; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        length = length * 10 + (text[i] - '0');
    }
    if (length < 8 || length > 30)
        return std::nullopt;
    const std::uint32_t mask = ~std::uint32_t(0) << (32 - length);
    return Subnet{ntohl(address.s_addr) & mask, length};
}

std::string ipv4Text(std::uint32_t hostOrder)
{
    return std::to_string(hostOrder >> 24) + "." + std::to_string((hostOrder >> 16) & 255) + "."
           + std::to_string((hostOrder >> 8) & 255) + "." + std::to_string(hostOrder & 255);
}

std::string nodeName(const std::string &id)
{
    std::string node;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '_';
        node += ok ? c : '_';
    }
    return node;
}

bool linkedWith(const TopologyIndex &index, const Component &vpn, const Component &c)
{
    for (const Component *t : index.targets(vpn.id)) {
        if (t == &c)
            return true;
    }
    for (const Component *s : index.sources(vpn.id)) {
        if (s == &c)
            return true;
    }
    return false;
}

} // namespace

const TincMember *TincNetwork::member(std::string_view databaseId) const
{
    for (const TincMember &m : members) {
        if (m.database->id == databaseId)
            return &m;
    }
    return nullptr;
}

TincNetwork tincNetwork(const TopologyIndex &index, const Component &vpn)
{
    const Topology &topology = index.topology();
    TincNetwork network;
    network.name = vpn.params.text("network");
    if (!validNetworkName(network.name)) {
        network.problems.push_back(
            {vpn.id, "vpn '" + vpn.id + "' has the network name '" + commentText(network.name)
                         + "', which tinc cannot use as a directory and interface name; use 1 to "
                           "15 letters, digits, '_' or '-'"});
    }
    const std::string &subnetText = vpn.params.text("subnet");
    const std::optional<Subnet> subnet = parseSubnet(subnetText);
    if (!subnet) {
        network.problems.push_back(
            {vpn.id, "vpn '" + vpn.id + "' has the subnet '" + commentText(subnetText)
                         + "', which is not an IPv4 network from /8 to /30 such as 10.99.0.0/24"});
    }
    if (!network.problems.empty())
        return network;
    network.prefixLength = subnet->prefixLength;

    std::vector<const Component *> databases;
    for (const Component &c : topology.components) {
        if (c.kind == ComponentKind::Database && linkedWith(index, vpn, c))
            databases.push_back(&c);
    }
    const std::uint64_t usable = (std::uint64_t(1) << (32 - subnet->prefixLength)) - 2;
    if (databases.size() > usable) {
        network.problems.push_back(
            {vpn.id, "vpn '" + vpn.id + "' joins " + std::to_string(databases.size())
                         + " databases, more than its subnet " + subnetText + " has addresses for ("
                         + std::to_string(usable) + "); give it a larger subnet"});
        return network;
    }
    std::set<std::string> nodes;
    for (std::size_t i = 0; i < databases.size(); ++i) {
        TincMember member{databases[i], nodeName(databases[i]->id),
                          ipv4Text(subnet->base + std::uint32_t(i) + 1)};
        if (!nodes.insert(member.node).second) {
            network.problems.push_back(
                {databases[i]->id, "database '" + databases[i]->id + "' would be tinc node '"
                                       + member.node + "' of vpn '" + vpn.id
                                       + "' like another member; rename one of them"});
        }
        network.members.push_back(std::move(member));
    }
    if (!network.problems.empty())
        network.members.clear();
    return network;
}

std::string databasePeerAddress(const TopologyIndex &index, const Component &from,
                                const Component &to)
{
    const Topology &topology = index.topology();
    if (!from.region.empty() && !to.region.empty() && from.region != to.region) {
        for (const Component *vpn : topology.componentsOfKind(ComponentKind::Vpn)) {
            const TincNetwork network = tincNetwork(index, *vpn);
            const TincMember *a = network.member(from.id);
            const TincMember *b = network.member(to.id);
            if (a && b)
                return b->address;
        }
    }
    return hostAddress(topology, to.id);
}

} // namespace topolab::core
