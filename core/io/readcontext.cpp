#include "readcontext.h"

#include "../model/words.h"
#include "closestmatch.h"

#include <charconv>
#include <cmath>
#include <map>

namespace topolab::core {

namespace {

std::string describe(const YamlNode &node)
{
    if (node.isScalar()) {
        std::string shown
            = node.scalar.size() > 40 ? node.scalar.substr(0, 40) + "..." : node.scalar;
        return "'" + shown + "'";
    }
    return std::string(yamlTypeName(node.type));
}

// For a quoted scalar that would be valid without its quotes: say so.
std::string quoteHint(const YamlNode &node)
{
    return node.isScalar() && !node.plain ? " (it is quoted: remove the quotes)" : "";
}

std::string location(SourceLocation l)
{
    return std::to_string(l.line) + ":" + std::to_string(l.column);
}

} // namespace

void ReadContext::error(const YamlNode &at, std::string code, std::string message,
                        std::string componentId)
{
    error(at.location, std::move(code), std::move(message), std::move(componentId));
}

void ReadContext::error(SourceLocation at, std::string code, std::string message,
                        std::string componentId)
{
    if (full())
        return;
    mDiagnostics.push_back(Diagnostic{Severity::Error, std::move(code), std::move(message),
                                      std::move(componentId), at});
    if (full()) {
        mDiagnostics.push_back(Diagnostic{Severity::Error,
                                          "too-many-errors",
                                          "too many errors; fix these and load again",
                                          {},
                                          at});
    }
}

std::vector<MapEntry> ReadContext::mapEntries(const YamlNode &node, std::string_view what)
{
    std::vector<MapEntry> out;
    if (node.isNull())
        return out;
    if (!node.isMap()) {
        error(node, "wrong-type",
              std::string(what) + " must be a map of keys, got " + describe(node));
        return out;
    }
    std::map<std::string, SourceLocation, std::less<>> seen;
    for (const auto &[key, value] : node.entries) {
        if (!key.isScalar() || key.scalar.empty()) {
            error(key, "wrong-type", "keys in " + std::string(what) + " must be words");
            continue;
        }
        if (auto it = seen.find(key.scalar); it != seen.end()) {
            error(key, "duplicate-key",
                  "duplicate key '" + key.scalar + "' in " + std::string(what) + " (first at "
                      + location(it->second) + ")");
            continue;
        }
        seen.emplace(key.scalar, key.location);
        out.push_back(MapEntry{key.scalar, &key, &value});
    }
    return out;
}

std::vector<const YamlNode *> ReadContext::sequenceItems(const YamlNode &node,
                                                         std::string_view what)
{
    std::vector<const YamlNode *> out;
    if (node.isNull())
        return out;
    if (!node.isSequence()) {
        error(node, "wrong-type", std::string(what) + " must be a list, got " + describe(node));
        return out;
    }
    for (const auto &item : node.items)
        out.push_back(&item);
    return out;
}

std::optional<std::string> ReadContext::text(const YamlNode &node, std::string_view key)
{
    if (node.isNull())
        return std::string();
    if (!node.isScalar()) {
        error(node, "wrong-type", std::string(key) + " must be text, got " + describe(node));
        return std::nullopt;
    }
    return node.scalar;
}

std::optional<std::string> ReadContext::id(const YamlNode &node, std::string_view key)
{
    if (!node.isScalar() || node.scalar.empty()) {
        error(node, "wrong-type", std::string(key) + " must be an id, got " + describe(node));
        return std::nullopt;
    }
    return node.scalar;
}

std::optional<std::int64_t> ReadContext::integer(const YamlNode &node, std::string_view key)
{
    if (node.isScalar() && node.plain) {
        std::int64_t v = 0;
        const char *first = node.scalar.data();
        const char *last = first + node.scalar.size();
        auto [ptr, ec] = std::from_chars(first, last, v);
        if (ec == std::errc() && ptr == last)
            return v;
        if (ec == std::errc::result_out_of_range) {
            error(node, "out-of-range", std::string(key) + " is too large: " + describe(node));
            return std::nullopt;
        }
    }
    error(node, "wrong-type",
          std::string(key) + " must be a whole number, got " + describe(node) + quoteHint(node));
    return std::nullopt;
}

std::optional<double> ReadContext::number(const YamlNode &node, std::string_view key)
{
    if (node.isScalar() && node.plain) {
        double v = 0;
        const char *first = node.scalar.data();
        const char *last = first + node.scalar.size();
        if (first != last && *first == '+')
            ++first;
        auto [ptr, ec] = std::from_chars(first, last, v);
        if (ec == std::errc() && ptr == last && std::isfinite(v))
            return v;
        if (ec == std::errc::result_out_of_range || (ec == std::errc() && !std::isfinite(v))) {
            error(node, "out-of-range",
                  std::string(key) + " must be a finite number, got " + describe(node));
            return std::nullopt;
        }
    }
    error(node, "wrong-type",
          std::string(key) + " must be a number, got " + describe(node) + quoteHint(node));
    return std::nullopt;
}

std::optional<ParamValue> ReadContext::scalarParam(const ParamSpec &spec, const YamlNode &node,
                                                   const std::string &path)
{
    switch (spec.type) {
    case ParamType::Boolean:
        if (node.isScalar() && node.plain && (node.scalar == "true" || node.scalar == "false"))
            return node.scalar == "true";
        error(node, "wrong-type",
              path + " must be true or false, got " + describe(node) + quoteHint(node));
        return std::nullopt;
    case ParamType::Integer:
        if (auto v = integer(node, path))
            return *v;
        return std::nullopt;
    case ParamType::Number:
        if (auto v = number(node, path))
            return *v;
        return std::nullopt;
    case ParamType::Choice:
        if (node.isScalar())
            return node.scalar;
        error(node, "wrong-type", path + " must be one of its words, got " + describe(node));
        return std::nullopt;
    case ParamType::Text:
        if (auto v = text(node, path))
            return *v;
        return std::nullopt;
    case ParamType::Group:
        break;
    }
    return std::nullopt;
}

void ReadContext::readParam(const ParamSpec &spec, const YamlNode &value, ParamSet &params,
                            const std::string &owner)
{
    if (spec.type != ParamType::Group) {
        auto v = scalarParam(spec, value, spec.key);
        if (!v)
            return;
        if (auto problem = params.set(spec.key, *v)) {
            std::string message = *problem;
            if (spec.type == ParamType::Choice) {
                if (auto guess = closestMatch(std::get<std::string>(*v), spec.choices))
                    message += "; did you mean '" + *guess + "'?";
            }
            error(value, "invalid-value", message, owner);
        }
        return;
    }
    if (!value.isNull() && !value.isMap()) {
        std::string example;
        for (const auto &m : spec.members)
            example
                += (example.empty() ? "" : ", ") + m.key + ": " + formatParamValue(m.defaultValue);
        error(value, "wrong-type",
              spec.key + " must be a map such as {" + example + "}, got " + describe(value), owner);
        return;
    }
    params.setGroupEnabled(spec.key, true);
    for (const auto &[key, keyNode, member] : mapEntries(value, spec.key)) {
        const ParamSpec *memberSpec = nullptr;
        for (const auto &m : spec.members) {
            if (m.key == key)
                memberSpec = &m;
        }
        if (!memberSpec) {
            std::vector<std::string> valid;
            for (const auto &m : spec.members)
                valid.push_back(m.key);
            unknownKey(key, *keyNode, valid, spec.key, owner);
            continue;
        }
        const std::string path = spec.key + "." + key;
        auto v = scalarParam(*memberSpec, *member, path);
        if (!v)
            continue;
        if (auto problem = params.set(path, *v))
            error(*member, "invalid-value", spec.key + "." + *problem, owner);
    }
}

void ReadContext::requireParams(const ParamSchema &schema, const ParamSet &params,
                                const YamlNode &record, std::string_view what,
                                const std::string &owner)
{
    const auto written = [&](const std::string &key) {
        for (const auto &[k, v] : record.entries) {
            if (k.isScalar() && k.scalar == key)
                return true;
        }
        return false;
    };
    for (const auto &spec : schema.params) {
        // A key written with a bad value already has its own error; "needs 'key'" on top of it
        // would send the reader looking for a key that is there.
        if (spec.required && !params.isSet(spec.key) && !written(spec.key)) {
            error(record, "missing-key",
                  std::string(what) + " needs '" + spec.key + "' (" + spec.description + ")",
                  owner);
        }
    }
}

void ReadContext::unknownKey(const std::string &key, const YamlNode &at,
                             std::vector<std::string> valid, std::string_view where,
                             const std::string &owner)
{
    std::string message = "unknown key '" + key + "' in " + std::string(where);
    if (auto guess = closestMatch(key, valid))
        message += "; did you mean '" + *guess + "'?";
    else {
        message += "; valid keys: " + joinWords(valid);
    }
    error(at, "unknown-key", message, owner);
}

} // namespace topolab::core
