#include "hostaddress.h"

#include <arpa/inet.h>

namespace topolab::core {

std::string hostAddress(const Topology &topology, const std::string &componentId)
{
    for (const DeployHost &host : topology.deployHosts) {
        if (host.component == componentId) {
            const std::string &address = host.params.text("address");
            if (!address.empty())
                return address;
        }
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

} // namespace topolab::core
