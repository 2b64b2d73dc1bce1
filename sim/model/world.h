#pragma once

#include "incidentlog.h"
#include "modelspec.h"
#include "request.h"
#include "sim/engine/kernel.h"
#include "sim/random/randomstream.h"
#include "statscollector.h"

#include <memory>
#include <vector>

namespace topolab::sim {

class ComponentModel;
class AppServerModel;
class ClientGroupModel;
class DatabaseModel;
class DnsModel;
class LoadBalancerModel;
class ObjectStorageModel;
class ReplicaSetModel;
class VpnModel;
class FailureInjector;

// Everything one replication simulates: the kernel, the request slots, the statistics and one
// model per component and client group. Models find each other here by component index.
class World
{
public:
    World(const ModelSpec &model, int replication, SimObserver *observer,
          std::unique_ptr<FutureEventSet> events = {});
    ~World();

    World(const World &) = delete;
    World &operator=(const World &) = delete;

    // Runs to the end of the measured period; false when the observer stopped it.
    bool run();
    ReplicationResult result(double wallSeconds) const;

    RandomStream stream(std::string_view id, std::string_view purpose) const;
    void reportState(std::uint32_t component, ComponentState state);
    void restartStatistics();
    double currentReplicationLagSeconds() const;
    // A region whose active database is unavailable: its LBs fail the DNS provider's checks.
    bool regionSick(std::uint32_t region) const;
    // The unavailable primary that makes a region sick, or noIndex.
    std::uint32_t sickPrimary(std::uint32_t region) const;
    // A VPN's tunnel went down or came back: replication across it stops or resumes.
    void tunnelChanged();
    // A commit on `database`: counted as diverged when its regions cannot replicate.
    void noteCommit(std::uint32_t database);

    ComponentModel &component(std::uint32_t i) { return *mComponents[i]; }
    ClientGroupModel &clientGroup(std::uint32_t g) { return *mGroups[g]; }
    LoadBalancerModel &loadBalancer(std::uint32_t i);
    AppServerModel &appServer(std::uint32_t i);
    DatabaseModel &database(std::uint32_t i);
    DnsModel &dns(std::uint32_t i);
    ObjectStorageModel &objectStorage(std::uint32_t i);
    VpnModel *vpn(std::uint32_t i); // nullptr for noIndex
    ReplicaSetModel &replicaSetOf(std::uint32_t database);

    const ModelSpec &spec;
    const int replication;
    SimObserver *const observer;
    const SimTime warmupEnd;
    const SimTime runEnd;
    Kernel kernel;
    RequestPool requests;
    IncidentLog incidents;
    StatsCollector stats;

private:
    std::vector<std::unique_ptr<ComponentModel>> mComponents;
    std::vector<std::unique_ptr<ClientGroupModel>> mGroups;
    std::vector<std::unique_ptr<ReplicaSetModel>> mReplicaSets;
    std::vector<std::uint32_t> mReplicaSetOf; // per component; noIndex when not a database
    std::vector<bool> mMultiPrimaryVpn;       // per component: a VPN joining several primaries
    std::unique_ptr<FailureInjector> mFailures;
    std::vector<ComponentResult> mEndOfRun; // component statistics at the end of the period
};

} // namespace topolab::sim
