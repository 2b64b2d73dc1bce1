#pragma once

#include "diagnostic.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace topolab::core {

// Where each element of a loaded topology was written, so that validation findings about the
// model can point back into the file.
struct SourceMap
{
    std::map<std::string, SourceLocation, std::less<>> elements; // component and region ids
    std::vector<SourceLocation> links;                           // index = Topology::links
    std::map<std::string, SourceLocation, std::less<>> clientGroups;
    std::vector<SourceLocation> failures; // index = Scenario::failures
    SourceLocation traffic;
    SourceLocation scenario;

    SourceLocation element(std::string_view id) const
    {
        auto it = elements.find(id);
        return it == elements.end() ? SourceLocation{} : it->second;
    }
    SourceLocation link(std::size_t index) const
    {
        return index < links.size() ? links[index] : SourceLocation{};
    }
};

} // namespace topolab::core
