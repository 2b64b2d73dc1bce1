#pragma once

#include "linkkind.h"
#include "topology.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace topolab::core {

// Keeps the components of one kind.
std::vector<const Component *> ofKind(std::vector<const Component *> list, ComponentKind kind);

// Read-only lookups over a Topology (id → component, links in and out) built once, so that
// validation and analysis stay linear on large topologies. Invalid once the topology changes.
class TopologyIndex
{
public:
    explicit TopologyIndex(const Topology &topology);

    const Topology &topology() const { return mTopology; }
    const Component *component(std::string_view id) const;
    // Components this one links to / that link to it, optionally only through links of a kind.
    std::vector<const Component *> targets(std::string_view id) const;
    std::vector<const Component *> sources(std::string_view id) const;
    std::vector<const Component *> neighbours(std::string_view id, LinkKind kind) const;
    // The kind of each link, by index into Topology::links (links are valid by construction).
    LinkKind linkKind(std::size_t linkIndex) const { return mLinkKinds[linkIndex]; }
    bool isStandby(const Component &c) const;
    bool isPrimary(const Component &c) const;
    // A database and every standby downstream of it through replication links, in BFS order.
    std::vector<const Component *> replicaSet(const Component &database) const;

private:
    const Topology &mTopology;
    std::unordered_map<std::string_view, const Component *> mById;
    std::unordered_map<std::string_view, std::vector<std::size_t>> mOut;
    std::unordered_map<std::string_view, std::vector<std::size_t>> mIn;
    std::vector<LinkKind> mLinkKinds;
};

} // namespace topolab::core
