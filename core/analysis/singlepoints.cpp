// Single points of failure as dominators: a component is a single point of failure exactly when
// it lies on every path from the clients to a database that can answer, i.e. when it dominates
// the "service" sink in the request flow graph. This is the directed form of an articulation
// point between clients and service, and stays exact where an undirected cut-vertex test is
// fooled by paths that run against the direction of requests.
#include "analysisreport.h"

#include "requestflow.h"

#include <boost/graph/dominator_tree.hpp>

#include <algorithm>

namespace topolab::core {

namespace {

using Vertex = boost::graph_traits<FlowGraph>::vertex_descriptor;

// The part of the flow graph reachable from the clients, with vertex i of the result being
// component origin[i] of the full graph. Boost's Lengauer-Tarjan implementation (1.74) misreads
// predecessors its depth-first search never visited, so unreachable vertices are removed first.
FlowGraph reachablePart(const RequestFlow &flow, std::vector<Vertex> &origin, Vertex &clients,
                        Vertex &service)
{
    const std::size_t count = boost::num_vertices(flow.graph);
    const Vertex none = boost::graph_traits<FlowGraph>::null_vertex();
    std::vector<Vertex> renamed(count, none);
    std::vector<Vertex> stack = {flow.clients};
    renamed[flow.clients] = 0;
    origin = {flow.clients};
    while (!stack.empty()) {
        const Vertex v = stack.back();
        stack.pop_back();
        for (auto [e, end] = boost::out_edges(v, flow.graph); e != end; ++e) {
            const Vertex w = boost::target(*e, flow.graph);
            if (renamed[w] != none)
                continue;
            renamed[w] = origin.size();
            origin.push_back(w);
            stack.push_back(w);
        }
    }
    FlowGraph part(origin.size());
    for (Vertex v = 0; v < count; ++v) {
        if (renamed[v] == none)
            continue;
        for (auto [e, end] = boost::out_edges(v, flow.graph); e != end; ++e)
            boost::add_edge(renamed[v], renamed[boost::target(*e, flow.graph)], part);
    }
    clients = 0;
    service = renamed[flow.service];
    return part;
}

} // namespace

std::vector<SinglePointOfFailure> findSinglePointsOfFailure(const Topology &topology,
                                                            bool *servicePathExists)
{
    const RequestFlow flow = buildRequestFlow(topology);
    const Vertex none = boost::graph_traits<FlowGraph>::null_vertex();
    std::vector<Vertex> origin;
    Vertex clients = 0;
    Vertex service = none;
    const FlowGraph graph = reachablePart(flow, origin, clients, service);
    if (servicePathExists)
        *servicePathExists = service != none;
    std::vector<SinglePointOfFailure> out;
    if (service == none)
        return out;

    std::vector<Vertex> idom(boost::num_vertices(graph), none);
    auto idomMap
        = boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, graph));
    boost::lengauer_tarjan_dominator_tree(graph, clients, idomMap);
    for (Vertex v = idom[service]; v != clients && v != none; v = idom[v]) {
        const Component &c = topology.components[origin[v]];
        // A dns name is served by the provider's many name servers, not by one machine.
        if (c.kind != ComponentKind::Dns)
            out.push_back(SinglePointOfFailure{c.id, c.kind, c.region});
    }
    // Closest to the clients first, as a request meets them.
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace topolab::core
