#include "analysisreport.h"

#include "../model/topologyindex.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>

#include <algorithm>

namespace topolab::core {

std::vector<DatabaseReachability> databaseReachability(const Topology &topology)
{
    // Directed graph of the links requests and their data follow: request links, then
    // replication from a primary to its standbys.
    TopologyIndex index(topology);
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
    const std::size_t n = topology.components.size();
    Graph graph(n + 1);
    const Vertex start = n; // joins every dns
    std::unordered_map<std::string_view, Vertex> vertex;
    for (std::size_t i = 0; i < n; ++i)
        vertex.emplace(topology.components[i].id, i);
    for (std::size_t i = 0; i < n; ++i) {
        if (topology.components[i].kind == ComponentKind::Dns)
            boost::add_edge(start, i, graph);
    }
    for (std::size_t i = 0; i < topology.links.size(); ++i) {
        const LinkKind kind = index.linkKind(i);
        if (kind != LinkKind::Request && kind != LinkKind::Replication)
            continue;
        const Link &l = topology.links[i];
        boost::add_edge(vertex.at(l.from), vertex.at(l.to), graph);
    }

    std::vector<Vertex> parent(n + 1, start);
    std::vector<bool> seen(n + 1, false);
    seen[start] = true;
    struct Recorder : boost::default_bfs_visitor
    {
        std::vector<Vertex> *parent;
        std::vector<bool> *seen;
        void tree_edge(boost::graph_traits<Graph>::edge_descriptor e, const Graph &g) const
        {
            (*parent)[boost::target(e, g)] = boost::source(e, g);
            (*seen)[boost::target(e, g)] = true;
        }
    };
    Recorder recorder;
    recorder.parent = &parent;
    recorder.seen = &seen;
    boost::breadth_first_search(graph, start, boost::visitor(recorder));

    std::vector<DatabaseReachability> out;
    for (std::size_t i = 0; i < n; ++i) {
        const Component &c = topology.components[i];
        if (c.kind != ComponentKind::Database)
            continue;
        DatabaseReachability entry;
        entry.databaseId = c.id;
        entry.reachable = seen[i];
        if (entry.reachable) {
            for (Vertex v = i; v != start; v = parent[v])
                entry.viaPath.push_back(topology.components[v].id);
            std::reverse(entry.viaPath.begin(), entry.viaPath.end());
        }
        out.push_back(std::move(entry));
    }
    return out;
}

} // namespace topolab::core
