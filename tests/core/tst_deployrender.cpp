// What rendering puts on each host: the HAProxy config and service of each load balancer, each
// app server's program, environment and service, BIND's zone, configuration and service for each
// DNS name, and a systemd unit per service. Generated text is compared with golden files byte
// for byte (TOPOLAB_UPDATE_GOLDEN=1 rewrites them; review the diff). The tools that will read the
// files check them too, on files laid out under a root prefix as a deploy lays them out:
// haproxy -c, named-checkconf -z, named-checkzone, systemd-analyze verify, python3 -m py_compile
// (installer/setup.sh installs them); and the demo app is started and asked for /health and /.
#include "topologyfixture.h"

#include "core/deploy/hostaddress.h"
#include "core/deploy/render/rendertopology.h"
#include "core/deploy/render/systemdunit.h"
#include "core/deploy/servicecontrol.h"
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

#include <chrono>
#include <optional>
#include <set>
#include <thread>

using namespace topolab::core;
using topolab::test::parseTopology;

namespace {

const std::string goldenDir = std::string(TOPOLAB_TEST_DATA) + "/deploy/";

// app-2's label and command hold what must not break out of a file or a command line.
const std::string model = R"(topolab: 1
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
const Host hosts[] = {{"www", "10.77.0.2"},    {"lb-1", "10.77.0.10"},    {"lb-2", "2001:db8::11"},
                      {"app-1", "10.77.0.20"}, {"app-2", "2001:db8::21"}, {"db-1", "10.77.0.30"}};
// The components whose units this suite checks (databases render elsewhere).
const std::set<std::string> mine = {"www", "lb-1", "lb-2", "app-1", "app-2"};

std::string yamlQuoted(const std::string &text)
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
std::string withHosts(const std::string &rootBase = {})
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

const std::string singleRegion = withHosts();

RenderResult render(const Topology &topology, const std::string &baseDirectory = {})
{
    SecretStore secrets;
    RenderInputs inputs;
    inputs.secrets = &secrets;
    inputs.baseDirectory = baseDirectory;
    return renderTopology(topology, inputs);
}

const DeployUnit *unitOf(const RenderResult &r, const std::string &component)
{
    for (const DeployUnit &u : r.units)
        if (u.component == component)
            return &u;
    return nullptr;
}

const RenderedFile *fileOf(const RenderResult &r, const std::string &host, const std::string &path)
{
    for (const DeployUnit &u : r.units)
        for (const RenderedFile &f : u.files)
            if (u.host == host && f.path == path)
                return &f;
    return nullptr;
}

QByteArray fileContent(const RenderResult &r, const std::string &host, const std::string &path)
{
    const RenderedFile *f = fileOf(r, host, path);
    return f ? QByteArray::fromStdString(f->content) : QByteArray();
}

std::vector<RenderProblem> problemsOf(const RenderResult &r, const std::set<std::string> &of)
{
    std::vector<RenderProblem> found;
    for (const RenderProblem &p : r.problems)
        if (of.count(p.component))
            found.push_back(p);
    return found;
}

QString describe(const std::vector<RenderProblem> &problems)
{
    QString text;
    for (const RenderProblem &p : problems)
        text += QString::fromStdString(p.component + ": " + p.message) + QLatin1Char('\n');
    return text;
}

void compareWithGolden(const QByteArray &actual, const std::string &name)
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

QString findTool(const QString &tool)
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

ToolRun runTool(const QString &program, const QStringList &arguments,
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
std::optional<bool> checkWith(const QString &tool, const QStringList &arguments,
                              const QByteArray &content, const QString &name, QString *output)
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
QString layOut(const Topology &t, const RenderResult &r, const QString &cwd)
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
bool pathsCarryRoot(const std::string &text, const std::string &root, std::string *bad)
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

int freePort()
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
QByteArray httpGet(int port, const char *path)
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

} // namespace

class TestDeployRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void haproxyConfigs()
    {
        const RenderResult r = render(parseTopology(singleRegion));
        QVERIFY2(problemsOf(r, mine).empty(), qPrintable(describe(r.problems)));
        compareWithGolden(fileContent(r, "lb-1", "/etc/haproxy/haproxy.cfg"), "lb-1.haproxy.cfg");
        compareWithGolden(fileContent(r, "lb-2", "/etc/haproxy/haproxy.cfg"), "lb-2.haproxy.cfg");
        for (const char *lb : {"lb-1", "lb-2"}) {
            QString output;
            const std::optional<bool> valid
                = checkWith(QStringLiteral("haproxy"),
                            {QStringLiteral("-c"), QStringLiteral("-q"), QStringLiteral("-f"),
                             QStringLiteral("FILE")},
                            fileContent(r, lb, "/etc/haproxy/haproxy.cfg"),
                            QStringLiteral("haproxy.cfg"), &output);
            if (!valid)
                QSKIP("haproxy is not installed (installer/setup.sh installs it)");
            QVERIFY2(*valid, qPrintable(output));
        }
    }

    void loadBalancerService()
    {
        const RenderResult r = render(parseTopology(singleRegion));
        const DeployUnit *lb = unitOf(r, "lb-2");
        QVERIFY(lb);
        QCOMPARE(lb->host, std::string("lb-2"));
        const RenderedFile *cfg = fileOf(r, "lb-2", "/etc/haproxy/haproxy.cfg");
        QVERIFY(cfg);
        QCOMPARE(cfg->check, (std::vector<std::string>{"haproxy", "-c", "-q", "-f", "{}"}));
        QCOMPARE(lb->services.size(), std::size_t(1));
        const ServiceSpec &s = lb->services[0];
        QCOMPARE(s.name, std::string("topolab-lb-2"));
        QCOMPARE(s.command, (std::vector<std::string>{"/usr/sbin/haproxy", "-W", "-db", "-f",
                                                      "/etc/haproxy/haproxy.cfg"}));
        QVERIFY(s.reload == ServiceSpec::Reload::Signal);
        QCOMPARE(s.reloadSignal, SIGUSR2);
        QCOMPARE(s.reloadOn, std::vector<std::string>{"/etc/haproxy/haproxy.cfg"});
        QVERIFY(s.health.kind == HealthCheck::Kind::Http);
        QCOMPARE(s.health.port, 8081);
        QCOMPARE(s.health.path, std::string("/health"));
    }

    void dnsZone()
    {
        const RenderResult r = render(parseTopology(singleRegion));
        const RenderedFile *zone = fileOf(r, "www", "/etc/topolab/bind/www/db.example.org");
        QVERIFY(zone);
        QCOMPARE(zone->check, (std::vector<std::string>{"named-checkzone", "example.org", "{}"}));
        compareWithGolden(QByteArray::fromStdString(zone->content), "www.zone");
        QString output;
        const std::optional<bool> valid = checkWith(
            QStringLiteral("named-checkzone"),
            {QStringLiteral("example.org"), QStringLiteral("FILE")},
            QByteArray::fromStdString(zone->content), QStringLiteral("db.example.org"), &output);
        if (!valid)
            QSKIP("named-checkzone is not installed (installer/setup.sh installs bind9-utils)");
        QVERIFY2(*valid, qPrintable(output));
    }

    void nameServer()
    {
        std::string yaml = singleRegion;
        yaml.replace(yaml.find("ttl_s: 60"), 9, "ttl_s: 60, port: 5353");
        const RenderResult r = render(parseTopology(yaml));
        const RenderedFile *conf = fileOf(r, "www", "/etc/topolab/bind/www/named.conf");
        QVERIFY(conf);
        QCOMPARE(conf->check, (std::vector<std::string>{"named-checkconf", "{}"}));
        compareWithGolden(QByteArray::fromStdString(conf->content), "www.named.conf");
        const DeployUnit *dns = unitOf(r, "www");
        QCOMPARE(dns->tasks.size(), std::size_t(2));
        QVERIFY(dns->tasks[0].when == HostTask::When::BeforeFiles); // named-checkconf needs it
        QCOMPARE(dns->tasks[0].creates, std::string("/var/cache/topolab/bind/www"));
        const ServiceSpec &s = dns->services.at(0);
        QCOMPARE(s.name, std::string("topolab-www"));
        QCOMPARE(s.command, (std::vector<std::string>{"/usr/sbin/named", "-f", "-c",
                                                      "/etc/topolab/bind/www/named.conf"}));
        QVERIFY(s.reload == ServiceSpec::Reload::Signal);
        QCOMPARE(s.reloadSignal, SIGHUP);
        QCOMPARE(s.reloadOn, std::vector<std::string>{"/etc/topolab/bind/www/db.example.org"});
        QVERIFY(s.health.kind == HealthCheck::Kind::Tcp);
        QCOMPARE(s.health.address, std::string("10.77.0.2"));
        QCOMPARE(s.health.port, 5353);
    }

    void appServers()
    {
        const RenderResult r = render(parseTopology(singleRegion));
        QVERIFY2(problemsOf(r, mine).empty(), qPrintable(describe(r.problems)));
        compareWithGolden(fileContent(r, "app-1", "/etc/topolab/app-1.env"), "app-1.env");
        compareWithGolden(fileContent(r, "app-2", "/etc/topolab/app-2.env"), "app-2.env");
        // app-1 links to the primary; app-2 to no database.
        QVERIFY(fileContent(r, "app-1", "/etc/topolab/app-1.env")
                    .contains("DATABASE_HOST=10.77.0.30\n"));
        QVERIFY(!fileContent(r, "app-2", "/etc/topolab/app-2.env").contains("DATABASE"));

        // No command: the demo app, byte for byte the file in resources/.
        const RenderedFile *demo = fileOf(r, "app-1", "/opt/topolab/demo-app.py");
        QVERIFY(demo);
        QCOMPARE(demo->mode, 0755u);
        QFile resource(QStringLiteral(TOPOLAB_EXAMPLES "/../deploy/demo-app.py"));
        QVERIFY(resource.open(QIODevice::ReadOnly));
        QCOMPARE(QByteArray::fromStdString(demo->content), resource.readAll());
        const ServiceSpec &one = unitOf(r, "app-1")->services.at(0);
        QCOMPARE(one.name, std::string("topolab-app-1"));
        QCOMPARE(one.command,
                 (std::vector<std::string>{"/usr/bin/python3", "/opt/topolab/demo-app.py"}));
        QCOMPARE(one.environmentFiles, std::vector<std::string>{"/etc/topolab/app-1.env"});
        QCOMPARE(one.restartOn,
                 (std::vector<std::string>{"/etc/topolab/app-1.env", "/opt/topolab/demo-app.py",
                                           "/etc/systemd/system/topolab-app-1.service"}));
        QVERIFY(one.health.kind == HealthCheck::Kind::Http);
        QCOMPARE(one.health.port, 9000);

        // A command: its words as written, no shell.
        QVERIFY(!fileOf(r, "app-2", "/opt/topolab/demo-app.py"));
        const ServiceSpec &two = unitOf(r, "app-2")->services.at(0);
        QCOMPARE(two.command,
                 (std::vector<std::string>{"/bin/sleep", "3600", ";", "$HOME", "100%", "it's"}));
    }

    void artifactIsUploaded()
    {
        QTemporaryDir base;
        QDir(base.path()).mkpath(QStringLiteral("build"));
        QFile program(base.filePath(QStringLiteral("build/shop server")));
        QVERIFY(program.open(QIODevice::WriteOnly));
        program.write("#!/bin/sh\nexec sleep 3600\n");
        program.close();

        std::string yaml = singleRegion;
        yaml.replace(yaml.find("port: 9000,"), 11,
                     "port: 9000, artifact: \"build/shop server\", "
                     "command: \"/usr/bin/env {artifact} --config={artifact}.conf\",");
        RenderResult r = render(parseTopology(yaml), base.path().toStdString());
        QVERIFY2(problemsOf(r, mine).empty(), qPrintable(describe(r.problems)));
        const RenderedFile *uploaded = fileOf(r, "app-1", "/opt/topolab/app-1/shop server");
        QVERIFY(uploaded);
        QCOMPARE(uploaded->mode, 0755u);
        QCOMPARE(uploaded->content, std::string("#!/bin/sh\nexec sleep 3600\n"));
        QVERIFY(!fileOf(r, "app-1", "/opt/topolab/demo-app.py"));
        const ServiceSpec &s = unitOf(r, "app-1")->services.at(0);
        QCOMPARE(s.command,
                 (std::vector<std::string>{"/usr/bin/env", "/opt/topolab/app-1/shop server",
                                           "--config=/opt/topolab/app-1/shop server.conf"}));
        QCOMPARE(s.restartOn.at(1), std::string("/opt/topolab/app-1/shop server"));

        // An artifact without a command is the program.
        yaml = singleRegion;
        yaml.replace(yaml.find("port: 9000,"), 11, "port: 9000, artifact: \"build/shop server\",");
        r = render(parseTopology(yaml), base.path().toStdString());
        QCOMPARE(unitOf(r, "app-1")->services.at(0).command,
                 std::vector<std::string>{"/opt/topolab/app-1/shop server"});
    }

    void whatAnAppServerCannotRunIsNamed_data()
    {
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("message");
        QTest::newRow("unreadable artifact")
            << QStringLiteral("artifact: missing/shop") << QStringLiteral("missing/shop");
        QTest::newRow("no artifact")
            << QStringLiteral("command: \"{artifact} -v\"") << QStringLiteral("no artifact");
        QTest::newRow("relative program")
            << QStringLiteral("command: \"bin/shop -v\"") << QStringLiteral("bin/shop");
        QTest::newRow("flag as program")
            << QStringLiteral("command: \"-/bin/shop\"") << QStringLiteral("-/bin/shop");
        QTest::newRow("quote in program")
            << QStringLiteral("command: \"/opt/it's/shop\"") << QStringLiteral("/opt/it's/shop");
    }

    void whatAnAppServerCannotRunIsNamed()
    {
        QFETCH(QString, params);
        QFETCH(QString, message);
        std::string yaml = singleRegion;
        yaml.replace(yaml.find("port: 9000,"), 11, "port: 9000, " + params.toStdString() + ",");
        const RenderResult r = render(parseTopology(yaml), "/nonexistent");
        const std::vector<RenderProblem> problems = problemsOf(r, mine);
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems[0].component, std::string("app-1"));
        QVERIFY2(QString::fromStdString(problems[0].message).contains(message),
                 qPrintable(describe(problems)));
    }

    void systemdUnits()
    {
        const RenderResult r = render(parseTopology(singleRegion));
        for (const char *service :
             {"topolab-www", "topolab-lb-1", "topolab-app-1", "topolab-app-2"}) {
            const std::string host = std::string(service).substr(8);
            compareWithGolden(
                fileContent(r, host, "/etc/systemd/system/" + std::string(service) + ".service"),
                std::string(service) + ".service");
        }
        // The process manager needs no unit files.
        std::string yaml = singleRegion;
        yaml.replace(yaml.find("address: \"10.77.0.10\""), 21,
                     "address: 10.77.0.10, service_manager: process");
        const RenderResult process = render(parseTopology(yaml));
        QVERIFY(!fileOf(process, "lb-1", "/etc/systemd/system/topolab-lb-1.service"));
        QCOMPARE(unitOf(process, "lb-1")->files.size(), std::size_t(1));
        QVERIFY(fileOf(process, "lb-2", "/etc/systemd/system/topolab-lb-2.service"));
    }

    void systemdQuotesEveryWord()
    {
        QCOMPARE(systemdExecWord("/usr/sbin/haproxy"), std::string("/usr/sbin/haproxy"));
        QCOMPARE(systemdExecWord("--config=/a/b.cfg"), std::string("--config=/a/b.cfg"));
        QCOMPARE(systemdExecWord(""), std::string("\"\""));
        QCOMPARE(systemdExecWord("a b"), std::string("\"a b\""));
        QCOMPARE(systemdExecWord("$HOME"), std::string("\"$$HOME\""));
        QCOMPARE(systemdExecWord("${X}"), std::string("\"$${X}\""));
        QCOMPARE(systemdExecWord("100%n"), std::string("\"100%%n\""));
        QCOMPARE(systemdExecWord("a\"b\\c'd"), std::string("\"a\\\"b\\\\c'd\""));
        QCOMPARE(systemdExecWord("one\ntwo\tthree\x01"), std::string("\"one\\ntwo\\tthree\\x01\""));
        QCOMPARE(systemdExecWord(";"), std::string("\\;"));
        // No variable expands in the program: its $ stays single.
        QCOMPARE(systemdExecWord("/opt/a $b", true), std::string("\"/opt/a $b\""));
        QCOMPARE(systemdExecWord("a;b"), std::string("\"a;b\""));
        QCOMPARE(signalName(SIGUSR2), std::string("USR2"));
    }

    // The files laid out under each host's root as a deploy lays them out, read by the tools
    // that will read them on the hosts: each file's own check in place, BIND loading its zone
    // through its configuration, systemd reading the units. A hostile root stays one path.
    void checkersReadTheFilesUnderARoot_data()
    {
        QTest::addColumn<QString>("rootDirectory");
        QTest::addColumn<QString>("artifact"); // app-2's program, uploaded; empty = /bin/sleep
        QTest::newRow("plain") << QStringLiteral("hosts") << QString();
        QTest::newRow("hostile") << QStringLiteral("h \"q\" '$(touch pwned)' `touch pwned` 100% ;&")
                                 << QString();
        // systemd reads the program back exactly: it checks that the file exists.
        QTest::newRow("hostile program") << QStringLiteral("h $(touch pwned) `touch pwned` 100% ;&")
                                         << QStringLiteral("shop 100% $HOME ${X} %n ;");
    }

    void checkersReadTheFilesUnderARoot()
    {
        QFETCH(QString, rootDirectory);
        QFETCH(QString, artifact);
        QTemporaryDir tmp;
        const std::string rootBase = tmp.filePath(rootDirectory).toStdString() + "/";
        std::string yaml = withHosts(rootBase);
        if (!artifact.isEmpty()) {
            QFile program(tmp.filePath(artifact));
            QVERIFY(program.open(QIODevice::WriteOnly));
            program.write("#!/bin/sh\n");
            program.close();
            yaml.replace(yaml.find("command: \"/bin/sleep"), 20,
                         "artifact: " + yamlQuoted(artifact.toStdString())
                             + ", command: \"{artifact}");
        }
        const Topology t = parseTopology(yaml);
        const RenderResult r = render(t, tmp.path().toStdString());
        QVERIFY2(problemsOf(r, mine).empty(), qPrintable(describe(r.problems)));
        if (!artifact.isEmpty())
            QCOMPARE(
                unitOf(r, "app-2")->services.at(0).command.at(0),
                deployTarget(t, "app-2").onHost("/opt/topolab/app-2/" + artifact.toStdString()));
        const QString failure = layOut(t, r, tmp.path());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        QStringList missing;
        int checks = 0;
        for (const DeployUnit &u : r.units) {
            if (!mine.count(u.component))
                continue;
            const DeployTarget target = deployTarget(t, u.host);
            for (const RenderedFile &f : u.files) {
                const QString path = QString::fromStdString(target.onHost(f.path));
                if (f.check.empty())
                    continue;
                const QString program = findTool(QString::fromStdString(f.check[0]));
                if (program.isEmpty()) {
                    missing << QString::fromStdString(f.check[0]);
                    continue;
                }
                QStringList args;
                for (std::size_t i = 1; i < f.check.size(); ++i)
                    args << (f.check[i] == "{}" ? path : QString::fromStdString(f.check[i]));
                const ToolRun run = runTool(program, args);
                QVERIFY2(run.ok, qPrintable(path + QStringLiteral(": ") + run.output));
                ++checks;
            }
            // A plain root must be the start of every path the files and commands name.
            if (QString::fromLatin1(QTest::currentDataTag()) == QLatin1String("plain")) {
                std::string root = target.root;
                while (!root.empty() && root.back() == '/')
                    root.pop_back();
                std::string bad;
                for (const RenderedFile &f : u.files)
                    QVERIFY2(f.mode == 0755 || pathsCarryRoot(f.content, root, &bad),
                             qPrintable(QString::fromStdString(f.path + ": " + bad)));
                for (const HostTask &task : u.tasks)
                    QVERIFY2(pathsCarryRoot(task.script, root, &bad), bad.c_str());
                for (const ServiceSpec &s : u.services)
                    for (const std::string &word : s.command)
                        QVERIFY2(pathsCarryRoot(word, root, &bad), bad.c_str());
            }
        }
        QCOMPARE(checks + int(missing.size()), 4); // 2 haproxy.cfg, the zone, named.conf

        const DeployTarget dns = deployTarget(t, "www");
        const QString checkconf = findTool(QStringLiteral("named-checkconf"));
        if (!checkconf.isEmpty()) {
            const ToolRun run
                = runTool(checkconf,
                          {QStringLiteral("-z"),
                           QString::fromStdString(dns.onHost("/etc/topolab/bind/www/named.conf"))});
            QVERIFY2(run.ok, qPrintable(run.output));
        }
        const QString python = findTool(QStringLiteral("python3"));
        if (!python.isEmpty()) {
            const ToolRun run = runTool(
                python, {QStringLiteral("-m"), QStringLiteral("py_compile"),
                         QString::fromStdString(
                             deployTarget(t, "app-1").onHost("/opt/topolab/demo-app.py"))});
            QVERIFY2(run.ok, qPrintable(run.output));
        }
        const QString analyze = findTool(QStringLiteral("systemd-analyze"));
        if (!analyze.isEmpty()) {
            for (const char *host : {"www", "lb-1", "lb-2", "app-1", "app-2"}) {
                const std::string unit = deployTarget(t, host).onHost(
                    "/etc/systemd/system/topolab-" + std::string(host) + ".service");
                const ToolRun run
                    = runTool(analyze, {QStringLiteral("verify"), QString::fromStdString(unit)});
                // Any complaint counts: systemd warns and goes on where a word was misread.
                QVERIFY2(run.ok && run.output.isEmpty(), qPrintable(run.output));
            }
        }
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("pwned"))));
        if (checkconf.isEmpty() || python.isEmpty() || analyze.isEmpty() || !missing.isEmpty())
            QSKIP("some checkers are not installed (installer/setup.sh installs haproxy, "
                  "bind9-utils and systemd); the others passed");
    }

    // The demo app as its unit runs it: the service's command with the environment file's
    // variables (on a free port), answering /health and naming itself and its host on /.
    void demoAppServes()
    {
        if (findTool(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 is not installed");
        QTemporaryDir tmp;
        const Topology t = parseTopology(withHosts(tmp.path().toStdString() + "/"));
        const RenderResult r = render(t);
        QVERIFY(layOut(t, r, tmp.path()).isEmpty());
        const DeployTarget target = deployTarget(t, "app-1");
        const ServiceSpec &service = unitOf(r, "app-1")->services.at(0);

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        QFile env(QString::fromStdString(target.onHost(service.environmentFiles.at(0))));
        QVERIFY(env.open(QIODevice::ReadOnly));
        for (const QByteArray &line : env.readAll().split('\n')) {
            const qsizetype equals = line.indexOf('=');
            if (!line.startsWith('#') && equals > 0)
                environment.insert(QString::fromUtf8(line.left(equals)),
                                   QString::fromUtf8(line.mid(equals + 1)));
        }
        QCOMPARE(environment.value(QStringLiteral("PORT")), QStringLiteral("9000"));
        const int port = freePort();
        environment.insert(QStringLiteral("PORT"), QString::number(port));

        QProcess app;
        app.setProcessEnvironment(environment);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList arguments;
        for (std::size_t i = 1; i < service.command.size(); ++i)
            arguments << QString::fromStdString(service.command[i]);
        app.start(QString::fromStdString(service.command[0]), arguments);
        QVERIFY(app.waitForStarted());
        QByteArray health;
        for (int i = 0; i < 100 && health.isEmpty(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            health = httpGet(port, "/health");
        }
        QVERIFY2(health.startsWith("HTTP/1.0 200"), health.constData());
        QVERIFY(health.endsWith("\r\n\r\nok\n"));
        const QByteArray root = httpGet(port, "/");
        QVERIFY2(root.startsWith("HTTP/1.0 200"), root.constData());
        QVERIFY(root.contains("component app-1\n"));
        char hostName[256] = {};
        gethostname(hostName, sizeof hostName - 1);
        QVERIFY(root.contains(QByteArray("host ") + hostName + "\n"));
        QVERIFY(root.contains("database 10.77.0.30:5432\n"));

        app.terminate(); // SIGTERM, as a service manager stops it
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
    }

    // Labels are free text: they reach comments and unit descriptions only, on one line.
    void labelsStayOnTheirLine()
    {
        const RenderResult r = render(parseTopology(singleRegion));
        int seen = 0;
        for (const DeployUnit &u : r.units) {
            for (const RenderedFile &f : u.files) {
                for (const QByteArray &line : QByteArray::fromStdString(f.content).split('\n')) {
                    QVERIFY2(!line.startsWith("line two"),
                             qPrintable(QString::fromStdString(f.path)));
                    if (!line.contains("Checkout"))
                        continue;
                    ++seen;
                    QVERIFY2(line.startsWith("#") || line.startsWith("Description="),
                             line.constData());
                    QVERIFY(!line.endsWith('\\'));
                    if (line.startsWith("Description="))
                        QVERIFY(line.contains("100%% "));
                }
            }
        }
        QCOMPARE(seen, 2); // the env file's header and the unit's description
    }

    void renderingIsStable()
    {
        const Topology t = parseTopology(singleRegion);
        const RenderResult a = render(t);
        const RenderResult b = render(t);
        QCOMPARE(a.units.size(), b.units.size());
        for (std::size_t i = 0; i < a.units.size(); ++i) {
            QCOMPARE(a.units[i].files.size(), b.units[i].files.size());
            for (std::size_t j = 0; j < a.units[i].files.size(); ++j)
                QCOMPARE(a.units[i].files[j].content, b.units[i].files[j].content);
        }
    }

    void unitsFollowTheComponentOrder()
    {
        const RenderResult r = render(parseTopology(singleRegion));
        std::vector<std::string> order;
        for (const DeployUnit &u : r.units)
            if (mine.count(u.component))
                order.push_back(u.component);
        QCOMPARE(order, (std::vector<std::string>{"www", "lb-1", "lb-2", "app-1", "app-2"}));
    }

    void zoneSerialFollowsTheRecords()
    {
        const Topology t = parseTopology(singleRegion);
        std::string moved = singleRegion;
        moved.replace(moved.find("10.77.0.10"), 10, "10.77.0.99");
        const std::string zone = "/etc/topolab/bind/www/db.example.org";
        const QByteArray before = fileContent(render(t), "www", zone);
        const QByteArray after = fileContent(render(parseTopology(moved)), "www", zone);
        const auto serial = [](const QByteArray &zone) {
            return zone.mid(zone.indexOf("(\n") + 2, 20).trimmed().split('\t').first();
        };
        QVERIFY(serial(before) != serial(after));
    }

    void activeStandbyPublishesTheFirstOnly()
    {
        std::string yaml = singleRegion;
        yaml.replace(yaml.find("ttl_s: 60"), 9, "ttl_s: 60, policy: active_standby");
        const QByteArray zone = fileContent(render(parseTopology(yaml)), "www",
                                            "/etc/topolab/bind/www/db.example.org");
        QVERIFY(zone.contains("10.77.0.10"));
        QVERIFY(!zone.contains("2001:db8::11"));
    }

    void whatCannotBeRenderedIsNamed()
    {
        // No inventory: HAProxy names its servers by host name, the zone needs IP addresses.
        const RenderResult r = render(parseTopology(model));
        QVERIFY(
            fileContent(r, "lb-1", "/etc/haproxy/haproxy.cfg").contains("server app-1 app-1:9000"));
        const std::vector<RenderProblem> problems = problemsOf(r, {"www", "lb-1", "lb-2"});
        QCOMPARE(problems.size(), std::size_t(3)); // the name server and both load balancers
        QVERIFY(!unitOf(r, "www"));                // no broken zone
        QCOMPARE(problems[0].component, std::string("www"));
        QVERIFY(problems[1].message.find("deploy.hosts") != std::string::npos);
    }

    void hostileAddressesAreRefused()
    {
        std::string yaml = singleRegion;
        yaml.replace(yaml.find("\"10.77.0.20\""), 12,
                     "\"10.77.0.20\\n    server evil 1.2.3.4:80\"");
        yaml.replace(yaml.find("\"10.77.0.30\""), 12, "\"db $(id)\"");
        const RenderResult r = render(parseTopology(yaml));
        QVERIFY(!fileContent(r, "lb-1", "/etc/haproxy/haproxy.cfg").contains("evil"));
        QVERIFY(!fileContent(r, "app-1", "/etc/topolab/app-1.env").contains("$(id)"));
        const std::vector<RenderProblem> app = problemsOf(r, {"app-1"});
        const std::vector<RenderProblem> db = problemsOf(r, {"db-1"});
        QVERIFY2(app.size() >= 2 && !db.empty(), qPrintable(describe(r.problems))); // one per LB
        for (const RenderProblem &p : r.problems)
            QVERIFY(p.message.find('\n') == std::string::npos);
    }

    void hostileHostNameIsRefused()
    {
        std::string yaml = singleRegion;
        yaml.replace(yaml.find("shop.example.org"), 16, "\"../../etc/passwd\"");
        const RenderResult r = render(parseTopology(yaml));
        for (const DeployUnit &u : r.units)
            for (const RenderedFile &f : u.files)
                QVERIFY(f.path.find("..") == std::string::npos);
        const std::vector<RenderProblem> problems = problemsOf(r, mine);
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY(problems[0].message.find("not a DNS name") != std::string::npos);
    }

    void rootPrefixesPathsOnTheHost()
    {
        std::string yaml = singleRegion;
        yaml.replace(yaml.find("address: \"10.77.0.10\""), 21,
                     "address: 10.77.0.10, root: /srv/hosts/lb-1/");
        const Topology t = parseTopology(yaml);
        const DeployTarget lb = deployTarget(t, "lb-1");
        QCOMPARE(lb.host, std::string("lb-1"));
        QCOMPARE(lb.onHost("/etc/haproxy/haproxy.cfg"),
                 std::string("/srv/hosts/lb-1/etc/haproxy/haproxy.cfg"));
        const DeployTarget app = deployTarget(t, "app-1");
        QCOMPARE(app.root, std::string("/"));
        QCOMPARE(app.onHost("/etc/haproxy/haproxy.cfg"), std::string("/etc/haproxy/haproxy.cfg"));
        QCOMPARE(deployTarget(t, "no-host").onHost("/x"), std::string("/x"));
        // The file keeps its logical path; the unit says which host it is for; the command
        // names the file where it is on the host.
        const RenderResult r = render(t);
        QVERIFY(!fileContent(r, "lb-1", "/etc/haproxy/haproxy.cfg").isEmpty());
        QCOMPARE(unitOf(r, "lb-1")->services.at(0).command.back(),
                 std::string("/srv/hosts/lb-1/etc/haproxy/haproxy.cfg"));
    }

    void unusableRootIsNamed()
    {
        for (const char *root : {"relative/dir", "\"/srv/a\\nb\""}) {
            std::string yaml = singleRegion;
            yaml.replace(yaml.find("address: \"10.77.0.10\""), 21,
                         "address: 10.77.0.10, root: " + std::string(root));
            const RenderResult r = render(parseTopology(yaml));
            QVERIFY(!unitOf(r, "lb-1"));
            const std::vector<RenderProblem> problems = problemsOf(r, mine);
            QCOMPARE(problems.size(), std::size_t(1));
            QCOMPARE(problems[0].component, std::string("lb-1"));
            QVERIFY(problems[0].message.find('\n') == std::string::npos);
        }
        // BIND's quoted strings cannot carry every backslash: refused for the name server.
        std::string yaml = singleRegion;
        yaml.replace(yaml.find("address: \"10.77.0.2\""), 20,
                     "address: 10.77.0.2, root: \"/srv/a\\\\b\"");
        const std::vector<RenderProblem> problems = problemsOf(render(parseTopology(yaml)), mine);
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY(problems[0].message.find("backslash") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestDeployRender)
#include "tst_deployrender.moc"
