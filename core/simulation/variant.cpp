#include "variant.h"

#include "../io/closestmatch.h"
#include "../model/schemas.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace topolab::core {

namespace {

constexpr std::string_view kindPrefix = "kind:";
constexpr std::string_view scenarioPrefix = "scenario.";
constexpr std::string_view trafficPrefix = "traffic.";
constexpr int maxRangeSteps = 1000;

std::string quoted(std::string_view text)
{
    return "'" + std::string(text) + "'";
}

std::string_view trimmed(std::string_view text)
{
    const auto space = [](char c) {
        return std::isspace(static_cast<unsigned char>(c)) != 0;
    };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string suggestion(std::string_view word, const std::vector<std::string> &candidates)
{
    std::optional<std::string> guess = closestMatch(word, candidates);
    if (!guess && !word.empty()) {
        // A key written without its unit ("ttl" for "ttl_s") is too short for a typo.
        for (const std::string &candidate : candidates) {
            if (candidate.size() > word.size() && candidate.starts_with(word)
                && (candidate[word.size()] == '_' || candidate[word.size()] == '.')) {
                if (guess)
                    return {};
                guess = candidate;
            }
        }
    }
    return guess ? " — did you mean " + quoted(*guess) + "?" : std::string();
}

std::string joined(const std::vector<std::string> &words, std::string_view last = " or ")
{
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0)
            out += i + 1 == words.size() ? std::string(last) : std::string(", ");
        out += words[i];
    }
    return out;
}

// The paths of a schema that hold one value (groups excluded).
std::vector<std::string> valuePaths(const ParamSchema &schema)
{
    std::vector<std::string> out;
    for (const std::string &path : schema.allPaths()) {
        if (schema.find(path)->type != ParamType::Group)
            out.push_back(path);
    }
    return out;
}

// Checks that `param` names one value of `schema`; `owner` says whose ("dns 'www'").
std::optional<std::string> checkParam(const ParamSchema &schema, std::string_view param,
                                      const std::string &owner, std::string_view text)
{
    const ParamSpec *spec = param.empty() ? nullptr : schema.find(param);
    if (!spec) {
        const std::vector<std::string> paths = valuePaths(schema);
        std::string message
            = "unknown parameter " + quoted(param) + " of " + owner + " in " + quoted(text);
        const std::string guess = suggestion(param, paths);
        return message + (guess.empty() ? "; it has " + joined(paths, " and ") : guess);
    }
    if (spec->type == ParamType::Group) {
        std::vector<std::string> members;
        for (const ParamSpec &member : spec->members)
            members.push_back(std::string(param) + "." + member.key);
        return quoted(param) + " of " + owner
               + " is a group; name one of its members: " + joined(members);
    }
    return std::nullopt;
}

std::vector<std::string> componentIds(const Topology &topology)
{
    std::vector<std::string> ids;
    for (const Component &c : topology.components)
        ids.push_back(c.id);
    return ids;
}

std::vector<std::string> kindNames()
{
    std::vector<std::string> names;
    for (ComponentKind kind : allComponentKinds)
        names.emplace_back(kindName(kind));
    return names;
}

const ClientGroup *clientGroup(const Topology &topology, std::string_view id)
{
    for (const ClientGroup &group : topology.clientGroups) {
        if (group.id == id)
            return &group;
    }
    return nullptr;
}

// Splits "<id>.<param>" where the prefix is an id `exists` accepts, longest id first; every
// split whose prefix exists, so the caller can take the first whose parameter resolves.
template<typename Exists>
std::vector<std::pair<std::string_view, std::string_view>> splits(std::string_view text,
                                                                  Exists exists)
{
    std::vector<std::pair<std::string_view, std::string_view>> out;
    for (std::size_t dot = text.rfind('.'); dot != std::string_view::npos && dot > 0;
         dot = text.rfind('.', dot - 1)) {
        if (exists(text.substr(0, dot)))
            out.emplace_back(text.substr(0, dot), text.substr(dot + 1));
    }
    return out;
}

Checked<ParamPath> parseKindPath(std::string_view text, const Topology &topology)
{
    const std::string_view rest = text.substr(kindPrefix.size());
    const auto dot = rest.find('.');
    const std::string_view name = rest.substr(0, dot);
    const std::optional<ComponentKind> kind = parseKind(name);
    if (!kind) {
        return Checked<ParamPath>::fail("unknown kind " + quoted(name) + " in " + quoted(text)
                                        + suggestion(name, kindNames()));
    }
    if (dot == std::string_view::npos) {
        return Checked<ParamPath>::fail(quoted(text)
                                        + " names no parameter; write kind:" + std::string(name)
                                        + ".<parameter>, e.g. kind:" + std::string(name) + "."
                                        + valuePaths(componentSchema(*kind)).front());
    }
    if (topology.componentsOfKind(*kind).empty()) {
        return Checked<ParamPath>::fail("the topology has no " + std::string(name)
                                        + " component, in " + quoted(text));
    }
    const std::string_view param = rest.substr(dot + 1);
    if (auto problem = checkParam(componentSchema(*kind), param, "kind " + std::string(name), text))
        return Checked<ParamPath>::fail(*problem);
    return {ParamPath{ParamPath::Scope::Kind, std::string(name), std::string(param)}, {}};
}

Checked<ParamPath> parseScenarioPath(std::string_view text)
{
    const std::string_view param = text.substr(scenarioPrefix.size());
    if (auto problem = checkParam(scenarioSchema(), param, "the scenario", text))
        return Checked<ParamPath>::fail(*problem);
    return {ParamPath{ParamPath::Scope::Scenario, {}, std::string(param)}, {}};
}

Checked<ParamPath> parseTrafficPath(std::string_view text, const Topology &topology)
{
    const std::string_view rest = text.substr(trafficPrefix.size());
    if (topology.clientGroups.empty())
        return Checked<ParamPath>::fail("the topology has no client group, in " + quoted(text));
    const auto found
        = splits(rest, [&](std::string_view id) { return clientGroup(topology, id) != nullptr; });
    if (found.empty()) {
        if (clientGroup(topology, rest)) {
            return Checked<ParamPath>::fail(quoted(text) + " names no parameter; write traffic."
                                            + std::string(rest) + ".<parameter>, e.g. traffic."
                                            + std::string(rest) + ".rate_rps");
        }
        std::vector<std::string> ids;
        for (const ClientGroup &group : topology.clientGroups)
            ids.push_back(group.id);
        const std::string_view id = rest.substr(0, rest.find('.'));
        return Checked<ParamPath>::fail("unknown client group " + quoted(id) + " in " + quoted(text)
                                        + suggestion(id, ids));
    }
    std::optional<std::string> first;
    for (const auto &[id, param] : found) {
        auto problem = checkParam(clientGroupSchema(), param, "client group " + quoted(id), text);
        if (!problem)
            return {ParamPath{ParamPath::Scope::ClientGroup, std::string(id), std::string(param)},
                    {}};
        if (!first)
            first = std::move(problem);
    }
    return Checked<ParamPath>::fail(*first);
}

Checked<ParamPath> parseComponentPath(std::string_view text, const Topology &topology)
{
    const auto found
        = splits(text, [&](std::string_view id) { return topology.component(id) != nullptr; });
    std::optional<std::string> first;
    for (const auto &[id, param] : found) {
        const Component &c = *topology.component(id);
        auto problem = checkParam(componentSchema(c.kind), param,
                                  std::string(kindName(c.kind)) + " " + quoted(id), text);
        if (!problem)
            return {ParamPath{ParamPath::Scope::Component, std::string(id), std::string(param)},
                    {}};
        if (!first)
            first = std::move(problem);
    }
    if (first)
        return Checked<ParamPath>::fail(*first);
    if (const Component *c = topology.component(text)) {
        return Checked<ParamPath>::fail(
            quoted(text) + " names no parameter; write " + std::string(text) + ".<parameter>, e.g. "
            + std::string(text) + "." + valuePaths(componentSchema(c->kind)).front());
    }
    const std::string_view head = text.substr(0, text.find('.'));
    if (topology.region(head)) {
        return Checked<ParamPath>::fail(quoted(head) + " in " + quoted(text)
                                        + " is a region; regions have no parameters (name one "
                                          "of its components, or kind:<kind> for all)");
    }
    std::vector<std::string> names = componentIds(topology);
    names.insert(names.end(), {"scenario", "traffic"});
    return Checked<ParamPath>::fail("unknown component " + quoted(head) + " in " + quoted(text)
                                    + suggestion(head, names));
}

std::string lowerFirst(std::string text)
{
    if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[1])) == 0)
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

// Stores `value` at `param` of one record, turning on an optional group it is a member of.
std::optional<std::string> setParam(ParamSet &params, const std::string &param, ParamValue value)
{
    const ParamSpec *spec = params.schema().find(param);
    if (!spec)
        return "no parameter " + quoted(param);
    if (spec->type == ParamType::Integer) {
        if (const auto *d = std::get_if<double>(&value);
            d && std::floor(*d) == *d && std::abs(*d) < 9.2e18)
            value = static_cast<std::int64_t>(*d);
    }
    if (const auto dot = param.find('.'); dot != std::string::npos)
        params.setGroupEnabled(param.substr(0, dot), true);
    return params.set(param, std::move(value));
}

} // namespace

std::string ParamPath::text() const
{
    switch (scope) {
    case Scope::Component:
        return owner + "." + param;
    case Scope::Kind:
        return std::string(kindPrefix) + owner + "." + param;
    case Scope::Scenario:
        return std::string(scenarioPrefix) + param;
    case Scope::ClientGroup:
        return std::string(trafficPrefix) + owner + "." + param;
    }
    return param;
}

Checked<ParamPath> parseParamPath(std::string_view text, const Topology &topology)
{
    text = trimmed(text);
    if (text.empty()) {
        return Checked<ParamPath>::fail(
            "empty parameter path; write <component>.<parameter>, e.g. www.ttl_s");
    }
    if (text.starts_with(kindPrefix))
        return parseKindPath(text, topology);
    if (text.starts_with(scenarioPrefix))
        return parseScenarioPath(text);
    if (text.starts_with(trafficPrefix))
        return parseTrafficPath(text, topology);
    if (text == "scenario" || text == "traffic") {
        return Checked<ParamPath>::fail(quoted(text) + " names no parameter; write "
                                        + (text == "scenario"
                                               ? std::string("scenario.<key>, e.g. "
                                                             "scenario.duration_s")
                                               : std::string("traffic.<group>.<key>, e.g. "
                                                             "traffic.users.rate_rps")));
    }
    return parseComponentPath(text, topology);
}

const ParamSchema &schemaOf(const ParamPath &path, const Topology &topology)
{
    switch (path.scope) {
    case ParamPath::Scope::Component:
        return componentSchema(topology.component(path.owner)->kind);
    case ParamPath::Scope::Kind:
        return componentSchema(*parseKind(path.owner));
    case ParamPath::Scope::Scenario:
        return scenarioSchema();
    case ParamPath::Scope::ClientGroup:
        return clientGroupSchema();
    }
    return scenarioSchema();
}

const ParamSpec &specOf(const ParamPath &path, const Topology &topology)
{
    return *schemaOf(path, topology).find(path.param);
}

std::string paramTitle(const ParamPath &path, const Topology &topology)
{
    return schemaOf(path, topology).titleOf(path.param);
}

ParamValue currentValue(const ParamPath &path, const Topology &topology)
{
    switch (path.scope) {
    case ParamPath::Scope::Component:
        if (const Component *c = topology.component(path.owner))
            return c->params.value(path.param);
        break;
    case ParamPath::Scope::Kind:
        if (auto all = topology.componentsOfKind(*parseKind(path.owner)); !all.empty())
            return all.front()->params.value(path.param);
        break;
    case ParamPath::Scope::Scenario:
        if (topology.scenario)
            return topology.scenario->params.value(path.param);
        break;
    case ParamPath::Scope::ClientGroup:
        if (const ClientGroup *group = clientGroup(topology, path.owner))
            return group->params.value(path.param);
        break;
    }
    return specOf(path, topology).defaultValue;
}

Checked<ParamValue> parseParamValue(const ParamSpec &spec, std::string_view text)
{
    text = trimmed(text);
    const std::string got = ", got " + quoted(text);
    ParamValue value;
    switch (spec.type) {
    case ParamType::Boolean: {
        std::string word(text);
        std::transform(word.begin(), word.end(), word.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (word == "true" || word == "yes" || word == "on")
            value = true;
        else if (word == "false" || word == "no" || word == "off")
            value = false;
        else
            return Checked<ParamValue>::fail(spec.key + " must be true or false" + got);
        break;
    }
    case ParamType::Integer:
    case ParamType::Number: {
        double number = 0;
        const char *end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, number);
        if (text.empty() || ec != std::errc() || ptr != end)
            return Checked<ParamValue>::fail(spec.key + " must be a number" + got);
        if (spec.type == ParamType::Number) {
            value = number;
        } else {
            if (std::floor(number) != number || std::abs(number) > 9.2e18)
                return Checked<ParamValue>::fail(spec.key + " must be a whole number" + got);
            value = static_cast<std::int64_t>(number);
        }
        break;
    }
    case ParamType::Choice:
    case ParamType::Text:
        value = std::string(text);
        break;
    case ParamType::Group:
        return Checked<ParamValue>::fail(spec.key + " is a group; set one of its members");
    }
    if (auto problem = checkParamValue(spec, value))
        return Checked<ParamValue>::fail(*problem);
    return {std::move(value), {}};
}

Checked<std::vector<ParamValue>> parseParamValues(const ParamSpec &spec, std::string_view text)
{
    using Result = Checked<std::vector<ParamValue>>;
    text = trimmed(text);
    if (text.empty())
        return Result::fail("no values for " + spec.key
                            + "; write a list (30,60,300) or a range (from:to:steps, e.g. "
                              "30:300:4)");
    std::vector<ParamValue> values;
    if (text.find(':') != std::string_view::npos) {
        if (spec.type != ParamType::Integer && spec.type != ParamType::Number) {
            return Result::fail("a range needs a numeric parameter, and " + spec.key + " is "
                                + std::string(paramTypeName(spec.type))
                                + "; list the values instead, separated by commas");
        }
        std::vector<std::string_view> parts;
        for (std::size_t start = 0;;) {
            const auto colon = text.find(':', start);
            parts.push_back(trimmed(text.substr(start, colon - start)));
            if (colon == std::string_view::npos)
                break;
            start = colon + 1;
        }
        if (parts.size() != 3)
            return Result::fail("a range is from:to:steps, e.g. 30:300:4, got " + quoted(text));
        double bounds[2] = {0, 0};
        for (int i = 0; i < 2; ++i) {
            const std::string_view part = parts[static_cast<std::size_t>(i)];
            const char *end = part.data() + part.size();
            const auto [ptr, ec] = std::from_chars(part.data(), end, bounds[i]);
            if (part.empty() || ec != std::errc() || ptr != end || !std::isfinite(bounds[i]))
                return Result::fail(std::string(i == 0 ? "the start" : "the end") + " of the range "
                                    + quoted(text) + " is not a number");
        }
        int steps = 0;
        const std::string_view count = parts[2];
        const auto [ptr, ec] = std::from_chars(count.data(), count.data() + count.size(), steps);
        if (count.empty() || ec != std::errc() || ptr != count.data() + count.size() || steps < 2
            || steps > maxRangeSteps) {
            return Result::fail("the steps of the range " + quoted(text)
                                + " must be a whole number from 2 to "
                                + std::to_string(maxRangeSteps));
        }
        for (int i = 0; i < steps; ++i) {
            double v = i + 1 == steps ? bounds[1]
                                      : bounds[0] + (bounds[1] - bounds[0]) * i / (steps - 1);
            ParamValue value = v;
            if (spec.type == ParamType::Integer)
                value = static_cast<std::int64_t>(std::llround(v));
            if (auto problem = checkParamValue(spec, value))
                return Result::fail(*problem);
            if (std::find(values.begin(), values.end(), value) == values.end())
                values.push_back(std::move(value));
        }
        return {std::move(values), {}};
    }
    for (std::size_t start = 0;;) {
        const auto comma = text.find(',', start);
        const std::string_view item = trimmed(text.substr(start, comma - start));
        if (item.empty())
            return Result::fail("an empty value in the list " + quoted(text) + " of " + spec.key);
        Checked<ParamValue> value = parseParamValue(spec, item);
        if (!value)
            return Result::fail(value.error);
        if (std::find(values.begin(), values.end(), *value.value) != values.end())
            return Result::fail(quoted(item) + " is listed twice in " + quoted(text));
        values.push_back(std::move(*value.value));
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return {std::move(values), {}};
}

std::string describeValue(const ParamSpec &spec, const ParamValue &value)
{
    if (spec.unit == "share") {
        if (const auto number = numericValue(spec, value))
            return formatParamValue(*number * 100) + " %";
    }
    const std::string text = formatParamValue(value);
    return spec.unit.empty() ? text : text + " " + spec.unit;
}

Checked<ParamChange> parseParamChange(std::string_view text, const Topology &topology)
{
    const auto equals = text.find('=');
    if (equals == std::string_view::npos) {
        return Checked<ParamChange>::fail("a change is PATH=VALUE, e.g. www.ttl_s=30, got "
                                          + quoted(text));
    }
    Checked<ParamPath> path = parseParamPath(text.substr(0, equals), topology);
    if (!path)
        return Checked<ParamChange>::fail(path.error);
    Checked<ParamValue> value
        = parseParamValue(specOf(*path.value, topology), text.substr(equals + 1));
    if (!value)
        return Checked<ParamChange>::fail(path.value->text() + ": " + value.error);
    return {ParamChange{std::move(*path.value), std::move(*value.value)}, {}};
}

Checked<ParamSweep> parseParamSweep(std::string_view text, const Topology &topology)
{
    const auto equals = text.find('=');
    if (equals == std::string_view::npos) {
        return Checked<ParamSweep>::fail("a sweep is PATH=V1,V2,... or PATH=from:to:steps, e.g. "
                                         "www.ttl_s=30,60,300, got "
                                         + quoted(text));
    }
    Checked<ParamPath> path = parseParamPath(text.substr(0, equals), topology);
    if (!path)
        return Checked<ParamSweep>::fail(path.error);
    auto values = parseParamValues(specOf(*path.value, topology), text.substr(equals + 1));
    if (!values)
        return Checked<ParamSweep>::fail(path.value->text() + ": " + values.error);
    return {ParamSweep{std::move(*path.value), std::move(*values.value)}, {}};
}

Checked<Topology> applyChanges(const Topology &base, const std::vector<ParamChange> &changes)
{
    Topology out = base;
    for (const ParamChange &change : changes) {
        const ParamPath &path = change.path;
        const std::string where = path.text() + ": ";
        std::optional<std::string> problem;
        switch (path.scope) {
        case ParamPath::Scope::Component: {
            Component *c = out.component(path.owner);
            if (!c)
                return Checked<Topology>::fail(where + "the topology has no component "
                                               + quoted(path.owner));
            problem = setParam(c->params, path.param, change.value);
            break;
        }
        case ParamPath::Scope::Kind: {
            const std::optional<ComponentKind> kind = parseKind(path.owner);
            bool any = false;
            for (Component &c : out.components) {
                if (!kind || c.kind != *kind || problem)
                    continue;
                any = true;
                problem = setParam(c.params, path.param, change.value);
            }
            if (!any)
                return Checked<Topology>::fail(where + "the topology has no " + path.owner
                                               + " component");
            break;
        }
        case ParamPath::Scope::Scenario:
            if (!out.scenario)
                out.scenario = Scenario{ParamSet(scenarioSchema()), {}, {}};
            problem = setParam(out.scenario->params, path.param, change.value);
            break;
        case ParamPath::Scope::ClientGroup: {
            auto group = std::find_if(out.clientGroups.begin(), out.clientGroups.end(),
                                      [&](const ClientGroup &g) { return g.id == path.owner; });
            if (group == out.clientGroups.end())
                return Checked<Topology>::fail(where + "the topology has no client group "
                                               + quoted(path.owner));
            problem = setParam(group->params, path.param, change.value);
            break;
        }
        }
        if (problem)
            return Checked<Topology>::fail(where + *problem);
    }
    return {std::move(out), {}};
}

std::string changeLabel(const ParamChange &change, const Topology &topology)
{
    const ParamPath &path = change.path;
    const std::string what
        = paramTitle(path, topology) + " " + describeValue(specOf(path, topology), change.value);
    switch (path.scope) {
    case ParamPath::Scope::Component: {
        const Component *c = topology.component(path.owner);
        if (c && topology.componentsOfKind(c->kind).size() > 1)
            return path.owner + ": " + what;
        return what;
    }
    case ParamPath::Scope::Kind:
        return "every " + lowerFirst(std::string(kindTitle(*parseKind(path.owner)))) + ": " + what;
    case ParamPath::Scope::Scenario:
        return what;
    case ParamPath::Scope::ClientGroup:
        return topology.clientGroups.size() > 1 ? path.owner + ": " + what : what;
    }
    return what;
}

std::string changesLabel(const std::vector<ParamChange> &changes, const Topology &topology)
{
    std::vector<std::string> parts;
    for (const ParamChange &change : changes)
        parts.push_back(changeLabel(change, topology));
    return joined(parts, ", ");
}

std::vector<ParamChange> currentValues(const std::vector<ParamChange> &changes,
                                       const Topology &topology)
{
    std::vector<ParamChange> out;
    for (const ParamChange &change : changes)
        out.push_back({change.path, currentValue(change.path, topology)});
    return out;
}

std::optional<double> numericValue(const ParamSpec &spec, const ParamValue &value)
{
    if (const auto *b = std::get_if<bool>(&value))
        return *b ? 1.0 : 0.0;
    if (const auto *i = std::get_if<std::int64_t>(&value))
        return static_cast<double>(*i);
    if (const auto *d = std::get_if<double>(&value))
        return *d;
    if (spec.type == ParamType::Choice) {
        const auto &word = std::get<std::string>(value);
        const auto it = std::find(spec.choices.begin(), spec.choices.end(), word);
        if (it != spec.choices.end())
            return static_cast<double>(it - spec.choices.begin());
    }
    return std::nullopt;
}

} // namespace topolab::core
