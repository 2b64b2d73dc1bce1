#include "dotwriter.h"

#include "../model/topologyindex.h"

#include <sstream>

namespace topolab::core {

namespace {

std::string quoted(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

std::string_view shape(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::Dns:
        return "ellipse";
    case ComponentKind::LoadBalancer:
        return "hexagon";
    case ComponentKind::Database:
        return "cylinder";
    case ComponentKind::Volume:
    case ComponentKind::SharedStorage:
        return "box3d";
    case ComponentKind::ObjectStorage:
        return "folder";
    case ComponentKind::Backup:
        return "note";
    case ComponentKind::Vpn:
        return "diamond";
    case ComponentKind::AppServer:
        return "box";
    }
    return "box";
}

std::string_view edgeStyle(LinkKind kind)
{
    switch (kind) {
    case LinkKind::Request:
        return "style=solid";
    case LinkKind::Replication:
        return "style=dashed, color=\"#1f6fd1\"";
    case LinkKind::Storage:
        return "style=dotted, color=\"#666666\"";
    case LinkKind::Backup:
        return "style=dashed, color=\"#2e8b57\"";
    case LinkKind::Tunnel:
        return "style=bold, color=\"#e07b00\", dir=both";
    }
    return "style=solid";
}

void writeNode(std::ostringstream &out, const Component &c, std::string_view indent)
{
    std::string label = c.id + "\n" + std::string(kindName(c.kind));
    if (!c.label.empty())
        label = c.label + "\n" + label;
    out << indent << quoted(c.id) << " [shape=" << shape(c.kind) << ", label=" << quoted(label)
        << "];\n";
}

} // namespace

std::string writeDot(const Topology &topology)
{
    TopologyIndex index(topology);
    std::ostringstream out;
    out << "digraph " << quoted(topology.name.empty() ? "topology" : topology.name) << " {\n"
        << "  rankdir=TB;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
        << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
    for (std::size_t r = 0; r < topology.regions.size(); ++r) {
        const Region &region = topology.regions[r];
        out << "  subgraph " << quoted("cluster_" + region.id) << " {\n    label="
            << quoted(region.label.empty() ? region.id : region.label + " (" + region.id + ")")
            << ";\n    style=rounded;\n";
        for (const auto &c : topology.components) {
            if (c.region == region.id)
                writeNode(out, c, "    ");
        }
        out << "  }\n";
    }
    for (const auto &c : topology.components) {
        if (c.region.empty())
            writeNode(out, c, "  ");
    }
    for (std::size_t i = 0; i < topology.links.size(); ++i) {
        const Link &l = topology.links[i];
        out << "  " << quoted(l.from) << " -> " << quoted(l.to) << " ["
            << edgeStyle(index.linkKind(i))
            << ", tooltip=" << quoted(linkKindName(index.linkKind(i))) << "];\n";
    }
    out << "}\n";
    return out.str();
}

} // namespace topolab::core
