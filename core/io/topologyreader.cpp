#include "topologyreader.h"

#include "../model/connectionrules.h"
#include "../model/identifier.h"
#include "../model/schemas.h"
#include "closestmatch.h"
#include "documenttext.h"
#include "topologyparser.h"

#include <algorithm>

namespace topolab::core {

namespace {

const std::vector<std::string> rootKeys = {"topolab", "name",     "regions", "components", "links",
                                           "traffic", "scenario", "deploy",  "layout"};

} // namespace

LoadResult readTopology(std::string_view text)
{
    LoadResult result;
    YamlParseResult parsed
        = parseDocument(text, "the file is empty; a topology file starts with `topolab: 1`");
    if (parsed.error) {
        result.diagnostics.push_back(*parsed.error);
        return result;
    }
    ReadContext context;
    TopologyParser parser(context);
    parser.parse(*parsed.root);
    result.sources = std::move(parser.sources());
    if (context.failed()) {
        // Sections are read in dependency order; report in file order.
        result.diagnostics = context.takeDiagnostics();
        std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                         [](const Diagnostic &a, const Diagnostic &b) {
                             return std::pair(a.location.line, a.location.column)
                                    < std::pair(b.location.line, b.location.column);
                         });
        return result;
    }
    result.topology = std::move(parser.topology());
    return result;
}

LoadResult loadTopologyFile(const std::filesystem::path &path)
{
    FileText file = readTextFile(path, "a topology file");
    if (file.error) {
        LoadResult result;
        result.unreadable = true;
        result.diagnostics.push_back(*file.error);
        return result;
    }
    return readTopology(file.text);
}

void TopologyParser::parse(const YamlNode &root)
{
    if (!root.isMap()) {
        mContext.error(root, "wrong-type",
                       "a topology file is a map that starts with `topolab: 1`, got "
                           + std::string(yamlTypeName(root.type)));
        return;
    }
    std::map<std::string, const YamlNode *, std::less<>> sections;
    for (const auto &[key, keyNode, value] : mContext.mapEntries(root, "the file")) {
        bool known = false;
        for (const auto &k : rootKeys)
            known = known || k == key;
        if (!known) {
            mContext.unknownKey(key, *keyNode, rootKeys, "the top level");
            continue;
        }
        sections.emplace(key, value);
    }
    const auto section = [&](std::string_view key) -> const YamlNode * {
        auto it = sections.find(key);
        return it == sections.end() ? nullptr : it->second;
    };
    parseVersion(section("topolab"), root);
    if (const YamlNode *name = section("name")) {
        if (auto text = mContext.text(*name, "name"))
            mTopology.name = *text;
    }
    // References are checked where they are written, so definitions are read first.
    if (const YamlNode *n = section("regions"))
        parseRegions(*n);
    if (const YamlNode *n = section("components"))
        parseComponents(*n);
    if (const YamlNode *n = section("links"))
        parseLinks(*n);
    if (const YamlNode *n = section("traffic"))
        parseTraffic(*n);
    if (const YamlNode *n = section("scenario"))
        parseScenario(*n);
    if (const YamlNode *n = section("deploy"))
        parseDeploy(*n);
    if (const YamlNode *n = section("layout"))
        parseLayout(*n);
}

void TopologyParser::parseVersion(const YamlNode *value, const YamlNode &root)
{
    if (!value) {
        mContext.error(root, "missing-version",
                       "missing format version: add `topolab: "
                           + std::to_string(currentFormatVersion) + "` as the first line");
        return;
    }
    auto version = mContext.integer(*value, "topolab (the format version)");
    if (!version)
        return;
    if (*version > currentFormatVersion) {
        mContext.error(*value, "newer-version",
                       "this file uses format version " + std::to_string(*version)
                           + ", written by a newer Topolab; this version reads format "
                           + std::to_string(currentFormatVersion) + ". Upgrade Topolab to open it");
    } else if (*version < 1) {
        mContext.error(*value, "invalid-version",
                       "format version must be " + std::to_string(currentFormatVersion) + ", got "
                           + std::to_string(*version));
    }
}

bool TopologyParser::claimId(const std::string &id, const YamlNode &record, const YamlNode &idNode)
{
    if (!isValidId(id)) {
        mContext.error(idNode, "invalid-id",
                       "invalid id '" + id.substr(0, 80)
                           + "': use letters, digits, '.', '_' and '-', starting with a letter or "
                             "digit, at most "
                           + std::to_string(maxIdLength) + " characters");
        return false;
    }
    if (auto it = mSources.elements.find(id); it != mSources.elements.end()) {
        mContext.error(idNode, "duplicate-id",
                       "duplicate id '" + id + "' (first defined at "
                           + std::to_string(it->second.line) + ":"
                           + std::to_string(it->second.column) + ")",
                       id);
        return false;
    }
    mSources.elements.emplace(id, record.location);
    return true;
}

const Component *TopologyParser::findComponent(const std::string &id) const
{
    auto it = mComponentIndex.find(id);
    return it == mComponentIndex.end() ? nullptr : &mTopology.components[it->second];
}

std::vector<std::string> TopologyParser::componentIds() const
{
    std::vector<std::string> ids;
    for (const auto &c : mTopology.components)
        ids.push_back(c.id);
    return ids;
}

std::vector<std::string> TopologyParser::regionIds() const
{
    std::vector<std::string> ids;
    for (const auto &r : mTopology.regions)
        ids.push_back(r.id);
    return ids;
}

bool TopologyParser::checkReference(const std::string &id, const YamlNode &at,
                                    std::string_view role, bool regionsAllowed)
{
    if (findComponent(id) || (regionsAllowed && mTopology.region(id)))
        return true;
    std::vector<std::string> candidates = componentIds();
    if (regionsAllowed) {
        for (auto &r : regionIds())
            candidates.push_back(r);
    }
    std::string message = std::string(role) + " '" + id + "' is not a component";
    message += regionsAllowed ? " or region" : "";
    if (auto guess = closestMatch(id, candidates))
        message += "; did you mean '" + *guess + "'?";
    mContext.error(at, "unknown-id", message);
    return false;
}

} // namespace topolab::core
