#pragma once

#include "core/model/topology.h"

#include <string>
#include <string_view>
#include <vector>

namespace topolab::core {

// How a deploy reaches one host and lays files out on it: a deploy.hosts entry, read.
struct HostConnection
{
    enum class ServiceManager { Systemd, Process };
    std::string id; // the component the entry is for; names the host in every message
    std::string address;
    int port = 22;
    std::string user = "root";
    std::string keyFile; // empty = the SSH agent
    std::string root = "/";
    ServiceManager serviceManager = ServiceManager::Systemd;

    // Where logical path `path` ("/etc/haproxy/haproxy.cfg") lives on this host.
    std::string onHost(std::string_view path) const;
    // "root@10.0.0.5:22", for messages.
    std::string endpoint() const;
};

std::vector<HostConnection> hostConnections(const Topology &topology);

} // namespace topolab::core
