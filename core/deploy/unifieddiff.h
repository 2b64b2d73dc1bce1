#pragma once

#include <string>
#include <string_view>

namespace topolab::core {

// The difference between two texts as `diff -u` prints it: `--- a/PATH`, `+++ b/PATH`, hunks
// with three lines of context. Empty when the texts are equal. A text that does not end with a
// newline is marked as diff does ("\ No newline at end of file").
std::string unifiedDiff(std::string_view before, std::string_view after, std::string_view path);

} // namespace topolab::core
