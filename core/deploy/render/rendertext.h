#pragma once

#include "core/model/topology.h"

#include <string>
#include <string_view>

namespace topolab::core {

// Free text (a topology's name, a label) made safe for a one-line comment in a generated file.
std::string commentText(std::string_view text);

// The first line of every generated file: where it came from, that edits are overwritten.
std::string generatedHeader(std::string_view commentMark, std::string_view topologyName,
                            std::string_view what);

// "load balancer lb-1 (Front door)": what a component is, on one line, for headers and
// service descriptions; the label only when it has one.
std::string componentTitle(const Component &component, std::string_view what);

} // namespace topolab::core
