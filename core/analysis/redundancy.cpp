#include "analysisreport.h"

#include "../model/topologyindex.h"

#include <map>

namespace topolab::core {

std::vector<TierRedundancy> tierRedundancy(const Topology &topology)
{
    TopologyIndex index(topology);
    // (region order, tier order) → members; regions in file order, tiers along the request path.
    std::map<std::pair<std::size_t, int>, TierRedundancy> tiers;
    std::map<std::string, std::size_t, std::less<>> regionOrder;
    for (std::size_t i = 0; i < topology.regions.size(); ++i)
        regionOrder.emplace(topology.regions[i].id, i + 1);
    const auto add = [&](const Component &c, int order, std::string tier) {
        const std::size_t r = c.region.empty() ? 0 : regionOrder.at(c.region);
        TierRedundancy &entry = tiers[{r, order}];
        entry.region = c.region;
        entry.tier = std::move(tier);
        entry.members.push_back(c.id);
    };
    for (const auto &c : topology.components) {
        switch (c.kind) {
        case ComponentKind::Dns:
            add(c, 0, "dns");
            break;
        case ComponentKind::LoadBalancer:
            add(c, 1, "load_balancer");
            break;
        case ComponentKind::AppServer:
            add(c, 2, "app_server");
            break;
        case ComponentKind::Database:
            // A primary and its standbys are one tier: the standbys are its redundancy.
            if (index.isPrimary(c)) {
                for (const Component *member : index.replicaSet(c))
                    add(*member, 3, "database " + c.id);
            }
            break;
        case ComponentKind::ObjectStorage:
            // Storage that serves static content and storage that only keeps backups do not
            // stand in for each other.
            if (!ofKind(index.sources(c.id), ComponentKind::AppServer).empty())
                add(c, 4, "object_storage");
            else
                add(c, 5, "backup storage");
            break;
        default:
            break;
        }
    }
    std::vector<TierRedundancy> out;
    for (auto &[key, tier] : tiers)
        out.push_back(std::move(tier));
    return out;
}

} // namespace topolab::core
