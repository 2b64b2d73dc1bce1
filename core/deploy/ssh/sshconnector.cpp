#include "sshconnector.h"

#include "core/deploy/ssh/sshhost.h"

namespace topolab::core {

SshOptions sshOptions(const HostConnection &host, std::string knownHostsPath)
{
    SshOptions ssh;
    ssh.hostId = host.id;
    ssh.address = host.address;
    ssh.port = host.port;
    ssh.user = host.user;
    ssh.keyFile = host.keyFile;
    ssh.knownHostsPath = std::move(knownHostsPath);
    return ssh;
}

HostConnector sshConnector(HostTrust trust, std::string knownHostsPath, std::atomic<bool> *cancel)
{
    return [trust = std::move(trust), knownHostsPath = std::move(knownHostsPath),
            cancel](const HostConnection &host) -> std::unique_ptr<RemoteHost> {
        SshOptions ssh = sshOptions(host, knownHostsPath);
        ssh.trust = trust;
        ssh.cancel = cancel;
        auto remote = std::make_unique<SshHost>(std::move(ssh));
        remote->connect();
        return remote;
    };
}

} // namespace topolab::core
