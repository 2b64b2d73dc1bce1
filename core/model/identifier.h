#pragma once

#include <string_view>

namespace topolab::core {

// Ids name components, regions and client groups in links, failures and the layout:
// [A-Za-z0-9][A-Za-z0-9._-]*, at most 64 characters (they also become host and file names).
inline constexpr std::size_t maxIdLength = 64;

bool isValidId(std::string_view id);

} // namespace topolab::core
