#include "servicecontrol.h"

#include "shellquote.h"

#include <csignal>

namespace topolab::core {

namespace {

bool usesSystemd(const HostConnection &host)
{
    return host.serviceManager == HostConnection::ServiceManager::Systemd;
}

std::string unitName(const ServiceSpec &service)
{
    return shellQuote(service.name + ".service");
}

// The foreground command as words, run as the service's user. setpriv replaces itself with the
// program, so the pid file names the program and signals reach it.
std::string commandWords(const ServiceSpec &service)
{
    std::string words;
    if (!service.user.empty()) {
        words = "setpriv --reuid=" + shellQuote(service.user) + " --regid="
                + shellQuote(service.user) + " --init-groups -- ";
    }
    bool first = true;
    for (const std::string &word : service.command) {
        if (!first)
            words += ' ';
        words += shellQuote(word);
        first = false;
    }
    return words;
}

// Whether process `pid` (a shell expression) lives: a zombie does not, and one stays when the
// host's init does not reap orphans (containers).
std::string alive(const std::string &pid)
{
    return "{ kill -0 " + pid + " 2>/dev/null && ! grep -qs '^State:[[:space:]]*Z' /proc/" + pid
           + "/status; }";
}

} // namespace

std::string signalName(int signal)
{
    switch (signal) {
    case SIGHUP:
        return "HUP";
    case SIGINT:
        return "INT";
    case SIGQUIT:
        return "QUIT";
    case SIGKILL:
        return "KILL";
    case SIGUSR1:
        return "USR1";
    case SIGUSR2:
        return "USR2";
    case SIGTERM:
        return "TERM";
    default:
        return std::to_string(signal);
    }
}

std::string ServiceControl::pidFile() const
{
    return mHost.onHost("/run/topolab/" + mService.name + ".pid");
}

std::string ServiceControl::logFile() const
{
    return mHost.onHost("/var/log/topolab/" + mService.name + ".log");
}

std::string ServiceControl::isRunning() const
{
    if (usesSystemd(mHost))
        return "systemctl is-active --quiet -- " + unitName(mService);
    return "pid=$(cat -- " + shellQuote(pidFile())
           + " 2>/dev/null) && [ -n \"$pid\" ] && " + alive("\"$pid\"");
}

std::string ServiceControl::start() const
{
    if (usesSystemd(mHost))
        return "systemctl enable --now --quiet -- " + unitName(mService);
    const std::string pid = shellQuote(pidFile());
    std::string script = "if " + isRunning() + "; then exit 0; fi; ";
    script += "mkdir -p -- " + shellQuote(mHost.onHost("/run/topolab")) + " "
              + shellQuote(mHost.onHost("/var/log/topolab")) + " && ";
    script += "cd -- " + shellQuote(mService.workingDirectory.empty() ? mHost.onHost("/")
                                                                     : mService.workingDirectory)
              + " && ";
    for (const std::string &file : mService.environmentFiles)
        script += "set -a && . " + shellQuote(mHost.onHost(file)) + " && set +a && ";
    // The child writes its own pid before it becomes the program, so the file is right even
    // while setsid's parent has already returned.
    script += "setsid -f sh -c 'echo $$ > \"$0\"; exec \"$@\"' " + pid + " " + commandWords(mService)
              + " >> " + shellQuote(logFile()) + " 2>&1 < /dev/null && ";
    // Wait for the pid file so that an immediate probe or stop finds it.
    script += "i=0; while [ ! -s " + pid + " ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; "
              "[ -s " + pid + " ]";
    return script;
}

std::string ServiceControl::stop() const
{
    if (usesSystemd(mHost))
        return "systemctl stop -- " + unitName(mService);
    const std::string pid = shellQuote(pidFile());
    // The service leads its own process group (setsid): signal the group, so helpers it
    // started (a loop's sleep, HAProxy's workers) stop with it.
    const std::string signal = signalName(mService.stopSignal);
    return "if [ -f " + pid + " ]; then p=$(cat -- " + pid + "); if [ -n \"$p\" ] && "
           + alive("\"$p\"") + "; then kill -" + signal + " \"-$p\" 2>/dev/null || kill -"
           + signal + " \"$p\"; i=0; while " + alive("\"$p\"")
           + " && [ $i -lt 150 ]; do sleep 0.1; i=$((i+1)); done; if " + alive("\"$p\"")
           + "; then kill -KILL \"-$p\" 2>/dev/null || kill -KILL \"$p\"; fi; fi; rm -f -- "
           + pid + "; fi";
}

std::string ServiceControl::restart() const
{
    if (usesSystemd(mHost))
        return "systemctl restart -- " + unitName(mService);
    return "{ " + stop() + "; } && { " + start() + "; }";
}

std::string ServiceControl::reload() const
{
    if (mService.reload == ServiceSpec::Reload::Restart)
        return restart();
    if (usesSystemd(mHost))
        return "systemctl reload-or-restart -- " + unitName(mService);
    return "if " + isRunning() + "; then kill -" + signalName(mService.reloadSignal)
           + " \"$pid\"; else " + start() + "; fi";
}

// While a check fails, try again every 0.2 s until `waitS` have passed; give up at once when the
// service is no longer running. Either way the end of its output says why.
std::string ServiceControl::retryFor(int waitS, const std::string &check) const
{
    const std::string why = mHost.serviceManager == HostConnection::ServiceManager::Systemd
                                ? "journalctl -u " + unitName(mService) + " -n 20 --no-pager >&2"
                                : "tail -n 20 -- " + shellQuote(logFile()) + " >&2";
    const std::string exited = shellQuote(mService.name + " is not running; the end of its output:");
    const std::string late
        = shellQuote(mService.name + " did not pass its health check in time; the end of its output:");
    return "end=$(( $(date +%s) + " + std::to_string(waitS) + " )); while :; do if " + check
           + "; then exit 0; fi; if ! " + isRunning() + "; then echo " + exited + " >&2; " + why
           + "; exit 1; fi; if [ \"$(date +%s)\" -ge \"$end\" ]; then echo " + late + " >&2; "
           + why + "; exit 1; fi; sleep 0.2; done";
}

std::string ServiceControl::healthCheck() const
{
    const HealthCheck &h = mService.health;
    const std::string port = std::to_string(h.port);
    switch (h.kind) {
    case HealthCheck::Kind::None:
        return {};
    case HealthCheck::Kind::Http: {
        const bool v6 = h.address.find(':') != std::string::npos;
        const std::string url = "http://" + (v6 ? "[" + h.address + "]" : h.address) + ":" + port
                                + h.path;
        return retryFor(h.waitS, "curl -fsS -o /dev/null --max-time 2 -- " + shellQuote(url)
                                     + " 2>/dev/null");
    }
    case HealthCheck::Kind::Tcp:
        return retryFor(h.waitS, "timeout 2 bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' "
                                     + shellQuote(h.address) + " " + port + " 2>/dev/null");
    case HealthCheck::Kind::Command:
        return retryFor(h.waitS, "{ " + h.command + "; } >/dev/null 2>&1");
    }
    return {};
}

std::string reloadServiceManager(const HostConnection &host)
{
    return usesSystemd(host) ? "systemctl daemon-reload" : "true";
}

} // namespace topolab::core
