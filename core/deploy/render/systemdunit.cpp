#include "systemdunit.h"

#include "core/deploy/servicecontrol.h"

#include "rendertext.h"

#include <csignal>

namespace topolab::core {

namespace {

// A value for a unit file setting: one line, `%` doubled (specifiers), no trailing backslash
// (it would continue the line).
std::string settingValue(std::string_view text)
{
    std::string value;
    for (char c : commentText(text)) {
        if (c == '%')
            value += '%';
        value += c;
    }
    while (!value.empty() && (value.back() == '\\' || value.back() == ' '))
        value.pop_back();
    return value;
}

bool plainWord(std::string_view word)
{
    if (word.empty())
        return false;
    for (char c : word) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                           || (c >= '0' && c <= '9') || c == '/' || c == '.' || c == '_' || c == '-'
                           || c == ',' || c == ':' || c == '=' || c == '+' || c == '@';
        if (!plain)
            return false;
    }
    return true;
}

} // namespace

std::string systemdUnitPath(const ServiceSpec &service)
{
    return "/etc/systemd/system/" + service.name + ".service";
}

std::string systemdExecWord(std::string_view word, bool program)
{
    if (word == ";")
        return "\\;";
    if (plainWord(word))
        return std::string(word);
    static constexpr char hex[] = "0123456789abcdef";
    std::string quoted = "\"";
    for (char c : word) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '\\':
            quoted += "\\\\";
            break;
        case '"':
            quoted += "\\\"";
            break;
        case '\n':
            quoted += "\\n";
            break;
        case '\t':
            quoted += "\\t";
            break;
        case '%':
            quoted += "%%";
            break;
        case '$':
            quoted += program ? "$" : "$$";
            break;
        default:
            if (u < 0x20 || u == 0x7f) {
                quoted += "\\x";
                quoted += hex[u >> 4];
                quoted += hex[u & 0xf];
            } else {
                quoted += c;
            }
        }
    }
    return quoted + "\"";
}

std::optional<std::string> systemdProgramProblem(std::string_view program)
{
    if (program.empty())
        return std::string("no program is given");
    for (char c : program) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\'' || c == '\\' || u < 0x20 || u == 0x7f)
            return "systemd runs no program whose path holds a quote, a backslash or a control "
                   "character";
    }
    return std::nullopt;
}

std::string renderSystemdUnit(const ServiceSpec &service, const DeployTarget &target,
                              std::string_view topologyName)
{
    std::string unit = generatedHeader("#", topologyName, "service " + service.name);
    unit += "[Unit]\n";
    unit += "Description=" + settingValue(service.description) + "\n";
    unit += "Wants=network-online.target\n";
    unit += "After=network-online.target\n";
    unit += "\n[Service]\n";
    unit += "Type=simple\n";
    std::string command;
    for (const std::string &word : service.command)
        command += (command.empty() ? "" : " ") + systemdExecWord(word, command.empty());
    unit += "ExecStart=" + command + "\n";
    if (service.reload == ServiceSpec::Reload::Signal)
        unit += "ExecReload=/bin/kill -" + signalName(service.reloadSignal) + " $MAINPID\n";
    if (service.stopSignal != SIGTERM) {
        const std::string name = signalName(service.stopSignal);
        unit += "KillSignal=" + (name[0] >= '0' && name[0] <= '9' ? name : "SIG" + name) + "\n";
    }
    if (!service.user.empty())
        unit += "User=" + settingValue(service.user) + "\n";
    if (!service.workingDirectory.empty())
        unit += "WorkingDirectory=" + settingValue(service.workingDirectory) + "\n";
    for (const std::string &file : service.environmentFiles)
        unit += "EnvironmentFile=" + settingValue(target.onHost(file)) + "\n";
    unit += "Restart=on-failure\n";
    unit += "RestartSec=2s\n";
    unit += "\n[Install]\n";
    unit += "WantedBy=multi-user.target\n";
    return unit;
}

} // namespace topolab::core
