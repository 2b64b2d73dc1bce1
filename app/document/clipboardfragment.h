#pragma once

#include "core/model/topology.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace topolab::app {

// The designer's clipboard format: a topology file, written by core's writer, that holds the
// copied components and regions, the links among them (links to elements left behind are not
// copied) and their layout boxes. It is preceded by one comment line per region written only
// because a copied component sits in it:
//
//     # context-region: nyc1
//
// Pasting puts such a component in that region when the target document has it, otherwise in
// no region; every other region of the text is pasted as a new region. Any topology file pastes
// (all its regions are then new), and the text reads back as a file anywhere YAML is accepted.
// Client groups, the scenario and deploy hosts stay with the original and are not copied.
class ClipboardFragment
{
public:
    core::Topology topology;
    std::set<std::string> contextRegions;

    // The elements `ids` of `source`; a copied region brings its members.
    static ClipboardFragment copy(const core::Topology &source,
                                  const std::vector<std::string> &ids);
    // Nullopt when the text is not a topology file without errors.
    static std::optional<ClipboardFragment> fromText(std::string_view text);
    std::string toText() const;

    bool isEmpty() const;
};

} // namespace topolab::app
