#pragma once

#include "core/deploy/renderedfile.h"
#include "core/model/topologyindex.h"

#include <string>
#include <string_view>
#include <vector>

namespace topolab::core {

// One database in a tinc network: the node name tinc knows it by and its address inside.
struct TincMember
{
    const Component *database = nullptr;
    std::string node;    // the id with every character but [A-Za-z0-9_] made '_'
    std::string address; // IPv4 inside the vpn's subnet
};

// A vpn component as a tinc network: its name (also the interface name), its members (the
// databases linked to it, in the file's component order) with their addresses (the subnet's
// first address + 1, + 2, ...), and why it cannot be rendered. Holds pointers into the index's
// topology.
struct TincNetwork
{
    std::string name;
    int prefixLength = 24;
    std::vector<TincMember> members; // empty when the network or its subnet is unusable
    std::vector<RenderProblem> problems;

    const TincMember *member(std::string_view databaseId) const;
};

TincNetwork tincNetwork(const TopologyIndex &index, const Component &vpn);

// The address database `from` reaches database `to` at: `to`'s address inside a vpn both are
// members of when they are in different regions, else the address of `to`'s deploy host.
std::string databasePeerAddress(const TopologyIndex &index, const Component &from,
                                const Component &to);

} // namespace topolab::core
