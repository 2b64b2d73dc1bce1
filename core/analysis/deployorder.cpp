#include "analysisreport.h"

#include "../model/topologyindex.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <stdexcept>

namespace topolab::core {

namespace {

using K = ComponentKind;

} // namespace

// Derived from kinds, not link direction, so that symmetric links (database–vpn,
// database–volume) order the same either way round.
std::vector<const Component *> deployDependencies(const TopologyIndex &index, const Component &c)
{
    std::vector<const Component *> deps;
    const auto append = [&](std::vector<const Component *> more) {
        deps.insert(deps.end(), more.begin(), more.end());
    };
    switch (c.kind) {
    case K::Dns:
        append(ofKind(index.targets(c.id), K::LoadBalancer));
        break;
    case K::LoadBalancer:
        append(ofKind(index.targets(c.id), K::AppServer));
        break;
    case K::AppServer:
        for (const Component *t : index.targets(c.id)) {
            if (t->kind == K::Database)
                append(index.replicaSet(*t)); // apps start once their whole database tier runs
            else
                deps.push_back(t);
        }
        break;
    case K::Database:
        append(ofKind(index.sources(c.id), K::Database)); // a standby needs its upstream
        append(index.neighbours(c.id, LinkKind::Storage));
        append(index.neighbours(c.id, LinkKind::Tunnel));
        break;
    case K::Backup:
        append(index.targets(c.id));
        break;
    default:
        break;
    }
    return deps;
}

std::vector<DeployStep> deployOrder(const Topology &topology)
{
    TopologyIndex index(topology);
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    const std::size_t n = topology.components.size();
    Graph graph(n);
    std::unordered_map<std::string_view, std::size_t> vertex;
    for (std::size_t i = 0; i < n; ++i)
        vertex.emplace(topology.components[i].id, i);
    for (std::size_t i = 0; i < n; ++i) {
        for (const Component *dep : deployDependencies(index, topology.components[i])) {
            if (dep->id != topology.components[i].id)
                boost::add_edge(i, vertex.at(dep->id), graph); // dependent → dependency
        }
    }

    std::vector<std::size_t> order; // dependencies before dependents
    try {
        boost::topological_sort(graph, std::back_inserter(order));
    } catch (const boost::not_a_dag &) {
        throw std::runtime_error("the dependencies form a cycle (check replication links "
                                 "between standbys); no deploy order exists");
    }
    // Steps are the tiers of SPEC §6 (databases, standbys, app servers, load balancers, dns),
    // after the storage and network they stand on. Every dependency points to an earlier tier;
    // cascaded standbys get one step per level, found along the topological order.
    std::vector<std::size_t> standbyLevel(n, 0);
    std::size_t deepestStandby = 0;
    for (std::size_t v : order) {
        const Component &c = topology.components[v];
        if (!index.isStandby(c))
            continue;
        for (auto [e, end] = boost::out_edges(v, graph); e != end; ++e) {
            const Component &dep = topology.components[boost::target(*e, graph)];
            if (index.isStandby(dep))
                standbyLevel[v]
                    = std::max(standbyLevel[v], standbyLevel[boost::target(*e, graph)] + 1);
        }
        deepestStandby = std::max(deepestStandby, standbyLevel[v]);
    }
    const std::size_t standbySteps = deepestStandby + 1;
    const auto stepOf = [&](std::size_t v) -> std::size_t {
        const Component &c = topology.components[v];
        switch (c.kind) {
        case K::Volume:
        case K::Vpn:
        case K::ObjectStorage:
        case K::SharedStorage:
            return 0;
        case K::Database:
            return index.isStandby(c) ? 2 + standbyLevel[v] : 1;
        case K::Backup:
            return 2 + standbySteps;
        case K::AppServer:
            return 3 + standbySteps;
        case K::LoadBalancer:
            return 4 + standbySteps;
        case K::Dns:
            return 5 + standbySteps;
        }
        return 0;
    };
    std::vector<DeployStep> steps(6 + standbySteps);
    steps[0].tier = "storage and network";
    steps[1].tier = "databases";
    for (std::size_t level = 0; level < standbySteps; ++level)
        steps[2 + level].tier = level == 0 ? "standbys" : "standbys (cascaded)";
    steps[2 + standbySteps].tier = "backups";
    steps[3 + standbySteps].tier = "app servers";
    steps[4 + standbySteps].tier = "load balancers";
    steps[5 + standbySteps].tier = "dns";
    for (std::size_t i = 0; i < n; ++i)
        steps[stepOf(i)].componentIds.push_back(topology.components[i].id);
    std::erase_if(steps, [](const DeployStep &s) { return s.componentIds.empty(); });
    for (auto &s : steps)
        std::sort(s.componentIds.begin(), s.componentIds.end());
    return steps;
}

} // namespace topolab::core
