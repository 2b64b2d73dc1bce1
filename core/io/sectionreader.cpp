// The optional sections of a topology file: traffic, scenario, deploy and layout.
#include "topologyparser.h"

#include "../model/identifier.h"
#include "../model/schemas.h"

#include <array>
#include <cmath>

namespace topolab::core {

namespace {

std::vector<std::string> keysOf(const ParamSchema &schema, std::vector<std::string> extra)
{
    for (const auto &spec : schema.params)
        extra.push_back(spec.key);
    return extra;
}

// Words that would mean a secret is being stored in the topology file.
bool looksLikeSecret(std::string_view key)
{
    constexpr std::array words = {"password", "passphrase", "secret", "token", "private_key"};
    for (const char *w : words) {
        if (key.find(w) != std::string_view::npos)
            return true;
    }
    return false;
}

} // namespace

void TopologyParser::parseTraffic(const YamlNode &node)
{
    mSources.traffic = node.location;
    for (const auto &[key, keyNode, value] : mContext.mapEntries(node, "traffic")) {
        if (key == "client_groups") {
            for (const YamlNode *item : mContext.sequenceItems(*value, "client_groups"))
                parseClientGroup(*item);
        } else {
            mContext.unknownKey(key, *keyNode, {"client_groups"}, "traffic");
        }
    }
}

void TopologyParser::parseClientGroup(const YamlNode &node)
{
    const auto entries = mContext.mapEntries(node, "a client group");
    if (!node.isMap())
        return;
    ClientGroup group;
    group.params = ParamSet(clientGroupSchema());
    bool idWritten = false;
    for (const auto &[key, keyNode, value] : entries) {
        if (key == "id") {
            idWritten = true;
            auto id = mContext.id(*value, "id");
            if (!id)
                continue;
            if (!isValidId(*id)) {
                mContext.error(*value, "invalid-id", "invalid client group id '" + *id + "'");
            } else if (mSources.clientGroups.count(*id)) {
                mContext.error(*value, "duplicate-id", "duplicate client group id '" + *id + "'");
            } else {
                group.id = *id;
                mSources.clientGroups.emplace(*id, node.location);
            }
        } else if (key == "region") {
            auto region = mContext.id(*value, "region");
            if (region && !mTopology.region(*region))
                mContext.error(*value, "unknown-region", "unknown region '" + *region + "'");
            else if (region)
                group.region = *region;
        } else if (const ParamSpec *spec = clientGroupSchema().find(key)) {
            mContext.readParam(*spec, *value, group.params, group.id);
        } else {
            mContext.unknownKey(key, *keyNode, keysOf(clientGroupSchema(), {"id", "region"}),
                                "a client group");
        }
    }
    if (!idWritten)
        mContext.error(node, "missing-key", "a client group needs an 'id'");
    mTopology.clientGroups.push_back(std::move(group));
}

void TopologyParser::parseScenario(const YamlNode &node)
{
    mSources.scenario = node.location;
    Scenario scenario;
    scenario.params = ParamSet(scenarioSchema());
    for (const auto &[key, keyNode, value] : mContext.mapEntries(node, "scenario")) {
        if (key == "failures") {
            for (const YamlNode *item : mContext.sequenceItems(*value, "failures"))
                parseFailure(*item, scenario);
        } else if (key == "random_failures") {
            for (const YamlNode *item : mContext.sequenceItems(*value, "random_failures"))
                parseRandomFailure(*item, scenario);
        } else if (const ParamSpec *spec = scenarioSchema().find(key)) {
            mContext.readParam(*spec, *value, scenario.params, {});
        } else {
            mContext.unknownKey(key, *keyNode,
                                keysOf(scenarioSchema(), {"failures", "random_failures"}),
                                "scenario");
        }
    }
    mTopology.scenario = std::move(scenario);
}

void TopologyParser::parseFailure(const YamlNode &node, Scenario &scenario)
{
    const auto entries = mContext.mapEntries(node, "a failure");
    if (!node.isMap())
        return;
    ScheduledFailure failure;
    failure.params = ParamSet(scheduledFailureSchema());
    for (const auto &[key, keyNode, value] : entries) {
        const ParamSpec *spec = scheduledFailureSchema().find(key);
        if (!spec) {
            mContext.unknownKey(key, *keyNode, keysOf(scheduledFailureSchema(), {}), "a failure");
            continue;
        }
        if (key == "target") {
            auto target = mContext.id(*value, "target");
            if (target && checkReference(*target, *value, "failure target", true))
                failure.params.set("target", *target);
            continue;
        }
        mContext.readParam(*spec, *value, failure.params, {});
    }
    mContext.requireParams(scheduledFailureSchema(), failure.params, node, "a failure", {});
    mSources.failures.push_back(node.location);
    scenario.failures.push_back(std::move(failure));
}

void TopologyParser::parseRandomFailure(const YamlNode &node, Scenario &scenario)
{
    const auto entries = mContext.mapEntries(node, "a random failure");
    if (!node.isMap())
        return;
    RandomFailure failure;
    failure.params = ParamSet(randomFailureSchema());
    for (const auto &[key, keyNode, value] : entries) {
        if (const ParamSpec *spec = randomFailureSchema().find(key))
            mContext.readParam(*spec, *value, failure.params, {});
        else
            mContext.unknownKey(key, *keyNode, keysOf(randomFailureSchema(), {}),
                                "a random failure");
    }
    mContext.requireParams(randomFailureSchema(), failure.params, node, "a random failure", {});
    scenario.randomFailures.push_back(std::move(failure));
}

void TopologyParser::parseDeploy(const YamlNode &node)
{
    for (const auto &[key, keyNode, value] : mContext.mapEntries(node, "deploy")) {
        if (key == "hosts") {
            for (const YamlNode *item : mContext.sequenceItems(*value, "hosts"))
                parseDeployHost(*item);
        } else {
            mContext.unknownKey(key, *keyNode, {"hosts"}, "deploy");
        }
    }
}

void TopologyParser::parseDeployHost(const YamlNode &node)
{
    const auto entries = mContext.mapEntries(node, "a deploy host");
    if (!node.isMap())
        return;
    DeployHost host;
    host.params = ParamSet(deployHostSchema());
    bool componentWritten = false;
    for (const auto &[key, keyNode, value] : entries) {
        if (key == "component") {
            componentWritten = true;
            auto id = mContext.id(*value, "component");
            if (!id || !checkReference(*id, *value, "deploy host for", false))
                continue;
            for (const auto &other : mTopology.deployHosts) {
                if (other.component == *id) {
                    mContext.error(*value, "duplicate-id",
                                   "component '" + *id + "' has two deploy hosts", *id);
                }
            }
            host.component = *id;
        } else if (const ParamSpec *spec = deployHostSchema().find(key)) {
            mContext.readParam(*spec, *value, host.params, host.component);
        } else if (looksLikeSecret(key)) {
            mContext.error(*keyNode, "secret-in-file",
                           "'" + key
                               + "': secrets never go in a topology file; use key_file or "
                                 "the SSH agent");
        } else {
            mContext.unknownKey(key, *keyNode, keysOf(deployHostSchema(), {"component"}),
                                "a deploy host");
        }
    }
    if (!componentWritten)
        mContext.error(node, "missing-key", "a deploy host needs a 'component'");
    mContext.requireParams(deployHostSchema(), host.params, node, "a deploy host", host.component);
    mTopology.deployHosts.push_back(std::move(host));
}

void TopologyParser::parseLayout(const YamlNode &node)
{
    constexpr double limit = 1e7; // far beyond any canvas, small enough to stay exact
    for (const auto &[id, keyNode, value] : mContext.mapEntries(node, "layout")) {
        if (!checkReference(id, *keyNode, "layout entry", true))
            continue;
        LayoutBox box;
        for (const auto &[key, k, v] : mContext.mapEntries(*value, "a layout entry")) {
            double *field = key == "x"        ? &box.x
                            : key == "y"      ? &box.y
                            : key == "width"  ? &box.width
                            : key == "height" ? &box.height
                                              : nullptr;
            if (!field) {
                mContext.unknownKey(key, *k, {"x", "y", "width", "height"}, "a layout entry", id);
                continue;
            }
            auto number = mContext.number(*v, key);
            if (!number)
                continue;
            const bool isSize = key == "width" || key == "height";
            if (std::abs(*number) > limit || (isSize && *number < 0)) {
                mContext.error(
                    *v, "out-of-range",
                    key + " must be " + (isSize ? "between 0" : "between -1e7") + " and 1e7", id);
                continue;
            }
            *field = *number;
        }
        mTopology.layout.insert_or_assign(id, box);
    }
}

} // namespace topolab::core
