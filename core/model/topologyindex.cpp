#include "topologyindex.h"

#include "connectionrules.h"

#include <set>

namespace topolab::core {

std::vector<const Component *> ofKind(std::vector<const Component *> list, ComponentKind kind)
{
    std::erase_if(list, [kind](const Component *c) { return c->kind != kind; });
    return list;
}

TopologyIndex::TopologyIndex(const Topology &topology)
    : mTopology(topology)
{
    for (const auto &c : topology.components)
        mById.emplace(c.id, &c);
    mLinkKinds.reserve(topology.links.size());
    for (std::size_t i = 0; i < topology.links.size(); ++i) {
        const Link &l = topology.links[i];
        mOut[l.from].push_back(i);
        mIn[l.to].push_back(i);
        const Component *a = component(l.from);
        const Component *b = component(l.to);
        LinkKind kind = LinkKind::Request;
        if (a && b)
            kind = checkConnection(*a, *b).kind;
        mLinkKinds.push_back(kind);
    }
}

const Component *TopologyIndex::component(std::string_view id) const
{
    auto it = mById.find(id);
    return it == mById.end() ? nullptr : it->second;
}

std::vector<const Component *> TopologyIndex::targets(std::string_view id) const
{
    std::vector<const Component *> out;
    if (auto it = mOut.find(id); it != mOut.end()) {
        for (std::size_t i : it->second) {
            if (const Component *c = component(mTopology.links[i].to))
                out.push_back(c);
        }
    }
    return out;
}

std::vector<const Component *> TopologyIndex::sources(std::string_view id) const
{
    std::vector<const Component *> out;
    if (auto it = mIn.find(id); it != mIn.end()) {
        for (std::size_t i : it->second) {
            if (const Component *c = component(mTopology.links[i].from))
                out.push_back(c);
        }
    }
    return out;
}

std::vector<const Component *> TopologyIndex::neighbours(std::string_view id, LinkKind kind) const
{
    std::vector<const Component *> out;
    const auto collect = [&](const auto &map, bool outgoing) {
        auto it = map.find(id);
        if (it == map.end())
            return;
        for (std::size_t i : it->second) {
            if (mLinkKinds[i] != kind)
                continue;
            const Link &l = mTopology.links[i];
            if (const Component *c = component(outgoing ? l.to : l.from))
                out.push_back(c);
        }
    };
    collect(mOut, true);
    collect(mIn, false);
    return out;
}

bool TopologyIndex::isStandby(const Component &c) const
{
    return c.kind == ComponentKind::Database && c.params.text("role") == "standby";
}

bool TopologyIndex::isPrimary(const Component &c) const
{
    return c.kind == ComponentKind::Database && c.params.text("role") == "primary";
}

} // namespace topolab::core

namespace topolab::core {

std::vector<const Component *> TopologyIndex::replicaSet(const Component &database) const
{
    std::vector<const Component *> set = {&database};
    std::set<std::string> seen = {database.id};
    for (std::size_t i = 0; i < set.size(); ++i) {
        for (const Component *next : ofKind(targets(set[i]->id), ComponentKind::Database)) {
            if (seen.insert(next->id).second)
                set.push_back(next);
        }
    }
    return set;
}

} // namespace topolab::core
