#include "appserverunit.h"

#include "core/deploy/hostaddress.h"
#include "rendertext.h"
#include "topolab/demoapp.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace topolab::core {

namespace {

constexpr std::string_view artifactWord = "{artifact}";

std::vector<std::string> splitWords(const std::string &text)
{
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

void replaceAll(std::string &text, std::string_view from, const std::string &to)
{
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

bool hasControlCharacter(std::string_view text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f)
            return true;
    }
    return false;
}

// The whole file at `path`, or nullopt when it cannot be read.
std::optional<std::string> readFile(const std::filesystem::path &path)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad())
        return std::nullopt;
    return content.str();
}

// The primary database `app` links to, if any: the one whose address goes into its environment.
const Component *primaryDatabase(const TopologyIndex &index, const Component &app)
{
    for (const Component *target : index.targets(app.id)) {
        if (index.isPrimary(*target))
            return target;
    }
    return nullptr;
}

} // namespace

RenderResult renderAppServer(const TopologyIndex &index, const Component &app,
                             const RenderInputs &inputs)
{
    const Topology &topology = index.topology();
    const DeployTarget target = deployTarget(topology, app.id);
    RenderResult result;
    DeployUnit unit{app.id, target.host, {}, {}, {}, {}};
    const auto problem = [&](std::string message) {
        result.problems.push_back({app.id, "app server '" + app.id + "' " + std::move(message)});
    };

    // The program: an uploaded artifact, or else the demo app.
    std::string program; // logical path of the file the service runs, if it is uploaded
    std::string artifactOnHost;
    const std::string &artifact = app.params.text("artifact");
    if (!artifact.empty()) {
        const std::filesystem::path local
            = std::filesystem::path(inputs.baseDirectory) / std::filesystem::path(artifact);
        const std::string name = std::filesystem::path(artifact).filename().string();
        const std::optional<std::string> content = readFile(local);
        if (name.empty() || name == "." || name == ".." || hasControlCharacter(name))
            problem("has the artifact '" + commentText(artifact)
                    + "', which names no file; give the path of a file");
        else if (!content)
            problem("cannot read its artifact " + commentText(local.string())
                    + "; build it or fix the path (relative to the topology file's folder)");
        else {
            program = "/opt/topolab/" + app.id + "/" + name;
            artifactOnHost = target.onHost(program);
            unit.files.push_back({program, *content, 0755, false, {}, {}});
        }
    }

    std::vector<std::string> command = splitWords(app.params.text("command"));
    if (command.empty() && !artifact.empty()) {
        if (!artifactOnHost.empty())
            command = {artifactOnHost};
    } else if (command.empty()) {
        program = demoAppPath;
        unit.files.push_back({program, std::string(embedded::demoApp), 0755, false, {}, {}});
        command = {"/usr/bin/python3", target.onHost(demoAppPath)};
    } else {
        for (std::string &word : command) {
            if (word.find(artifactWord) == std::string::npos)
                continue;
            if (artifact.empty())
                problem("uses {artifact} in its command but has no artifact; set artifact to "
                        "the file to upload");
            replaceAll(word, artifactWord, artifactOnHost);
        }
        // systemd reads a leading -, @, :, + or ! as a flag, and a relative path as an error.
        const std::string &first = command.front();
        const bool flagged = first.find_first_of("-@:+!") == 0;
        const bool relative = first.front() != '/' && first.find('/') != std::string::npos;
        if (!first.empty() && (flagged || relative || hasControlCharacter(first)))
            problem("runs '" + commentText(first)
                    + "', which is neither an absolute path nor a program name; start its "
                      "command with one");
    }

    // The environment: plain KEY=VALUE words that systemd and a shell read alike.
    const std::string envPath = "/etc/topolab/" + app.id + ".env";
    std::string env = generatedHeader("#", topology.name, componentTitle(app, "app server"));
    env += "PORT=" + std::to_string(app.params.integer("port")) + "\n";
    env += "TOPOLAB_COMPONENT=" + app.id + "\n";
    if (const Component *db = primaryDatabase(index, app)) {
        const std::string address = hostAddress(topology, db->id);
        if (isHostNameOrAddress(address)) {
            env += "DATABASE_HOST=" + address + "\n";
            env += "DATABASE_PORT=" + std::to_string(db->params.integer("port")) + "\n";
        } else {
            result.problems.push_back(
                {db->id, "database '" + db->id + "' has the address '" + commentText(address)
                             + "' in deploy.hosts, which is neither a host name nor an IP "
                               "address; fix it"});
        }
    }
    unit.files.push_back({envPath, std::move(env), 0644, false, {}, {}});

    ServiceSpec service;
    service.name = "topolab-" + app.id;
    service.description = "Topolab " + componentTitle(app, "app server");
    service.command = std::move(command);
    service.environmentFiles = {envPath};
    service.restartOn = {envPath};
    if (!program.empty())
        service.restartOn.push_back(program);
    service.health.kind = HealthCheck::Kind::Http;
    service.health.port = static_cast<int>(app.params.integer("port"));
    service.health.path = "/health";
    unit.services.push_back(std::move(service));
    result.units.push_back(std::move(unit));
    return result;
}

} // namespace topolab::core
