#pragma once

#include <string>
#include <string_view>

namespace topolab::core {

// Free text (a topology's name, a label) made safe for a one-line comment in a generated file.
std::string commentText(std::string_view text);

// The first line of every generated file: where it came from, that edits are overwritten.
std::string generatedHeader(std::string_view commentMark, std::string_view topologyName,
                            std::string_view what);

} // namespace topolab::core
