#include "namedconf.h"

namespace topolab::core {

std::string namedConfPath(const std::string &id)
{
    return "/etc/topolab/bind/" + id + "/named.conf";
}

std::string namedZonePath(const std::string &id, const std::string &origin)
{
    return "/etc/topolab/bind/" + id + "/db." + origin;
}

std::string namedDirectory(const std::string &id)
{
    return "/var/cache/topolab/bind/" + id;
}

std::string namedPidFile(const std::string &id)
{
    return "/run/topolab/named-" + id + ".pid";
}

std::string namedString(std::string_view text)
{
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

std::string renderNamedConf(std::string_view header, const std::string &id,
                            const DeployTarget &target, const std::string &address, int port,
                            const std::string &origin)
{
    const bool v6 = ipFamily(address) == IpFamily::V6;
    const std::string listen = "port " + std::to_string(port) + " { " + address + "; };";
    std::string conf(header);
    conf += "options {\n";
    conf += "    directory " + namedString(target.onHost(namedDirectory(id))) + ";\n";
    conf += "    pid-file " + namedString(target.onHost(namedPidFile(id))) + ";\n";
    conf += "    session-keyfile none;\n";
    conf += v6 ? "    listen-on { none; };\n    listen-on-v6 " + listen + "\n"
               : "    listen-on " + listen + "\n    listen-on-v6 { none; };\n";
    conf += "    recursion no;\n";
    conf += "    allow-transfer { none; };\n";
    conf += "    dnssec-validation no;\n";
    conf += "};\n\n";
    conf += "zone " + namedString(origin) + " {\n";
    conf += "    type master;\n";
    conf += "    file " + namedString(target.onHost(namedZonePath(id, origin))) + ";\n";
    conf += "};\n";
    return conf;
}

} // namespace topolab::core
