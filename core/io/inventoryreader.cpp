#include "inventoryreader.h"

#include "textprecheck.h"
#include "topologyparser.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace topolab::core {

void TopologyParser::parseInventory(const YamlNode &root, const Topology &base)
{
    mTopology = base;
    mTopology.deployHosts.clear();
    mComponentIndex.clear();
    for (std::size_t i = 0; i < mTopology.components.size(); ++i)
        mComponentIndex.emplace(mTopology.components[i].id, i);
    if (!root.isMap()) {
        mContext.error(root, "wrong-type",
                       "an inventory file is a map with one key, `deploy: {hosts: [...]}`");
        return;
    }
    bool found = false;
    for (const auto &[key, keyNode, value] : mContext.mapEntries(root, "the inventory")) {
        if (key == "deploy") {
            found = true;
            parseDeploy(*value);
        } else {
            mContext.unknownKey(key, *keyNode, {"deploy"}, "an inventory file");
        }
    }
    if (!found)
        mContext.error(root, "missing-key", "an inventory file needs `deploy: {hosts: [...]}`");
}

InventoryResult readInventory(std::string_view text, const Topology &base)
{
    InventoryResult result;
    if (auto problem = precheckText(text)) {
        result.diagnostics.push_back(*problem);
        return result;
    }
    YamlParseResult parsed = parseYaml(withoutBom(text));
    if (parsed.error) {
        result.diagnostics.push_back(*parsed.error);
        return result;
    }
    if (!parsed.root || parsed.root->isNull()) {
        result.diagnostics.push_back(Diagnostic{
            Severity::Error, "empty-file",
            "the inventory is empty; write `deploy: {hosts: [...]}`", {}, {1, 1}});
        return result;
    }
    ReadContext context;
    TopologyParser parser(context);
    parser.parseInventory(*parsed.root, base);
    if (context.failed()) {
        result.diagnostics = context.takeDiagnostics();
        return result;
    }
    result.topology = std::move(parser.topology());
    return result;
}

InventoryResult loadInventoryFile(const std::filesystem::path &path, const Topology &base)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        InventoryResult result;
        result.diagnostics.push_back(Diagnostic{
            Severity::Error, "io", std::string("cannot open: ") + std::strerror(errno), {}, {}});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return readInventory(text.str(), base);
}

} // namespace topolab::core
