#include "hostaddress.h"

#include <arpa/inet.h>

namespace topolab::core {

namespace {

const DeployHost *deployHost(const Topology &topology, const std::string &componentId)
{
    for (const DeployHost &host : topology.deployHosts) {
        if (host.component == componentId)
            return &host;
    }
    return nullptr;
}

} // namespace

std::string hostAddress(const Topology &topology, const std::string &componentId)
{
    if (const DeployHost *host = deployHost(topology, componentId)) {
        const std::string &address = host->params.text("address");
        if (!address.empty())
            return address;
    }
    return componentId;
}

std::optional<IpFamily> ipFamily(const std::string &address)
{
    unsigned char buffer[16];
    if (inet_pton(AF_INET, address.c_str(), buffer) == 1)
        return IpFamily::V4;
    if (inet_pton(AF_INET6, address.c_str(), buffer) == 1)
        return IpFamily::V6;
    return std::nullopt;
}

bool isHostName(std::string_view name)
{
    if (name.empty() || name.size() > 253)
        return false;
    std::size_t label = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '.') {
            if (label == 0 || label > 63 || name[i - 1] == '-')
                return false;
            label = 0;
            continue;
        }
        const char c = name[i];
        const bool letterOrDigit
            = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!letterOrDigit && !(c == '-' && label > 0))
            return false;
        ++label;
    }
    return true;
}

bool isHostNameOrAddress(const std::string &address)
{
    return ipFamily(address).has_value() || isHostName(address);
}

std::string DeployTarget::onHost(std::string_view logicalPath) const
{
    return underRoot(root, logicalPath);
}

std::string underRoot(std::string_view root, std::string_view logicalPath)
{
    std::string_view prefix = root;
    while (!prefix.empty() && prefix.back() == '/')
        prefix.remove_suffix(1);
    std::string path(prefix);
    if (logicalPath.empty() || logicalPath.front() != '/')
        path += '/';
    path += logicalPath;
    return path;
}

DeployTarget deployTarget(const Topology &topology, const std::string &componentId)
{
    DeployTarget target;
    target.host = componentId;
    if (const DeployHost *host = deployHost(topology, componentId)) {
        target.root = host->params.text("root");
        target.serviceManager = host->params.text("service_manager");
    }
    return target;
}

std::optional<std::string> rootProblem(const std::string &root)
{
    for (char c : root) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            return std::string("its root holds a control character");
    }
    if (root.empty() || root.front() != '/')
        return "its root '" + root + "' is not an absolute path";
    return std::nullopt;
}

} // namespace topolab::core
