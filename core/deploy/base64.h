#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace topolab::core {

// Standard base64 (RFC 4648) as coreutils' `base64` writes it; whitespace is ignored. nullopt
// for anything else, so a garbled remote answer is noticed rather than misread.
std::optional<std::string> decodeBase64(std::string_view text);

} // namespace topolab::core
