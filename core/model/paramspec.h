#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace topolab::core {

// A parameter value as written in a topology file.
using ParamValue = std::variant<bool, std::int64_t, double, std::string>;

enum class ParamType {
    Boolean,
    Integer,
    Number, // integer or decimal; stored as double
    Choice, // one of a fixed set of words
    Text,   // free text
    Group,  // a nested map of parameters, e.g. health_check
};

// Describes one key of a component, client group, failure or host entry: its type, default,
// unit, allowed range and meaning. The tables of these specs are the single source for
// reading, writing, validating and documenting the format, and for the names people see.
struct ParamSpec
{
    std::string key;
    // What editors call it, in sentence case without the unit ("Service time", "Failed
    // checks"); the key stays what files, messages and the CLI use.
    std::string title;
    ParamType type = ParamType::Number;
    ParamValue defaultValue;
    std::string unit; // "s", "ms", "rps", "share", ... ; empty when unitless
    double minimum = 0;
    double maximum = 0;
    std::vector<std::string> choices;
    std::string description;
    std::vector<ParamSpec> members; // only for Group
    bool optionalGroup = false;     // Group that is absent unless written (absent = feature off)
    bool required = false;          // must be written (scalars only)
};

// The parameters one kind of record accepts, in the order they are written.
struct ParamSchema
{
    std::vector<ParamSpec> params;

    // Finds a parameter by path ("ttl_s", "health_check.fall").
    const ParamSpec *find(std::string_view path) const;
    // Every top-level key and, for groups, every "group.member" path.
    std::vector<std::string> allPaths() const;
    // The title of a path, with its group's for a member ("Health check: failed checks"), so it
    // reads on its own; empty when the path is unknown.
    std::string titleOf(std::string_view path) const;
};

std::string_view paramTypeName(ParamType type);

// Why a value does not fit a spec (type, range, choice), or nullopt when it fits.
std::optional<std::string> checkParamValue(const ParamSpec &spec, const ParamValue &value);

// Renders a value the way the file format writes it ("0.2", "true", "round_robin").
std::string formatParamValue(const ParamValue &value);

// Spec constructors that keep the schema tables readable.
ParamSpec integerParam(std::string key, std::string title, std::int64_t def, std::int64_t min,
                       std::int64_t max, std::string unit, std::string description);
ParamSpec numberParam(std::string key, std::string title, double def, double min, double max,
                      std::string unit, std::string description);
ParamSpec boolParam(std::string key, std::string title, bool def, std::string description);
ParamSpec choiceParam(std::string key, std::string title, std::string def,
                      std::vector<std::string> choices, std::string description);
ParamSpec textParam(std::string key, std::string title, std::string def, std::string description);
ParamSpec groupParam(std::string key, std::string title, std::vector<ParamSpec> members,
                     bool optional, std::string description);

} // namespace topolab::core
