#include "paramspec.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace topolab::core {

const ParamSpec *ParamSchema::find(std::string_view path) const
{
    const auto dot = path.find('.');
    const std::string_view head = path.substr(0, dot);
    for (const auto &spec : params) {
        if (spec.key != head)
            continue;
        if (dot == std::string_view::npos)
            return &spec;
        const std::string_view rest = path.substr(dot + 1);
        for (const auto &member : spec.members) {
            if (member.key == rest)
                return &member;
        }
        return nullptr;
    }
    return nullptr;
}

std::vector<std::string> ParamSchema::allPaths() const
{
    std::vector<std::string> paths;
    for (const auto &spec : params) {
        paths.push_back(spec.key);
        for (const auto &member : spec.members)
            paths.push_back(spec.key + "." + member.key);
    }
    return paths;
}

std::string ParamSchema::titleOf(std::string_view path) const
{
    const ParamSpec *spec = find(path);
    if (!spec)
        return {};
    const auto dot = path.find('.');
    if (dot == std::string_view::npos)
        return spec->title;
    std::string member = spec->title;
    // "Health check: failed checks", but an acronym keeps its capitals ("CPUs").
    if (member.size() > 1 && std::isupper(static_cast<unsigned char>(member[1])) == 0)
        member[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(member[0])));
    return find(path.substr(0, dot))->title + ": " + member;
}

std::string_view paramTypeName(ParamType type)
{
    switch (type) {
    case ParamType::Boolean:
        return "boolean";
    case ParamType::Integer:
        return "integer";
    case ParamType::Number:
        return "number";
    case ParamType::Choice:
        return "choice";
    case ParamType::Text:
        return "text";
    case ParamType::Group:
        return "map";
    }
    return "value";
}

namespace {

std::string joinChoices(const std::vector<std::string> &choices)
{
    std::string out;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0)
            out += i + 1 == choices.size() ? " or " : ", ";
        out += choices[i];
    }
    return out;
}

std::optional<std::string> checkRange(const ParamSpec &spec, double v)
{
    if (!std::isfinite(v))
        return spec.key + " must be a finite number";
    if (v < spec.minimum || v > spec.maximum) {
        return spec.key + " must be between " + formatParamValue(spec.minimum) + " and "
               + formatParamValue(spec.maximum) + (spec.unit.empty() ? "" : " " + spec.unit)
               + ", got " + formatParamValue(v);
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> checkParamValue(const ParamSpec &spec, const ParamValue &value)
{
    switch (spec.type) {
    case ParamType::Boolean:
        if (!std::holds_alternative<bool>(value))
            return spec.key + " must be true or false";
        return std::nullopt;
    case ParamType::Integer:
        if (!std::holds_alternative<std::int64_t>(value))
            return spec.key + " must be a whole number";
        return checkRange(spec, static_cast<double>(std::get<std::int64_t>(value)));
    case ParamType::Number:
        if (std::holds_alternative<std::int64_t>(value))
            return checkRange(spec, static_cast<double>(std::get<std::int64_t>(value)));
        if (!std::holds_alternative<double>(value))
            return spec.key + " must be a number";
        return checkRange(spec, std::get<double>(value));
    case ParamType::Choice: {
        const auto *s = std::get_if<std::string>(&value);
        if (!s)
            return spec.key + " must be one of " + joinChoices(spec.choices);
        for (const auto &c : spec.choices) {
            if (c == *s)
                return std::nullopt;
        }
        return spec.key + " must be one of " + joinChoices(spec.choices) + ", got '" + *s + "'";
    }
    case ParamType::Text:
        if (!std::holds_alternative<std::string>(value))
            return spec.key + " must be text";
        return std::nullopt;
    case ParamType::Group:
        return spec.key + " is a map of parameters, not a single value";
    }
    return std::nullopt;
}

std::string formatParamValue(const ParamValue &value)
{
    if (const auto *b = std::get_if<bool>(&value))
        return *b ? "true" : "false";
    if (const auto *i = std::get_if<std::int64_t>(&value))
        return std::to_string(*i);
    if (const auto *d = std::get_if<double>(&value)) {
        // Shortest text that reads back to the same double: saves are stable and exact.
        // Whole numbers are written out in full (10000000, not 1e+07) for people.
        std::array<char, 64> buf{};
        const bool whole = std::abs(*d) < 1e15 && std::floor(*d) == *d;
        const auto res = whole ? std::to_chars(buf.data(), buf.data() + buf.size(), *d,
                                               std::chars_format::fixed)
                               : std::to_chars(buf.data(), buf.data() + buf.size(), *d);
        return std::string(buf.data(), res.ptr);
    }
    return std::get<std::string>(value);
}

ParamSpec integerParam(std::string key, std::string title, std::int64_t def, std::int64_t min,
                       std::int64_t max, std::string unit, std::string description)
{
    ParamSpec s;
    s.key = std::move(key);
    s.title = std::move(title);
    s.type = ParamType::Integer;
    s.defaultValue = def;
    s.minimum = static_cast<double>(min);
    s.maximum = static_cast<double>(max);
    s.unit = std::move(unit);
    s.description = std::move(description);
    return s;
}

ParamSpec numberParam(std::string key, std::string title, double def, double min, double max,
                      std::string unit, std::string description)
{
    ParamSpec s;
    s.key = std::move(key);
    s.title = std::move(title);
    s.type = ParamType::Number;
    s.defaultValue = def;
    s.minimum = min;
    s.maximum = max;
    s.unit = std::move(unit);
    s.description = std::move(description);
    return s;
}

ParamSpec boolParam(std::string key, std::string title, bool def, std::string description)
{
    ParamSpec s;
    s.key = std::move(key);
    s.title = std::move(title);
    s.type = ParamType::Boolean;
    s.defaultValue = def;
    s.description = std::move(description);
    return s;
}

ParamSpec choiceParam(std::string key, std::string title, std::string def,
                      std::vector<std::string> choices, std::string description)
{
    ParamSpec s;
    s.key = std::move(key);
    s.title = std::move(title);
    s.type = ParamType::Choice;
    s.defaultValue = std::move(def);
    s.choices = std::move(choices);
    s.description = std::move(description);
    return s;
}

ParamSpec textParam(std::string key, std::string title, std::string def, std::string description)
{
    ParamSpec s;
    s.key = std::move(key);
    s.title = std::move(title);
    s.type = ParamType::Text;
    s.defaultValue = std::move(def);
    s.description = std::move(description);
    return s;
}

ParamSpec groupParam(std::string key, std::string title, std::vector<ParamSpec> members,
                     bool optional, std::string description)
{
    ParamSpec s;
    s.key = std::move(key);
    s.title = std::move(title);
    s.type = ParamType::Group;
    s.members = std::move(members);
    s.optionalGroup = optional;
    s.description = std::move(description);
    return s;
}

} // namespace topolab::core
