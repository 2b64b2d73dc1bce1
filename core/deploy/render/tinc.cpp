#include "tinc.h"

#include "core/deploy/hostaddress.h"
#include "core/deploy/shellquote.h"
#include "rendertext.h"
#include "tincnetwork.h"

#include <algorithm>
#include <cmath>
#include <csignal>
#include <optional>

namespace topolab::core {

namespace {

constexpr const char *tincd = "/usr/sbin/tincd";

// The key as tinc wrote it: base64 lines between the PEM markers, normalised to no blank line
// around them. Anything else read from a host (which might try to slip configuration lines into the
// other members' host files) is refused.
std::optional<std::string> publicKey(const std::string &fact)
{
    static const std::string begin = "-----BEGIN RSA PUBLIC KEY-----";
    static const std::string end = "-----END RSA PUBLIC KEY-----";
    std::string_view text = fact;
    while (!text.empty() && (text.front() == '\n' || text.front() == '\r' || text.front() == ' '))
        text.remove_prefix(1); // tincd starts the file with a blank line
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.remove_suffix(1);
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t next = text.find('\n', at);
        if (next == std::string_view::npos)
            next = text.size();
        lines.emplace_back(text.substr(at, next - at));
        at = next + 1;
    }
    if (lines.size() < 3 || lines.front() != begin || lines.back() != end)
        return std::nullopt;
    for (std::size_t i = 1; i + 1 < lines.size(); ++i) {
        const std::string &line = lines[i];
        const bool base64 = !line.empty() && line.size() <= 76
                            && std::all_of(line.begin(), line.end(), [](char c) {
                                   return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                                          || (c >= '0' && c <= '9') || c == '+' || c == '/'
                                          || c == '=';
                               });
        if (!base64)
            return std::nullopt;
    }
    std::string key;
    for (const std::string &line : lines)
        key += line + "\n";
    return key;
}

long long wholeSeconds(double seconds)
{
    return std::max(1LL, std::llround(seconds));
}

HostTask keyPairTask(const std::string &confDir, const DeployTarget &target)
{
    HostTask task;
    task.name = "generate the tinc key pair";
    task.when = HostTask::When::BeforeFiles;
    task.creates = confDir + "/rsa_key.priv";
    task.timeoutS = 60;
    task.script = "set -eu\n"
                  "cd /\n"
                  "confdir="
                  + shellQuote(target.onHost(confDir))
                  + "\n"
                    "if [ -e \"$confdir/rsa_key.priv\" ]; then exit 0; fi\n"
                    "mkdir -p -- \"$confdir\"\n"
                    "# A scratch configuration, so tincd writes the pair as two plain files.\n"
                    "scratch=$(mktemp -d \"$confdir/.keygen.XXXXXX\")\n"
                    "trap 'rm -rf -- \"$scratch\"' EXIT\n"
                    ": > \"$scratch/tinc.conf\"\n"
                    "if ! "
                  + shellQuote(tincd)
                  + " -c \"$scratch\" --generate-keys=2048 < /dev/null > \"$scratch/log\" 2>&1; "
                    "then\n"
                    "    cat -- \"$scratch/log\" >&2\n"
                    "    exit 1\n"
                    "fi\n"
                    "# The private key last: its presence means the pair is complete.\n"
                    "mv -f -- \"$scratch/rsa_key.pub\" \"$confdir/rsa_key.pub\"\n"
                    "mv -f -- \"$scratch/rsa_key.priv\" \"$confdir/rsa_key.priv\"\n";
    return task;
}

} // namespace

std::string tincPublicKeyPath(const std::string &network)
{
    return "/etc/tinc/" + network + "/rsa_key.pub";
}

RenderResult renderTinc(const TopologyIndex &index, const Component &vpn,
                        const RenderInputs &inputs)
{
    const Topology &topology = index.topology();
    TincNetwork network = tincNetwork(index, vpn);
    RenderResult result;
    result.problems = std::move(network.problems);
    const std::string &net = network.name;
    const std::string confDir = "/etc/tinc/" + net;
    const std::string port = std::to_string(vpn.params.integer("port"));

    // Every member's host file, the same on every host.
    std::vector<RenderedFile> hostFiles;
    for (const TincMember &m : network.members) {
        const std::string address = hostAddress(topology, m.database->id);
        if (!isHostNameOrAddress(address)) {
            result.problems.push_back(
                {m.database->id, "database '" + m.database->id + "' has the address '"
                                     + commentText(address)
                                     + "', which tinc cannot use: it is "
                                       "neither an IP address nor a host name; fix it in "
                                       "deploy.hosts"});
        }
        std::string file = generatedHeader("#", topology.name,
                                           "tinc network " + net + ", host " + m.node
                                               + " (database " + m.database->id + ")");
        file += "Address = " + address + "\n";
        file += "Port = " + port + "\n";
        file += "Subnet = " + m.address + "/32\n";
        const std::string host = deployTarget(topology, m.database->id).host;
        const auto hostFacts = inputs.facts.find(host);
        const std::string *fact = nullptr;
        if (hostFacts != inputs.facts.end()) {
            const auto it = hostFacts->second.find(tincPublicKeyPath(net));
            if (it != hostFacts->second.end())
                fact = &it->second;
        }
        if (!fact) {
            file += "# The public key of " + m.node
                    + " is generated on its host by the first deploy, which then renders this "
                      "file again.\n";
        } else if (const auto key = publicKey(*fact)) {
            file += *key;
        } else {
            result.problems.push_back(
                {m.database->id, "the tinc public key read from the host of '" + m.database->id
                                     + "' (" + tincPublicKeyPath(net)
                                     + ") is not a PEM RSA public key; remove it and its "
                                       "rsa_key.priv there so the deploy generates a new pair"});
        }
        hostFiles.push_back({confDir + "/hosts/" + m.node, std::move(file), 0644, false, {}, {}});
    }
    if (!result.problems.empty())
        return result;

    for (const TincMember &m : network.members) {
        const DeployTarget target = deployTarget(topology, m.database->id);
        if (const auto why = rootProblem(target.root)) {
            result.problems.push_back(
                {m.database->id,
                 "the deploy host of '" + m.database->id + "' cannot hold tinc's files: " + *why});
            continue;
        }
        DeployUnit unit{vpn.id, target.host, {}, {}, {}, {}};
        std::string conf
            = generatedHeader("#", topology.name, "tinc network " + net + ", node " + m.node);
        conf += "Name = " + m.node + "\n";
        conf += "Interface = " + net + "\n";
        conf += "Port = " + port + "\n";
        conf += "PingInterval = "
                + std::to_string(wholeSeconds(vpn.params.number("ping_interval_s"))) + "\n";
        conf += "PingTimeout = " + std::to_string(wholeSeconds(vpn.params.number("ping_timeout_s")))
                + "\n";
        for (const TincMember &other : network.members) {
            if (&other != &m)
                conf += "ConnectTo = " + other.node + "\n";
        }
        const std::string cidr = m.address + "/" + std::to_string(network.prefixLength);
        const std::string header
            = "#!/bin/sh\n"
              + generatedHeader("#", topology.name, "tinc network " + net + ", node " + m.node);
        unit.files.push_back({confDir + "/tinc.conf", std::move(conf), 0644, false, {}, {}});
        unit.files.push_back({confDir + "/tinc-up",
                              header + "ip addr replace " + shellQuote(cidr)
                                  + " dev \"$INTERFACE\"\nip link set dev \"$INTERFACE\" up\n",
                              0755,
                              false,
                              {},
                              {}});
        unit.files.push_back({confDir + "/tinc-down",
                              header + "ip addr del " + shellQuote(cidr)
                                  + " dev \"$INTERFACE\"\nip link set dev \"$INTERFACE\" down\n",
                              0755,
                              false,
                              {},
                              {}});
        ServiceSpec service;
        service.name = "topolab-tinc-" + net;
        service.description = "tinc network " + net + " (vpn " + vpn.id + "), node " + m.node;
        service.command = {tincd,
                           "-n",
                           net,
                           "-c",
                           target.onHost(confDir),
                           "-D",
                           "--pidfile=" + target.onHost("/run/topolab/tinc-" + net + ".pid")};
        service.reload = ServiceSpec::Reload::Signal;
        service.reloadSignal = SIGHUP;
        for (const RenderedFile &f : hostFiles) {
            unit.files.push_back(f);
            service.reloadOn.push_back(f.path);
        }
        service.restartOn = {confDir + "/tinc.conf", confDir + "/tinc-up", confDir + "/tinc-down"};
        service.health.kind = HealthCheck::Kind::Command;
        service.health.command = shellCommand({"ip", "link", "show", "dev", net});
        unit.tasks.push_back(keyPairTask(confDir, target));
        unit.factFiles.push_back(tincPublicKeyPath(net));
        unit.services.push_back(std::move(service));
        result.units.push_back(std::move(unit));
    }
    return result;
}

} // namespace topolab::core
