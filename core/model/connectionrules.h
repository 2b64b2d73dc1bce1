#pragma once

#include "linkkind.h"
#include "topology.h"

#include <string>

namespace topolab::core {

// The answer of the rules table: allowed with the kind of link it makes, or refused with a
// reason written for the person drawing the link.
struct ConnectionVerdict
{
    bool allowed = false;
    LinkKind kind = LinkKind::Request; // meaningful when allowed
    std::string reason;                // why not, for people; empty when allowed
};

// The one rules table of the product: may `from` connect to `to`? Used by the file reader,
// the validator and the canvas while a link is dragged.
ConnectionVerdict checkConnection(const Component &from, const Component &to);

// The same question for a link about to be added to `topology`: also refuses self links,
// unknown ends and duplicates.
ConnectionVerdict checkNewLink(const Topology &topology, std::string_view from,
                               std::string_view to);

} // namespace topolab::core
