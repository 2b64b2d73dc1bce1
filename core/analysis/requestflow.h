#pragma once

#include "../model/topology.h"

#include <boost/graph/adjacency_list.hpp>

namespace topolab::core {

// The paths a request can take, as a directed graph: clients → dns → load balancers → app
// servers → databases (a primary's standbys are alternatives through failover) → volumes →
// service. Vertices 0..n-1 are the components in file order, then `clients` and `service`.
// App servers that make no queries lead straight to the service; without a dns, clients reach
// the load balancers directly.
using FlowGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

// The flow graph with its two virtual ends.
struct RequestFlow
{
    FlowGraph graph;
    std::size_t clients = 0;
    std::size_t service = 0;
};

RequestFlow buildRequestFlow(const Topology &topology);

} // namespace topolab::core
