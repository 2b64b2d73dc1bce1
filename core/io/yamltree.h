#pragma once

#include "diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace topolab::core {

struct YamlEntry;

// A YAML document as a plain tree with the position of every node. Built from yaml-cpp's
// parser events rather than YAML::Node so that anchors, aliases, tags and excessive nesting are
// refused as they are met: a hostile file cannot make us expand an alias bomb or recurse deeply.
struct YamlNode
{
    enum class Type { Null, Scalar, Sequence, Map };

    Type type = Type::Null;
    SourceLocation location;
    std::string scalar;
    bool plain = true;              // a scalar written without quotes
    std::vector<YamlNode> items;    // Sequence
    std::vector<YamlEntry> entries; // Map, in file order

    bool isScalar() const { return type == Type::Scalar; }
    bool isMap() const { return type == Type::Map; }
    bool isSequence() const { return type == Type::Sequence; }
    bool isNull() const { return type == Type::Null; }
};

// One key and its value in a map. A struct rather than std::pair: a pair of a type that is
// still being defined is not allowed (clang refuses it).
struct YamlEntry
{
    YamlNode first;  // the key
    YamlNode second; // the value
};

std::string_view yamlTypeName(YamlNode::Type type);

inline constexpr int maxYamlDepth = 32;
inline constexpr std::size_t maxYamlNodes = 2'000'000;

// A parsed document, or the first construct that made parsing stop.
struct YamlParseResult
{
    std::optional<YamlNode> root; // empty when the text has an error or no document
    std::optional<Diagnostic> error;
};

// Parses one YAML document. Never throws; a second document is an error.
YamlParseResult parseYaml(std::string_view text);

} // namespace topolab::core
