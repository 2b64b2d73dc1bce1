#pragma once

#include "../model/paramset.h"
#include "yamltree.h"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace topolab::core {

// One key of a YAML map with its value, both with their places in the file.
struct MapEntry
{
    std::string key;
    const YamlNode *keyNode;
    const YamlNode *value;
};

// Shared state and helpers of the topology reader: collects located diagnostics and turns
// YAML nodes into typed values with messages that say what was expected and what to do.
class ReadContext
{
public:
    static constexpr std::size_t maxErrors = 100;

    void error(const YamlNode &at, std::string code, std::string message,
               std::string componentId = {});
    void error(SourceLocation at, std::string code, std::string message,
               std::string componentId = {});
    bool full() const { return mDiagnostics.size() >= maxErrors; }
    bool failed() const { return !mDiagnostics.empty(); }
    std::vector<Diagnostic> takeDiagnostics() { return std::move(mDiagnostics); }

    // A map's entries with scalar keys, after refusing duplicate and non-word keys.
    // Null reads as an empty map; anything else is an error and yields nothing.
    std::vector<MapEntry> mapEntries(const YamlNode &node, std::string_view what);
    // A sequence's items; null reads as an empty list.
    std::vector<const YamlNode *> sequenceItems(const YamlNode &node, std::string_view what);

    std::optional<std::string> text(const YamlNode &node, std::string_view key);
    std::optional<std::string> id(const YamlNode &node, std::string_view key);
    std::optional<std::int64_t> integer(const YamlNode &node, std::string_view key);
    std::optional<double> number(const YamlNode &node, std::string_view key);

    // Reads one parameter (a scalar, or a group map) into `params`; errors name `owner`.
    void readParam(const ParamSpec &spec, const YamlNode &value, ParamSet &params,
                   const std::string &owner);
    // Reports a required parameter the record lacks.
    void requireParams(const ParamSchema &schema, const ParamSet &params, const YamlNode &record,
                       std::string_view what, const std::string &owner);

    void unknownKey(const std::string &key, const YamlNode &at, std::vector<std::string> valid,
                    std::string_view where, const std::string &owner = {});

private:
    std::optional<ParamValue> scalarParam(const ParamSpec &spec, const YamlNode &node,
                                          const std::string &path);

    std::vector<Diagnostic> mDiagnostics;
};

} // namespace topolab::core
