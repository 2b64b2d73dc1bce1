#pragma once

#include "readcontext.h"
#include "sourcemap.h"
#include "../model/topology.h"

namespace topolab::core {

// Turns the YAML tree of a topology file into a Topology, section by section. Sections are
// read in dependency order (regions before components before links) whatever their order in
// the file, so every reference can be checked where it is written.
class TopologyParser
{
public:
    explicit TopologyParser(ReadContext &context) : mContext(context) {}

    void parse(const YamlNode &root);
    Topology &topology() { return mTopology; }
    SourceMap &sources() { return mSources; }

private:
    void parseVersion(const YamlNode *value, const YamlNode &root);
    void parseRegions(const YamlNode &node);
    void parseComponents(const YamlNode &node);
    void parseComponent(const YamlNode &node);
    void parseLinks(const YamlNode &node);
    void parseLink(const YamlNode &node, std::size_t index);
    void parseTraffic(const YamlNode &node);
    void parseClientGroup(const YamlNode &node);
    void parseScenario(const YamlNode &node);
    void parseFailure(const YamlNode &node, Scenario &scenario);
    void parseRandomFailure(const YamlNode &node, Scenario &scenario);
    void parseDeploy(const YamlNode &node);
    void parseDeployHost(const YamlNode &node);
    void parseLayout(const YamlNode &node);

    // Registers a new component or region id; refuses invalid and duplicate ids.
    bool claimId(const std::string &id, const YamlNode &at);
    // Checks that `id` names a component (or, when allowed, a region).
    bool checkReference(const std::string &id, const YamlNode &at, std::string_view role,
                        bool regionsAllowed);
    std::vector<std::string> componentIds() const;
    std::vector<std::string> regionIds() const;

    ReadContext &mContext;
    Topology mTopology;
    SourceMap mSources;
};

} // namespace topolab::core
