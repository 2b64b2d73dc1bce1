#pragma once

#include "../model/topology.h"
#include "readcontext.h"
#include "sourcemap.h"

#include <map>
#include <unordered_map>

namespace topolab::core {

// Turns the YAML tree of a topology file into a Topology, section by section. Sections are
// read in dependency order (regions before components before links) whatever their order in
// the file, so every reference can be checked where it is written.
class TopologyParser
{
public:
    explicit TopologyParser(ReadContext &context)
        : mContext(context)
    {
    }

    void parse(const YamlNode &root);
    // Reads an inventory file's `deploy:` section against the components of `base`.
    void parseInventory(const YamlNode &root, const Topology &base);
    Topology &topology() { return mTopology; }
    SourceMap &sources() { return mSources; }

private:
    void parseVersion(const YamlNode *value, const YamlNode &root);
    void parseRegions(const YamlNode &node);
    void parseComponents(const YamlNode &node);
    void parseComponent(const YamlNode &node);
    void parseLinks(const YamlNode &node);
    void parseLink(const YamlNode &node);
    void parseTraffic(const YamlNode &node);
    void parseClientGroup(const YamlNode &node);
    void parseScenario(const YamlNode &node);
    void parseFailure(const YamlNode &node, Scenario &scenario);
    void parseRandomFailure(const YamlNode &node, Scenario &scenario);
    void parseDeploy(const YamlNode &node);
    void parseDeployHost(const YamlNode &node);
    void parseLayout(const YamlNode &node);

    // Registers the id of a new component or region written in `record`; refuses invalid and
    // duplicate ids, reported at the id itself.
    bool claimId(const std::string &id, const YamlNode &record, const YamlNode &idNode);
    const Component *findComponent(const std::string &id) const;
    // Checks that `id` names a component (or, when allowed, a region).
    bool checkReference(const std::string &id, const YamlNode &at, std::string_view role,
                        bool regionsAllowed);
    std::vector<std::string> componentIds() const;
    std::vector<std::string> regionIds() const;

    ReadContext &mContext;
    Topology mTopology;
    SourceMap mSources;
    // Lookups that keep reading linear in the size of the file.
    std::unordered_map<std::string, std::size_t> mComponentIndex;
    std::map<std::pair<std::string, std::string>, SourceLocation> mLinkEnds; // unordered pair
};

} // namespace topolab::core
