#pragma once

#include "core/model/topology.h"

#include <optional>
#include <string>

namespace topolab::core {

// Where other hosts reach a component: its deploy host's address, or else its id, used as a host
// name (so a topology renders before it has an inventory, for hosts named after components).
std::string hostAddress(const Topology &topology, const std::string &componentId);

// The address as an IPv4 or IPv6 literal, for records that need one; nullopt for a host name.
enum class IpFamily { V4, V6 };
std::optional<IpFamily> ipFamily(const std::string &address);

} // namespace topolab::core
