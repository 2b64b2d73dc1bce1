#pragma once

#include "../model/componentkind.h"
#include "../model/topology.h"
#include "../model/topologyindex.h"

#include <optional>
#include <string>
#include <vector>

namespace topolab::core {

// A component whose loss alone stops every request (it lies on every path from the clients to
// a database that can answer).
struct SinglePointOfFailure
{
    std::string componentId;
    ComponentKind kind;
    std::string region;
};

// How many components share one job in one region ("load_balancer in nyc1: lb-1, lb-2").
struct TierRedundancy
{
    std::string region; // empty for global tiers (dns)
    std::string tier;   // a kind name, or "database" for a primary with its standbys
    std::vector<std::string> members;
};

struct DatabaseReachability
{
    std::string databaseId;
    bool reachable = false; // some dns → lb → app (→ primary → standby) path leads to it
    std::vector<std::string> viaPath; // one such path, dns first
};

// Components of one tier, deployed together; steps run in order.
struct DeployStep
{
    std::string tier; // "storage and network", "databases", "standbys", ..., "dns"
    std::vector<std::string> componentIds;
};

// What one tier of one region can serve, against what the traffic section asks of it.
struct TierCapacity
{
    std::string region;
    std::string tier;
    std::vector<std::string> members;
    double capacityRps = 0; // requests per second the tier can serve at 100 % busy
    double demandRps = 0;   // requests per second the traffic section sends it
    double utilization() const { return capacityRps > 0 ? demandRps / capacityRps : 0; }
};

// Everything `topolab-cli analyze` reports about one topology.
struct AnalysisReport
{
    bool servicePathExists = false; // at least one path from clients to an answering database
    std::vector<SinglePointOfFailure> singlePointsOfFailure;
    std::vector<TierRedundancy> redundancy;
    std::vector<DatabaseReachability> reachability;
    std::vector<DeployStep> deployOrder;
    std::string deployOrderProblem; // set when dependencies form a cycle
    std::vector<TierCapacity> capacity;
    std::optional<std::size_t> bottleneck; // index into capacity
    double offeredRps = 0;
    double staticRps = 0; // served by object storage, outside the tiers above
};

// Runs every analysis (docs/format.md, "Analysis").
AnalysisReport analyzeTopology(const Topology &topology);

// Parts, exposed for tests and the GUI.
std::vector<SinglePointOfFailure> findSinglePointsOfFailure(const Topology &topology,
                                                            bool *servicePathExists = nullptr);
std::vector<TierRedundancy> tierRedundancy(const Topology &topology);
std::vector<DatabaseReachability> databaseReachability(const Topology &topology);
// What `c` needs running before it is deployed (a load balancer its app servers, a standby its
// upstream, ...): the edges of the deploy order.
std::vector<const Component *> deployDependencies(const TopologyIndex &index, const Component &c);
// Steps of the deploy order; throws std::runtime_error naming the cycle when there is one.
std::vector<DeployStep> deployOrder(const Topology &topology);
std::vector<TierCapacity> estimateCapacity(const Topology &topology, double *offeredRps = nullptr,
                                           double *staticRps = nullptr);

} // namespace topolab::core
