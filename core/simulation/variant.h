#pragma once

#include "../model/paramspec.h"
#include "../model/topology.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace topolab::core {

// One parameter of a topology, named by a path that a person types and a script writes:
//   <component-id>.<param>      www.ttl_s, lb-1.health_check.fall, db-2.replication
//   kind:<kind>.<param>         kind:app_server.workers: every component of that kind
//   scenario.<key>              scenario.duration_s, warmup_s, seed, replications
//   traffic.<group-id>.<key>    traffic.users.rate_rps, traffic.users.profile.shape
// <param> is a key of the record's schema, or group.member for a member of a group. Ids may
// contain dots: the path is split where the prefix is an id of the topology.
struct ParamPath
{
    enum class Scope { Component, Kind, Scenario, ClientGroup };

    Scope scope = Scope::Component;
    std::string owner; // component id, kind name or client group id; empty for the scenario
    std::string param; // key in the owner's schema

    // The path as written ("www.ttl_s").
    std::string text() const;
    bool operator==(const ParamPath &) const = default;
};

// What a parse or an edit came to: a value, or the reason there is none.
template<typename T> struct Checked
{
    std::optional<T> value;
    std::string error;

    explicit operator bool() const { return value.has_value(); }
    static Checked fail(std::string why) { return {std::nullopt, std::move(why)}; }
};

// Reads `text` as a path of `topology`: the owner must exist and the parameter be a single
// value of its schema. Errors say what is wrong with which part and suggest a close name.
Checked<ParamPath> parseParamPath(std::string_view text, const Topology &topology);

// The schema of the record(s) a path addresses and the spec of its value; the path must come
// from parseParamPath on this topology (or one with the same owners).
const ParamSchema &schemaOf(const ParamPath &path, const Topology &topology);
const ParamSpec &specOf(const ParamPath &path, const Topology &topology);

// The parameter's name for people, from the schema ("Record TTL", "Health check: failed
// checks").
std::string paramTitle(const ParamPath &path, const Topology &topology);

// The value the topology has now (its default when not written); for a kind, that of its
// first component.
ParamValue currentValue(const ParamPath &path, const Topology &topology);

// Reads one value as the spec's type and checks it against the spec's range or choices
// ("ttl_s must be between 0 and 2147483647 s, got -5").
Checked<ParamValue> parseParamValue(const ParamSpec &spec, std::string_view text);

// Reads a list of values, "30,60,300", or a range, "from:to:steps" (steps values evenly from
// `from` to `to`, both included; whole numbers for an integer parameter, repeats dropped).
// Every value is checked against the spec.
Checked<std::vector<ParamValue>> parseParamValues(const ParamSpec &spec, std::string_view text);

// A value with its unit, for labels and tables ("30 s", "async", "true").
std::string describeValue(const ParamSpec &spec, const ParamValue &value);

// One parameter set to one value.
struct ParamChange
{
    ParamPath path;
    ParamValue value;
    bool operator==(const ParamChange &) const = default;
};

// Reads "PATH=VALUE" ("www.ttl_s=30").
Checked<ParamChange> parseParamChange(std::string_view text, const Topology &topology);

// A parameter and the values a sweep runs it at, read from "PATH=V1,V2,..." or
// "PATH=from:to:steps".
struct ParamSweep
{
    ParamPath path;
    std::vector<ParamValue> values;
};
Checked<ParamSweep> parseParamSweep(std::string_view text, const Topology &topology);

// A copy of `base` with the changes applied in order. Setting a member of an optional group
// (a DNS health check) turns the group on; changing the scenario of a topology without one
// adds the section. Fails, naming the change, when a value does not fit or an owner is gone.
// The result is not validated: a change may make a topology invalid (two primaries).
Checked<Topology> applyChanges(const Topology &base, const std::vector<ParamChange> &changes);

// "Record TTL 30 s", with the owner when the topology has other records of its kind
// ("lb-1 Retries 5", "every app server: Workers 16", "users Request rate 800 rps"); several
// changes are joined by ", ".
std::string changeLabel(const ParamChange &change, const Topology &topology);
std::string changesLabel(const std::vector<ParamChange> &changes, const Topology &topology);

// The same paths at the values `topology` has: what a variant is compared against.
std::vector<ParamChange> currentValues(const std::vector<ParamChange> &changes,
                                       const Topology &topology);

// A value as a number for a chart's axis: numbers as they are, false/true as 0/1, a choice as
// its position among the spec's choices; nullopt for text.
std::optional<double> numericValue(const ParamSpec &spec, const ParamValue &value);

} // namespace topolab::core
