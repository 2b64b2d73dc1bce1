#include "connectionrules.h"

#include <array>
#include <optional>

namespace topolab::core {

std::string_view linkKindName(LinkKind kind)
{
    switch (kind) {
    case LinkKind::Request:
        return "request";
    case LinkKind::Replication:
        return "replication";
    case LinkKind::Storage:
        return "storage";
    case LinkKind::Backup:
        return "backup";
    case LinkKind::Tunnel:
        return "tunnel";
    }
    return "link";
}

namespace {

using K = ComponentKind;

struct Rule
{
    ComponentKind from;
    ComponentKind to;
    LinkKind kind;
};

// Every permitted pair. Direction matters except where both directions are listed.
constexpr std::array rules = {
    Rule{K::Dns, K::LoadBalancer, LinkKind::Request},
    Rule{K::LoadBalancer, K::AppServer, LinkKind::Request},
    Rule{K::AppServer, K::Database, LinkKind::Request},
    Rule{K::AppServer, K::ObjectStorage, LinkKind::Request},
    Rule{K::AppServer, K::SharedStorage, LinkKind::Storage},
    Rule{K::Database, K::Database, LinkKind::Replication},
    Rule{K::Database, K::Volume, LinkKind::Storage},
    Rule{K::Volume, K::Database, LinkKind::Storage},
    Rule{K::Backup, K::Volume, LinkKind::Backup},
    Rule{K::Backup, K::ObjectStorage, LinkKind::Backup},
    Rule{K::Database, K::Vpn, LinkKind::Tunnel},
    Rule{K::Vpn, K::Database, LinkKind::Tunnel},
};

// Refusals that deserve more than the generic sentence: the mistakes people make.
struct Hint
{
    ComponentKind from;
    ComponentKind to;
    std::string_view reason;
};

constexpr std::array hints = {
    Hint{K::Dns, K::AppServer,
         "DNS points clients at load balancers; put a load_balancer in front of the app servers"},
    Hint{K::LoadBalancer, K::Database,
         "load balancers forward requests to app servers; the app servers query the database"},
    Hint{K::LoadBalancer, K::LoadBalancer,
         "load balancers do not chain; let DNS spread clients over several load balancers"},
    Hint{K::Database, K::ObjectStorage,
         "databases are backed up by a backup component: link backup → volume and "
         "backup → object_storage"},
    Hint{K::Database, K::Backup, "draw backups from the backup to the database's volume"},
    Hint{K::Backup, K::Database,
         "a backup copies a volume: link the backup to the volume the database stores on"},
    Hint{K::AppServer, K::Volume,
         "app servers are expendable and keep no volume; use shared_storage or object_storage"},
    Hint{K::Vpn, K::Vpn, "one vpn component is one tinc network; link databases to it"},
};

bool isStandby(const Component &c)
{
    return c.kind == K::Database && c.params.text("role") == "standby";
}

std::optional<LinkKind> ruleFor(ComponentKind from, ComponentKind to)
{
    for (const auto &r : rules) {
        if (r.from == from && r.to == to)
            return r.kind;
    }
    return std::nullopt;
}

std::string allowedTargets(ComponentKind from)
{
    std::string out;
    for (const auto &r : rules) {
        if (r.from != from)
            continue;
        if (!out.empty())
            out += ", ";
        out += kindName(r.to);
    }
    return out;
}

std::string name(const Component &c)
{
    return "'" + c.id + "' (" + std::string(kindName(c.kind)) + ")";
}

ConnectionVerdict refuse(std::string reason)
{
    return ConnectionVerdict{false, LinkKind::Request, std::move(reason)};
}

ConnectionVerdict checkReplication(const Component &from, const Component &to)
{
    if (isStandby(from) && !isStandby(to)) {
        return refuse("replication flows from the primary to the standby: draw the link from '"
                      + to.id + "' to '" + from.id + "'");
    }
    if (!isStandby(from) && !isStandby(to)) {
        return refuse("'" + from.id + "' and '" + to.id
                      + "' are both primaries: make one a standby (role: standby), or let "
                        "active databases of different regions talk through a vpn");
    }
    return ConnectionVerdict{true, LinkKind::Replication, {}};
}

} // namespace

ConnectionVerdict checkConnection(const Component &from, const Component &to)
{
    if (from.id == to.id)
        return refuse("a component cannot connect to itself");
    if (to.kind == K::Dns)
        return refuse("nothing connects to dns: clients reach it (see the traffic section)");
    if (from.kind == K::Database && to.kind == K::Database)
        return checkReplication(from, to);
    if (auto kind = ruleFor(from.kind, to.kind))
        return ConnectionVerdict{true, *kind, {}};
    for (const auto &h : hints) {
        if (h.from == from.kind && h.to == to.kind)
            return refuse(std::string(h.reason));
    }
    if (ruleFor(to.kind, from.kind)) {
        return refuse("links go from " + std::string(kindName(to.kind)) + " to "
                      + std::string(kindName(from.kind)) + ": draw it from '" + to.id + "' to '"
                      + from.id + "'");
    }
    const std::string targets = allowedTargets(from.kind);
    if (targets.empty())
        return refuse(name(from) + " has no outgoing links; other components link to it");
    return refuse(name(from) + " cannot connect to " + name(to) + "; a "
                  + std::string(kindName(from.kind)) + " connects to: " + targets);
}

ConnectionVerdict checkNewLink(const Topology &topology, std::string_view from, std::string_view to)
{
    const Component *a = topology.component(from);
    const Component *b = topology.component(to);
    if (!a)
        return refuse("no component '" + std::string(from) + "'");
    if (!b)
        return refuse("no component '" + std::string(to) + "'");
    ConnectionVerdict verdict = checkConnection(*a, *b);
    if (!verdict.allowed)
        return verdict;
    for (const auto &link : topology.links) {
        if ((link.from == from && link.to == to) || (link.from == to && link.to == from))
            return refuse("'" + a->id + "' and '" + b->id + "' are already connected");
    }
    return verdict;
}

} // namespace topolab::core
