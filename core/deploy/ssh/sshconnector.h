#pragma once

#include "core/deploy/hostworker.h"
#include "core/deploy/ssh/knownhosts.h"
#include "core/deploy/ssh/sshhost.h"

#include <atomic>
#include <string>

namespace topolab::core {

// How to reach `host`: its address, port, user and key, and its id to name it in errors.
SshOptions sshOptions(const HostConnection &host, std::string knownHostsPath);

// How a deploy over SSH opens its sessions (topolab-cli and the window alike): one SshHost per
// host, connected and logged in before its first job, its key checked against `knownHostsPath`
// (empty: Topolab's own file) with the fingerprints in `trust` accepted for unknown keys.
// `cancel`, when given, stops a connection, a command or an upload of any host from any thread.
HostConnector sshConnector(HostTrust trust, std::string knownHostsPath,
                           std::atomic<bool> *cancel = nullptr);

} // namespace topolab::core
