// The elements of a topology file: regions, components and links.
#include "topologyparser.h"

#include "../model/connectionrules.h"
#include "../model/schemas.h"
#include "../model/words.h"
#include "closestmatch.h"

#include <algorithm>

namespace topolab::core {

void TopologyParser::parseRegions(const YamlNode &node)
{
    for (const YamlNode *item : mContext.sequenceItems(node, "regions")) {
        const auto entries = mContext.mapEntries(*item, "a region");
        if (!item->isMap())
            continue;
        Region region;
        bool hasId = false;
        bool idWritten = false;
        for (const auto &[key, keyNode, value] : entries) {
            if (key == "id") {
                idWritten = true;
                if (auto id = mContext.id(*value, "id"); id && claimId(*id, *item, *value)) {
                    region.id = *id;
                    hasId = true;
                }
            } else if (key == "label") {
                region.label = mContext.text(*value, "label").value_or("");
            } else {
                mContext.unknownKey(key, *keyNode, {"id", "label"}, "a region");
            }
        }
        if (!idWritten)
            mContext.error(*item, "missing-key", "a region needs an 'id'");
        if (hasId)
            mTopology.regions.push_back(std::move(region));
    }
}

void TopologyParser::parseComponents(const YamlNode &node)
{
    for (const YamlNode *item : mContext.sequenceItems(node, "components"))
        parseComponent(*item);
}

void TopologyParser::parseComponent(const YamlNode &node)
{
    const auto entries = mContext.mapEntries(node, "a component");
    if (!node.isMap())
        return;
    const YamlNode *idNode = nullptr;
    const YamlNode *kindNode = nullptr;
    for (const auto &e : entries) {
        if (e.key == "id")
            idNode = e.value;
        else if (e.key == "kind")
            kindNode = e.value;
    }
    if (!idNode) {
        mContext.error(node, "missing-key", "a component needs an 'id'");
        return;
    }
    auto id = mContext.id(*idNode, "id");
    if (!id || !claimId(*id, node, *idNode))
        return;
    if (!kindNode) {
        mContext.error(node, "missing-key", "component '" + *id + "' needs a 'kind'", *id);
        return;
    }
    std::vector<std::string> kinds;
    for (ComponentKind k : allComponentKinds)
        kinds.emplace_back(kindName(k));
    auto kindText = mContext.text(*kindNode, "kind");
    if (!kindText)
        return;
    auto kind = parseKind(*kindText);
    if (!kind) {
        std::string message = kindText->empty() ? std::string("'kind' is empty")
                                                : "unknown kind '" + *kindText + "'";
        if (kindText->empty())
            message += "; kinds are " + joinWords(kinds);
        else if (auto guess = closestMatch(*kindText, kinds))
            message += "; did you mean '" + *guess + "'?";
        else
            message += "; kinds are " + joinWords(kinds);
        mContext.error(*kindNode, "unknown-kind", message, *id);
        return;
    }
    Component component = Component::make(*id, *kind);
    const ParamSchema &schema = componentSchema(*kind);
    const std::string where = "component '" + *id + "' (" + std::string(kindName(*kind)) + ")";
    for (const auto &[key, keyNode, value] : entries) {
        if (key == "id" || key == "kind")
            continue;
        if (key == "label") {
            component.label = mContext.text(*value, "label").value_or("");
        } else if (key == "region") {
            auto region = mContext.id(*value, "region");
            if (!region)
                continue;
            if (regionPlacement(*kind) == RegionPlacement::Forbidden) {
                mContext.error(*keyNode, "region-not-allowed",
                               "a " + std::string(kindName(*kind))
                                   + " is not placed in a region; remove `region:` from '" + *id
                                   + "'",
                               *id);
            } else if (!mTopology.region(*region)) {
                std::string message = "unknown region '" + *region + "'";
                if (auto guess = closestMatch(*region, regionIds()))
                    message += "; did you mean '" + *guess + "'?";
                else if (mTopology.regions.empty())
                    message += "; the file defines no regions (add them under `regions:`)";
                else
                    message += "; regions are " + joinWords(regionIds());
                mContext.error(*value, "unknown-region", message, *id);
            } else {
                component.region = *region;
            }
        } else if (const ParamSpec *spec = schema.find(key)) {
            mContext.readParam(*spec, *value, component.params, *id);
        } else {
            std::string owner;
            for (ComponentKind other : allComponentKinds) {
                if (other != *kind && componentSchema(other).find(key) && owner.empty())
                    owner = std::string(kindName(other));
            }
            std::vector<std::string> valid = {"id", "kind", "label", "region"};
            for (const auto &s : schema.params)
                valid.push_back(s.key);
            if (!owner.empty() && !closestMatch(key, valid)) {
                mContext.error(*keyNode, "unknown-key",
                               "'" + key + "' is a parameter of " + owner + ", not of " + where,
                               *id);
            } else {
                mContext.unknownKey(key, *keyNode, valid, where, *id);
            }
        }
    }
    mComponentIndex.emplace(component.id, mTopology.components.size());
    mTopology.components.push_back(std::move(component));
}

void TopologyParser::parseLinks(const YamlNode &node)
{
    for (const YamlNode *item : mContext.sequenceItems(node, "links"))
        parseLink(*item);
}

void TopologyParser::parseLink(const YamlNode &node)
{
    const YamlNode *fromNode = nullptr;
    const YamlNode *toNode = nullptr;
    for (const auto &[key, keyNode, value] : mContext.mapEntries(node, "a link")) {
        if (key == "from")
            fromNode = value;
        else if (key == "to")
            toNode = value;
        else
            mContext.unknownKey(key, *keyNode, {"from", "to"}, "a link");
    }
    if (!node.isMap())
        return;
    if (!fromNode || !toNode) {
        mContext.error(node, "missing-key",
                       std::string("a link needs '") + (fromNode ? "to" : "from") + "'");
        return;
    }
    auto from = mContext.id(*fromNode, "from");
    auto to = mContext.id(*toNode, "to");
    if (!from || !to)
        return;
    const bool fromOk = checkReference(*from, *fromNode, "link end", false);
    const bool toOk = checkReference(*to, *toNode, "link end", false);
    if (!fromOk || !toOk)
        return;
    if (*from == *to) {
        mContext.error(node, "self-link", "'" + *from + "' is linked to itself; remove the link",
                       *from);
        return;
    }
    const auto ends = std::minmax(*from, *to);
    if (auto it = mLinkEnds.find({ends.first, ends.second}); it != mLinkEnds.end()) {
        mContext.error(node, "duplicate-link",
                       "'" + *from + "' and '" + *to + "' are already linked (at "
                           + std::to_string(it->second.line) + ":"
                           + std::to_string(it->second.column) + "); remove one of the links",
                       *from);
        return;
    }
    const ConnectionVerdict verdict = checkConnection(*findComponent(*from), *findComponent(*to));
    if (!verdict.allowed) {
        mContext.error(node, "link-not-allowed",
                       "link " + *from + " -> " + *to + ": " + verdict.reason, *from);
        return;
    }
    mLinkEnds.emplace(std::pair(ends.first, ends.second), node.location);
    mTopology.links.push_back(Link{*from, *to});
    mSources.links.push_back(node.location);
}

} // namespace topolab::core
