// Regions: placement, one active database each, and the vpn that joins their databases.
#include "findings.h"

#include <map>
#include <set>

namespace topolab::core {

namespace {

using K = ComponentKind;

bool shareVpn(const Findings &f, const Component &a, const Component &b)
{
    for (const Component *vpn : ofKind(f.index().neighbours(a.id, LinkKind::Tunnel), K::Vpn)) {
        for (const Component *db : f.index().neighbours(vpn->id, LinkKind::Tunnel)) {
            if (db->id == b.id)
                return true;
        }
    }
    return false;
}

void reportMissingVpn(Findings &f, const Component &a, const Component &b, std::string_view why)
{
    f.error("db-no-vpn", a.id,
            "databases '" + a.id + "' (" + a.region + ") and '" + b.id + "' (" + b.region + ") "
                + std::string(why)
                + " but no vpn joins them; link both to a vpn component so their traffic is "
                  "encrypted");
}

void checkPlacement(Findings &f)
{
    if (f.topology().regions.empty())
        return;
    for (const auto &c : f.topology().components) {
        if (regionPlacement(c.kind) == RegionPlacement::Required && c.region.empty()) {
            f.error("region-missing", c.id,
                    std::string(kindTitle(c.kind)) + " '" + c.id
                        + "' is in no region; place it in one of the regions");
        }
    }
}

void checkActiveDatabases(Findings &f)
{
    const bool multiRegion = f.topology().regions.size() > 1;
    std::map<std::string, std::vector<const Component *>> primaries;
    std::set<std::string> regionsWithApps;
    for (const auto &c : f.topology().components) {
        if (c.region.empty())
            continue;
        if (f.index().isPrimary(c))
            primaries[c.region].push_back(&c);
        if (c.kind == K::AppServer)
            regionsWithApps.insert(c.region);
    }
    for (const auto &region : f.topology().regions) {
        const auto &list = primaries[region.id];
        if (list.size() > 1) {
            f.error("region-multiple-active-databases", list[1]->id,
                    "region " + region.id + " has " + std::to_string(list.size())
                        + " active databases ('" + list[0]->id + "', '" + list[1]->id
                        + "'); keep one primary per region and make the others standbys");
        }
        if (multiRegion && list.empty() && regionsWithApps.count(region.id)) {
            f.add(Severity::Error, "region-no-active-database", region.id,
                  "region " + region.id
                      + " has app servers but no active database; add a primary database in it "
                        "(one per region)");
        }
    }
    // Active databases of different regions exchange data: they need a tunnel.
    std::vector<const Component *> actives;
    for (const auto &region : f.topology().regions) {
        if (!primaries[region.id].empty())
            actives.push_back(primaries[region.id].front());
    }
    for (std::size_t i = 0; i < actives.size(); ++i) {
        for (std::size_t j = i + 1; j < actives.size(); ++j) {
            if (!shareVpn(f, *actives[i], *actives[j]))
                reportMissingVpn(f, *actives[i], *actives[j], "are active in different regions");
        }
    }
}

void checkCrossRegionReplication(Findings &f)
{
    for (std::size_t i = 0; i < f.topology().links.size(); ++i) {
        if (f.index().linkKind(i) != LinkKind::Replication)
            continue;
        const Link &link = f.topology().links[i];
        const Component *a = f.index().component(link.from);
        const Component *b = f.index().component(link.to);
        if (a && b && !a->region.empty() && !b->region.empty() && a->region != b->region
            && !shareVpn(f, *a, *b)) {
            reportMissingVpn(f, *a, *b, "replicate across regions");
        }
    }
}

void checkVpns(Findings &f)
{
    for (const Component *vpn : f.topology().componentsOfKind(K::Vpn)) {
        std::set<std::string> regions;
        for (const Component *db : f.index().neighbours(vpn->id, LinkKind::Tunnel))
            regions.insert(db->region);
        if (regions.size() < 2) {
            f.warning("vpn-single-region", vpn->id,
                      "vpn '" + vpn->id + "' joins databases of "
                          + (regions.empty() ? std::string("no region")
                                             : "only region " + *regions.begin())
                          + "; link it to the databases of each region it should connect");
        }
    }
}

} // namespace

void checkRegions(Findings &f)
{
    checkPlacement(f);
    checkActiveDatabases(f);
    checkCrossRegionReplication(f);
    checkVpns(f);
}

} // namespace topolab::core
