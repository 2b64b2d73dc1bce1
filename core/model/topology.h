#pragma once

#include "componentkind.h"
#include "paramset.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace topolab::core {

// A container for the components of one provider region (e.g. nyc1, ams3).
struct Region
{
    std::string id;
    std::string label;
    bool operator==(const Region &) const = default;
};

// One box on the canvas: a DNS name, a load balancer, a database... Its parameters are typed
// by the schema of its kind (schemas.h); only explicitly written values are stored.
struct Component
{
    std::string id;
    ComponentKind kind = ComponentKind::AppServer;
    std::string label;  // free text for people; the id is what links refer to
    std::string region; // empty when the component is not in a region
    ParamSet params;

    // A component of `kind` with every parameter at its default.
    static Component make(std::string id, ComponentKind kind, std::string region = {});
    bool operator==(const Component &) const = default;
};

// A directed connection; its kind (request, replication, ...) follows from what it joins.
struct Link
{
    std::string from;
    std::string to;
    bool operator==(const Link &) const = default;
};

// A population of clients in one place, with its request rate and DNS and retry behaviour.
struct ClientGroup
{
    std::string id;
    std::string region; // where the clients are; empty = anywhere
    ParamSet params;
    bool operator==(const ClientGroup &) const = default;
};

// "lb-1 crashes at 600 s for 300 s": one failure the scenario injects at a fixed time.
struct ScheduledFailure
{
    ParamSet params; // at_s, target, mode, for_s, slowdown
    bool operator==(const ScheduledFailure &) const = default;
};

// Failures of every component of a kind, drawn from a mean time between failures and to repair.
struct RandomFailure
{
    ParamSet params; // kind, mtbf_h, mttr_min, mode
    bool operator==(const RandomFailure &) const = default;
};

// What a simulation runs: how long, with which seed, and which failures.
struct Scenario
{
    ParamSet params; // duration_s, warmup_s, seed, replications
    std::vector<ScheduledFailure> failures;
    std::vector<RandomFailure> randomFailures;
    bool operator==(const Scenario &) const = default;
};

// Where a component is deployed. Never holds a secret.
struct DeployHost
{
    std::string component;
    ParamSet params;
    bool operator==(const DeployHost &) const = default;
};

// Canvas geometry of a component (position) or region (position and size).
struct LayoutBox
{
    double x = 0;
    double y = 0;
    double width = 0; // 0 = the view's default size
    double height = 0;
    bool operator==(const LayoutBox &) const = default;
};

inline constexpr int currentFormatVersion = 1;

// The whole document of a *.topolab.yaml file. Plain data: sequences keep the order of the
// file so that saving is stable and diffs stay small.
struct Topology
{
    std::string name;
    std::vector<Region> regions;
    std::vector<Component> components;
    std::vector<Link> links;
    std::vector<ClientGroup> clientGroups;
    std::optional<Scenario> scenario;
    std::vector<DeployHost> deployHosts;
    std::map<std::string, LayoutBox> layout; // keyed by component or region id

    const Component *component(std::string_view id) const;
    Component *component(std::string_view id);
    const Region *region(std::string_view id) const;
    bool hasId(std::string_view id) const; // a component or a region
    std::vector<const Component *> componentsOfKind(ComponentKind kind) const;

    bool operator==(const Topology &) const = default;
};

} // namespace topolab::core
