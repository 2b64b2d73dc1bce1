#pragma once

#include "diagnostic.h"
#include "yamltree.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace topolab::core {

// What the topology and inventory readers share before their own parsing starts.

// A file's text, or why it cannot be read. Reading stops just past maxTopologyFileBytes, so an
// oversized file is refused by its size and an endless device is never pulled into memory.
struct FileText
{
    std::string text;
    std::optional<Diagnostic> error;
};
FileText readTextFile(const std::filesystem::path &path, std::string_view what);

// The one YAML document in `text`, after precheckText; an empty document is an error with
// `emptyMessage` at 1:1.
YamlParseResult parseDocument(std::string_view text, const std::string &emptyMessage);

} // namespace topolab::core
