#pragma once

#include "core/deploy/deployunit.h"
#include "core/deploy/hostconnection.h"

#include <string>

namespace topolab::core {

// Shell commands that start, stop, reload and probe a service under the host's service
// manager. `process`: the service runs detached in its own session (setsid), its pid in
// `<root>/run/topolab/<name>.pid`, its output appended to `<root>/var/log/topolab/<name>.log`;
// stop signals the whole process group and waits, then kills. `systemd`: systemctl on
// `<name>.service`. Every command is idempotent: starting a running service does nothing.
class ServiceControl
{
public:
    ServiceControl(const HostConnection &host, const ServiceSpec &service)
        : mHost(host)
        , mService(service)
    {
    }

    std::string start() const;
    std::string stop() const;
    std::string restart() const;
    std::string reload() const; // a Restart-reload service restarts
    // Exits 0 when the service runs.
    std::string isRunning() const;
    // Waits up to the check's waitS for it to pass; exits 0 when it did. Empty for no check.
    std::string healthCheck() const;

    std::string pidFile() const;
    std::string logFile() const;

private:
    std::string retryFor(int waitS, const std::string &check) const;

    const HostConnection &mHost;
    const ServiceSpec &mService;
};

// "HUP", "USR2": a signal as kill(1) and systemd's units name it (the number if it has no name).
std::string signalName(int signal);

// `systemctl daemon-reload`, needed once after unit files changed (no-op for `process`).
std::string reloadServiceManager(const HostConnection &host);

} // namespace topolab::core
