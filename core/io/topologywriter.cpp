#include "topologywriter.h"

#include "../model/schemas.h"
#include "atomicfile.h"

#include <yaml-cpp/emitter.h>

#include <array>
#include <charconv>

namespace topolab::core {

namespace {

// True when a YAML reader would take the plain text for something other than a string.
bool readsAsNonText(const std::string &s)
{
    if (s.empty())
        return true;
    constexpr std::array specials
        = {"~",     "null", "Null", "NULL", "true", "True", "TRUE", "false", "False",
           "FALSE", "yes",  "Yes",  "YES",  "no",   "No",   "NO",   "on",    "On",
           "ON",    "off",  "Off",  "OFF",  "y",    "Y",    "n",    "N"};
    for (const char *word : specials) {
        if (s == word)
            return true;
    }
    const char first = s.front();
    if ((first >= '0' && first <= '9') || first == '.' || first == '+' || first == '-')
        return true; // numbers, .inf, .nan, dates: quote rather than guess
    return false;
}

void emitText(YAML::Emitter &out, const std::string &s)
{
    // yaml-cpp escapes the C0 controls but writes DEL raw, which YAML does not allow in a
    // file (and textprecheck refuses); escaping non-ASCII for this one value escapes it too.
    if (s.find('\x7f') != std::string::npos)
        out << YAML::EscapeNonAscii << YAML::DoubleQuoted << s;
    else if (readsAsNonText(s))
        out << YAML::DoubleQuoted << s;
    else
        out << s;
}

void emitValue(YAML::Emitter &out, const ParamSpec &spec, const ParamValue &value)
{
    if (const auto *b = std::get_if<bool>(&value)) {
        out << *b;
        return;
    }
    if (spec.type == ParamType::Text || spec.type == ParamType::Choice) {
        emitText(out, std::get<std::string>(value));
        return;
    }
    out << formatParamValue(value);
}

void emitParams(YAML::Emitter &out, const ParamSet &params)
{
    for (const auto &spec : params.schema().params) {
        if (spec.type != ParamType::Group) {
            if (params.isSet(spec.key))
                out << YAML::Key << spec.key << YAML::Value,
                    emitValue(out, spec, params.value(spec.key));
            continue;
        }
        bool any = spec.optionalGroup && params.groupEnabled(spec.key);
        for (const auto &m : spec.members)
            any = any || params.isSet(spec.key + "." + m.key);
        if (!any)
            continue;
        out << YAML::Key << spec.key << YAML::Value << YAML::Flow << YAML::BeginMap;
        for (const auto &m : spec.members) {
            const std::string path = spec.key + "." + m.key;
            if (params.isSet(path))
                out << YAML::Key << m.key << YAML::Value, emitValue(out, m, params.value(path));
        }
        out << YAML::EndMap;
    }
}

void emitRegions(YAML::Emitter &out, const Topology &t)
{
    out << YAML::Key << "regions" << YAML::Value << YAML::BeginSeq;
    for (const auto &r : t.regions) {
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
        emitText(out, r.id);
        if (!r.label.empty())
            out << YAML::Key << "label" << YAML::Value, emitText(out, r.label);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void emitComponents(YAML::Emitter &out, const Topology &t)
{
    out << YAML::Key << "components" << YAML::Value << YAML::BeginSeq;
    for (const auto &c : t.components) {
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
        emitText(out, c.id);
        out << YAML::Key << "kind" << YAML::Value << std::string(kindName(c.kind));
        if (!c.region.empty())
            out << YAML::Key << "region" << YAML::Value, emitText(out, c.region);
        if (!c.label.empty())
            out << YAML::Key << "label" << YAML::Value, emitText(out, c.label);
        emitParams(out, c.params);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void emitLinks(YAML::Emitter &out, const Topology &t)
{
    out << YAML::Key << "links" << YAML::Value << YAML::BeginSeq;
    for (const auto &l : t.links) {
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "from" << YAML::Value;
        emitText(out, l.from);
        out << YAML::Key << "to" << YAML::Value;
        emitText(out, l.to);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
}

void emitTraffic(YAML::Emitter &out, const Topology &t)
{
    out << YAML::Key << "traffic" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "client_groups" << YAML::Value << YAML::BeginSeq;
    for (const auto &g : t.clientGroups) {
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "id" << YAML::Value;
        emitText(out, g.id);
        if (!g.region.empty())
            out << YAML::Key << "region" << YAML::Value, emitText(out, g.region);
        emitParams(out, g.params);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
}

void emitScenario(YAML::Emitter &out, const Scenario &s)
{
    out << YAML::Key << "scenario" << YAML::Value << YAML::BeginMap;
    emitParams(out, s.params);
    if (!s.failures.empty()) {
        out << YAML::Key << "failures" << YAML::Value << YAML::BeginSeq;
        for (const auto &f : s.failures)
            out << YAML::Flow << YAML::BeginMap, emitParams(out, f.params), out << YAML::EndMap;
        out << YAML::EndSeq;
    }
    if (!s.randomFailures.empty()) {
        out << YAML::Key << "random_failures" << YAML::Value << YAML::BeginSeq;
        for (const auto &f : s.randomFailures)
            out << YAML::Flow << YAML::BeginMap, emitParams(out, f.params), out << YAML::EndMap;
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
}

void emitDeploy(YAML::Emitter &out, const Topology &t)
{
    out << YAML::Key << "deploy" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "hosts" << YAML::Value << YAML::BeginSeq;
    for (const auto &h : t.deployHosts) {
        out << YAML::Flow << YAML::BeginMap << YAML::Key << "component" << YAML::Value;
        emitText(out, h.component);
        emitParams(out, h.params);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
}

void emitLayout(YAML::Emitter &out, const Topology &t)
{
    out << YAML::Key << "layout" << YAML::Value << YAML::BeginMap;
    for (const auto &[id, box] : t.layout) {
        out << YAML::Key;
        emitText(out, id);
        out << YAML::Value << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "x" << YAML::Value << formatParamValue(box.x);
        out << YAML::Key << "y" << YAML::Value << formatParamValue(box.y);
        if (box.width > 0)
            out << YAML::Key << "width" << YAML::Value << formatParamValue(box.width);
        if (box.height > 0)
            out << YAML::Key << "height" << YAML::Value << formatParamValue(box.height);
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

} // namespace

std::string writeTopology(const Topology &topology)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::BeginMap;
    out << YAML::Key << "topolab" << YAML::Value << currentFormatVersion;
    if (!topology.name.empty())
        out << YAML::Key << "name" << YAML::Value, emitText(out, topology.name);
    if (!topology.regions.empty())
        emitRegions(out, topology);
    emitComponents(out, topology);
    if (!topology.links.empty())
        emitLinks(out, topology);
    if (!topology.clientGroups.empty())
        emitTraffic(out, topology);
    if (topology.scenario)
        emitScenario(out, *topology.scenario);
    if (!topology.deployHosts.empty())
        emitDeploy(out, topology);
    if (!topology.layout.empty())
        emitLayout(out, topology);
    out << YAML::EndMap;
    std::string text = out.c_str();
    text += '\n';
    return text;
}

std::string saveTopologyFile(const Topology &topology, const std::filesystem::path &path)
{
    return writeFileAtomically(path, writeTopology(topology));
}

} // namespace topolab::core
