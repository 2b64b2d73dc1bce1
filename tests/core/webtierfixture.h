#pragma once

// The single-region web tier the rendering suites share (DNS, two load balancers, two app servers
// whose label and command hold what must not break out of a file or a command line, and a
// database), its inventory, and helpers to find, lay out and check what rendering produces.
#include "topologyfixture.h"

#include "core/deploy/hostaddress.h"
#include "core/deploy/render/rendertopology.h"
#include "core/deploy/secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <optional>
#include <set>
#include <string>

namespace topolab::test::webtier {

using namespace topolab::core;

inline const std::string goldenDir = std::string(TOPOLAB_TEST_DATA) + "/deploy/";

// app-2's label and command hold what must not break out of a file or a command line.
inline const std::string model = R"(topolab: 1
name: "Shop: one region\nsecond line"
regions: [{id: r1}]
components:
  - {id: www, kind: dns, hostname: shop.example.org, ttl_s: 60}
  - {id: lb-1, kind: load_balancer, region: r1, algorithm: leastconn, maxconn: 64,
     health_check: {inter_ms: 500, fall: 2, rise: 3}, retries: 2, connect_timeout_ms: 1500.5}
  - {id: lb-2, kind: load_balancer, region: r1, redispatch: false, port: 8081}
  - {id: app-1, kind: app_server, region: r1, port: 9000, db_queries: 0}
  - {id: app-2, kind: app_server, region: r1, db_queries: 0,
     label: "Checkout \"API\" $(touch pwned) `id`\nline two 100% \\",
     command: "/bin/sleep 3600 ; $HOME 100% it's"}
  - {id: db-1, kind: database, region: r1}
links:
  - {from: www, to: lb-1}
  - {from: www, to: lb-2}
  - {from: lb-1, to: app-1}
  - {from: lb-1, to: app-2}
  - {from: lb-2, to: app-1}
  - {from: lb-2, to: app-2}
  - {from: app-1, to: db-1}
)";

struct Host
{
    const char *id;
    const char *address;
};
inline const Host hosts[]
    = {{"www", "10.77.0.2"},    {"lb-1", "10.77.0.10"},    {"lb-2", "2001:db8::11"},
       {"app-1", "10.77.0.20"}, {"app-2", "2001:db8::21"}, {"db-1", "10.77.0.30"}};
// The components whose units this suite checks (databases render elsewhere).
inline const std::set<std::string> mine = {"www", "lb-1", "lb-2", "app-1", "app-2"};

inline std::string yamlQuoted(const std::string &text)
{
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

// The model with an inventory; each host's root is rootBase + its id when rootBase is given.
inline std::string withHosts(const std::string &rootBase = {})
{
    std::string yaml = model + "deploy:\n  hosts:\n";
    for (const Host &h : hosts) {
        yaml += "    - {component: " + std::string(h.id) + ", address: " + yamlQuoted(h.address);
        if (!rootBase.empty())
            yaml += ", root: " + yamlQuoted(rootBase + h.id);
        yaml += "}\n";
    }
    return yaml;
}

inline const std::string singleRegion = withHosts();

inline RenderResult render(const Topology &topology, const std::string &baseDirectory = {})
{
    SecretStore secrets;
    RenderInputs inputs;
    inputs.secrets = &secrets;
    inputs.baseDirectory = baseDirectory;
    return renderTopology(topology, inputs);
}

inline const DeployUnit *unitOf(const RenderResult &r, const std::string &component)
{
    for (const DeployUnit &u : r.units)
        if (u.component == component)
            return &u;
    return nullptr;
}

inline const RenderedFile *fileOf(const RenderResult &r, const std::string &host,
                                  const std::string &path)
{
    for (const DeployUnit &u : r.units)
        for (const RenderedFile &f : u.files)
            if (u.host == host && f.path == path)
                return &f;
    return nullptr;
}

inline QByteArray fileContent(const RenderResult &r, const std::string &host,
                              const std::string &path)
{
    const RenderedFile *f = fileOf(r, host, path);
    return f ? QByteArray::fromStdString(f->content) : QByteArray();
}

inline std::vector<RenderProblem> problemsOf(const RenderResult &r, const std::set<std::string> &of)
{
    std::vector<RenderProblem> found;
    for (const RenderProblem &p : r.problems)
        if (of.count(p.component))
            found.push_back(p);
    return found;
}

inline QString describe(const std::vector<RenderProblem> &problems)
{
    QString text;
    for (const RenderProblem &p : problems)
        text += QString::fromStdString(p.component + ": " + p.message) + QLatin1Char('\n');
    return text;
}

inline void compareWithGolden(const QByteArray &actual, const std::string &name)
{
    const QString path = QString::fromStdString(goldenDir + name);
    if (qEnvironmentVariableIsSet("TOPOLAB_UPDATE_GOLDEN")) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(actual);
        return;
    }
    QFile in(path);
    QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(path + QStringLiteral(" is missing")));
    const QByteArray expected = in.readAll();
    QVERIFY2(
        actual == expected,
        qPrintable(QStringLiteral("%1 differs; got:\n%2").arg(path, QString::fromUtf8(actual))));
}

inline QString findTool(const QString &tool)
{
    return QStandardPaths::findExecutable(tool,
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"),
                                           QStringLiteral("/sbin"), QStringLiteral("/bin")});
}

struct ToolRun
{
    bool ok = false;
    QString output;
};

inline ToolRun runTool(const QString &program, const QStringList &arguments,
                       const QString &workingDirectory = {})
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    process.waitForFinished(30000);
    return {process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())};
}

// Runs a tool's checker on `content` saved as `name`: whether it accepts it, or nullopt when the
// tool is not installed.
inline std::optional<bool> checkWith(const QString &tool, const QStringList &arguments,
                                     const QByteArray &content, const QString &name,
                                     QString *output)
{
    const QString program = findTool(tool);
    if (program.isEmpty())
        return std::nullopt;
    QTemporaryDir dir;
    QFile file(dir.filePath(name));
    file.open(QIODevice::WriteOnly);
    file.write(content);
    file.close();
    QStringList args = arguments;
    args.replaceInStrings(QStringLiteral("FILE"), file.fileName());
    const ToolRun run = runTool(program, args);
    *output = run.output;
    return run.ok;
}

// Lays the units of `components` out as a deploy would on hosts that share this machine: the
// tasks that come before the files run (through /bin/sh, in `cwd`), then every file is written
// under its host's root with its mode. Returns a failure message, else empty.
inline QString layOut(const Topology &t, const RenderResult &r, const QString &cwd)
{
    for (const DeployUnit &u : r.units) {
        if (!mine.count(u.component))
            continue;
        const DeployTarget target = deployTarget(t, u.host);
        for (const HostTask &task : u.tasks) {
            if (task.when == HostTask::When::AfterServices)
                continue;
            const ToolRun run
                = runTool(QStringLiteral("/bin/sh"),
                          {QStringLiteral("-c"), QString::fromStdString(task.script)}, cwd);
            if (!run.ok)
                return QString::fromStdString(u.host + ": " + task.name + ": ") + run.output;
        }
        for (const RenderedFile &f : u.files) {
            const QString path = QString::fromStdString(target.onHost(f.path));
            QDir().mkpath(QFileInfo(path).path());
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly))
                return path + QStringLiteral(": cannot write");
            out.write(f.content.data(), qint64(f.content.size()));
            out.close();
            chmod(out.fileName().toLocal8Bit().constData(), f.mode);
        }
    }
    return {};
}

// Every /etc, /opt, /run and /var path in `text` starts with `root`.
inline bool pathsCarryRoot(const std::string &text, const std::string &root, std::string *bad)
{
    for (const char *marker : {"/etc/", "/opt/", "/run/", "/var/"}) {
        for (std::size_t at = text.find(marker); at != std::string::npos;
             at = text.find(marker, at + 1)) {
            if (at < root.size() || text.compare(at - root.size(), root.size(), root) != 0) {
                *bad = text.substr(at < 40 ? 0 : at - 40, 80);
                return false;
            }
        }
    }
    return true;
}

inline int freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

// The whole response to GET `path` on 127.0.0.1:`port`, or empty when nothing answers.
inline QByteArray httpGet(int port, const char *path)
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QByteArray response;
    if (connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0) {
        const std::string request
            = std::string("GET ") + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n";
        if (write(fd, request.data(), request.size()) == ssize_t(request.size())) {
            char buffer[4096];
            for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;)
                response.append(buffer, n);
        }
    }
    close(fd);
    return response;
}

} // namespace topolab::test::webtier
