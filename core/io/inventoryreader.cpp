#include "inventoryreader.h"

#include "documenttext.h"
#include "topologyparser.h"


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
    YamlParseResult parsed
        = parseDocument(text, "the inventory is empty; write `deploy: {hosts: [...]}`");
    if (parsed.error) {
        result.diagnostics.push_back(*parsed.error);
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
    FileText file = readTextFile(path, "an inventory file");
    if (file.error) {
        InventoryResult result;
        result.diagnostics.push_back(*file.error);
        return result;
    }
    return readInventory(file.text, base);
}

} // namespace topolab::core
