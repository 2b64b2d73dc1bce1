#pragma once

#include "diagnostic.h"

#include <optional>
#include <string_view>

namespace topolab::core {

// Refuses what must never reach the YAML parser: binary data, invalid UTF-8, control
// characters, tab indentation and oversized files, with the place of the first offence.
inline constexpr std::size_t maxTopologyFileBytes = 32 * 1024 * 1024;

std::optional<Diagnostic> precheckText(std::string_view text);

// Drops a leading UTF-8 byte-order mark.
std::string_view withoutBom(std::string_view text);

} // namespace topolab::core
