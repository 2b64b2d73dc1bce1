#include "hostconnection.h"

#include "hostaddress.h"

#include <cstdlib>

namespace topolab::core {

namespace {

// `~/x` as the shell would read it, since a key path is usually written that way.
std::string expandHome(const std::string &path)
{
    if (path == "~" || path.starts_with("~/")) {
        if (const char *home = std::getenv("HOME"))
            return std::string(home) + path.substr(1);
    }
    return path;
}

} // namespace

std::string HostConnection::onHost(std::string_view path) const
{
    return underRoot(root, path);
}

std::string HostConnection::endpoint() const
{
    const bool v6 = address.find(':') != std::string::npos;
    return user + "@" + (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

std::vector<HostConnection> hostConnections(const Topology &topology)
{
    std::vector<HostConnection> hosts;
    for (const DeployHost &entry : topology.deployHosts) {
        HostConnection host;
        host.id = entry.component;
        host.address = entry.params.text("address");
        host.port = static_cast<int>(entry.params.integer("port"));
        host.user = entry.params.text("user");
        host.keyFile = expandHome(entry.params.text("key_file"));
        host.root = entry.params.text("root");
        if (host.root.empty())
            host.root = "/";
        host.serviceManager = entry.params.text("service_manager") == "process"
                                  ? HostConnection::ServiceManager::Process
                                  : HostConnection::ServiceManager::Systemd;
        hosts.push_back(std::move(host));
    }
    return hosts;
}

} // namespace topolab::core
