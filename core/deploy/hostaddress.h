#pragma once

#include "core/model/topology.h"

#include <optional>
#include <string>
#include <string_view>

namespace topolab::core {

// Where other hosts reach a component: its deploy host's address, or else its id, used as a host
// name (so a topology renders before it has an inventory, for hosts named after components).
std::string hostAddress(const Topology &topology, const std::string &componentId);

// The address as an IPv4 or IPv6 literal, for records that need one; nullopt for a host name.
enum class IpFamily { V4, V6 };
std::optional<IpFamily> ipFamily(const std::string &address);

// Letters, digits and hyphens in dot-separated labels of 1 to 63 characters (RFC 1123).
bool isHostName(std::string_view name);
// A host name or an IP literal: what may stand for a host in a generated file, unquoted.
bool isHostNameOrAddress(const std::string &address);

// `logicalPath` ("/etc/haproxy/haproxy.cfg") as it is on a host whose files live under `root`:
// unchanged for the root "/".
std::string underRoot(std::string_view root, std::string_view logicalPath);

// The host a component deploys to and how that host is laid out: its deploy.hosts entry, or the
// defaults when it has none. Renderers write logical paths in RenderedFile::path and pass every
// path that appears inside a file or a command through onHost(), so that several hosts with
// different roots can share one machine.
struct DeployTarget
{
    std::string host;                       // id of the deploy.hosts entry: the component id
    std::string root = "/";                 // directory prefix of every file on the host
    std::string serviceManager = "systemd"; // systemd | process

    // `logicalPath` ("/etc/haproxy/haproxy.cfg") as it is on the host: under the root, and
    // unchanged for the root "/".
    std::string onHost(std::string_view logicalPath) const;
};

DeployTarget deployTarget(const Topology &topology, const std::string &componentId);

// Why `root` cannot prefix the paths of a host (not absolute, a control character in it), or
// nullopt when it can.
std::optional<std::string> rootProblem(const std::string &root);

} // namespace topolab::core
