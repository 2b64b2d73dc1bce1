#include "hoststate.h"

#include "base64.h"
#include "servicecontrol.h"
#include "shellquote.h"

#include <algorithm>
#include <sstream>

namespace topolab::core {

namespace {

// Shell functions the state script calls, one line of output (plus a base64 line) per item.
constexpr const char *stateFunctions =
    "f() { if [ -f \"$2\" ]; then printf 'F %s %s\\n' \"$1\" \"$(stat -c '%a %U:%G' -- \"$2\")\"; "
    "base64 -w0 -- \"$2\" || true; printf '\\n'; elif [ -e \"$2\" ]; then printf 'X %s\\n' \"$1\"; "
    "else printf 'N %s\\n' \"$1\"; fi; }\n"
    "c() { if [ -e \"$2\" ]; then printf 'C %s\\n' \"$1\"; fi; }\n"
    "p() { if ! command -v -- \"$2\" >/dev/null 2>&1; then printf 'P %s\\n' \"$1\"; fi; }\n";

template <typename T>
void addUnique(std::vector<T> &list, const T &value)
{
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

} // namespace

std::vector<std::string> requiredPrograms(const HostConnection &host,
                                          const std::vector<const DeployUnit *> &units)
{
    std::vector<std::string> programs = {"base64", "stat", "timeout"};
    if (host.serviceManager == HostConnection::ServiceManager::Systemd)
        addUnique(programs, std::string("systemctl"));
    else
        addUnique(programs, std::string("setsid"));
    for (const DeployUnit *unit : units) {
        for (const RenderedFile &file : unit->files) {
            if (!file.check.empty())
                addUnique(programs, file.check.front());
        }
        for (const ServiceSpec &service : unit->services) {
            if (!service.command.empty())
                addUnique(programs, service.command.front());
            if (!service.user.empty())
                addUnique(programs, std::string("setpriv"));
            if (service.health.kind == HealthCheck::Kind::Http)
                addUnique(programs, std::string("curl"));
            if (service.health.kind == HealthCheck::Kind::Tcp)
                addUnique(programs, std::string("bash"));
        }
    }
    return programs;
}

HostState readHostState(RemoteHost &remote, const HostConnection &host,
                        const std::vector<const DeployUnit *> &units)
{
    std::vector<std::string> paths;
    std::vector<std::string> markers;
    std::vector<const ServiceSpec *> services;
    for (const DeployUnit *unit : units) {
        for (const RenderedFile &file : unit->files)
            addUnique(paths, file.path);
        for (const std::string &fact : unit->factFiles)
            addUnique(paths, fact);
        for (const HostTask &task : unit->tasks) {
            if (!task.creates.empty())
                addUnique(markers, task.creates);
        }
        for (const ServiceSpec &service : unit->services)
            services.push_back(&service);
    }
    addUnique(paths, std::string(journalPath));
    const std::vector<std::string> programs = requiredPrograms(host, units);

    std::string script = stateFunctions;
    for (std::size_t i = 0; i < paths.size(); ++i)
        script += "f " + std::to_string(i) + " " + shellQuote(host.onHost(paths[i])) + "\n";
    for (std::size_t i = 0; i < markers.size(); ++i)
        script += "c " + std::to_string(i) + " " + shellQuote(host.onHost(markers[i])) + "\n";
    for (std::size_t i = 0; i < services.size(); ++i) {
        script += "if " + ServiceControl(host, *services[i]).isRunning() + "; then printf 'S "
                  + std::to_string(i) + "\\n'; fi\n";
    }
    for (std::size_t i = 0; i < programs.size(); ++i)
        script += "p " + std::to_string(i) + " " + shellQuote(programs[i]) + "\n";
    script += "printf 'END\\n'\n";

    const CommandResult result = remote.run(script, {}, 60);
    if (!result.ok() || result.out.find("END\n") == std::string::npos) {
        throw DeployError(host.id,
                          "cannot read the host's state (exit " + std::to_string(result.exitStatus)
                              + "): " + result.err.substr(0, 400),
                          "check that the host runs a POSIX shell with coreutils");
    }

    HostState state;
    std::istringstream lines(result.out);
    std::string line;
    const auto index = [&](const std::string &text, std::size_t limit) {
        std::size_t i = 0;
        try {
            i = std::stoul(text);
        } catch (...) {
            i = limit;
        }
        if (i >= limit)
            throw DeployError(host.id, "unexpected answer while reading the host's state: "
                                           + line.substr(0, 80));
        return i;
    };
    while (std::getline(lines, line)) {
        if (line == "END")
            break;
        std::istringstream words(line);
        std::string tag;
        std::string number;
        words >> tag >> number;
        if (tag == "F") {
            RemoteFile file;
            file.exists = true;
            std::string mode;
            words >> mode >> file.owner;
            file.mode = static_cast<unsigned>(std::stoul(mode.empty() ? "0" : mode, nullptr, 8));
            std::string encoded;
            std::getline(lines, encoded);
            const auto content = decodeBase64(encoded);
            if (!content)
                throw DeployError(host.id, "garbled contents of " + paths[index(number, paths.size())]);
            file.content = *content;
            state.files[paths[index(number, paths.size())]] = std::move(file);
        } else if (tag == "X") {
            RemoteFile file;
            file.exists = true;
            file.regular = false;
            state.files[paths[index(number, paths.size())]] = std::move(file);
        } else if (tag == "N") {
            state.files[paths[index(number, paths.size())]] = RemoteFile{};
        } else if (tag == "C") {
            state.existing.insert(markers[index(number, markers.size())]);
        } else if (tag == "S") {
            state.running.insert(services[index(number, services.size())]->name);
        } else if (tag == "P") {
            state.missingPrograms.push_back(programs[index(number, programs.size())]);
        }
    }
    if (auto it = state.files.find(journalPath); it != state.files.end())
        state.journal = it->second.content;
    return state;
}

} // namespace topolab::core
