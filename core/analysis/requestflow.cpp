#include "requestflow.h"

#include "../model/topologyindex.h"

#include <unordered_map>

namespace topolab::core {

namespace {

using K = ComponentKind;
using Vertex = boost::graph_traits<FlowGraph>::vertex_descriptor;

} // namespace

RequestFlow buildRequestFlow(const Topology &t)
{
    const TopologyIndex index(t);
    const std::size_t n = t.components.size();
    RequestFlow flow;
    flow.graph = FlowGraph(n + 2);
    flow.clients = n;
    flow.service = n + 1;
    std::unordered_map<std::string_view, Vertex> vertex;
    for (std::size_t i = 0; i < n; ++i)
        vertex.emplace(t.components[i].id, i);
    const auto edge = [&](Vertex a, Vertex b) {
        boost::add_edge(a, b, flow.graph);
    };

    const bool hasDns = !t.componentsOfKind(K::Dns).empty();
    for (std::size_t i = 0; i < n; ++i) {
        const Component &c = t.components[i];
        switch (c.kind) {
        case K::Dns:
            edge(flow.clients, i);
            for (const Component *lb : ofKind(index.targets(c.id), K::LoadBalancer))
                edge(i, vertex.at(lb->id));
            break;
        case K::LoadBalancer:
            if (!hasDns)
                edge(flow.clients, i);
            for (const Component *app : ofKind(index.targets(c.id), K::AppServer))
                edge(i, vertex.at(app->id));
            break;
        case K::AppServer:
            if (c.params.number("db_queries") <= 0) {
                edge(i, flow.service);
                break;
            }
            for (const Component *db : ofKind(index.targets(c.id), K::Database)) {
                for (const Component *member : index.replicaSet(*db))
                    edge(i, vertex.at(member->id));
            }
            break;
        case K::Database: {
            const auto volumes = ofKind(index.neighbours(c.id, LinkKind::Storage), K::Volume);
            if (volumes.empty())
                edge(i, flow.service);
            for (const Component *v : volumes)
                edge(i, vertex.at(v->id));
            break;
        }
        case K::Volume:
            edge(i, flow.service);
            break;
        default:
            break;
        }
    }
    return flow;
}

} // namespace topolab::core
