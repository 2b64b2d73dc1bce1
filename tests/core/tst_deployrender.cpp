// Rendered configuration against golden files: the HAProxy config of each load balancer and the
// zone of each DNS name, byte for byte (TOPOLAB_UPDATE_GOLDEN=1 rewrites them; review the diff).
// HAProxy's and BIND's own checkers read the output too (installer/setup.sh installs them).
#include "topologyfixture.h"

#include "core/deploy/hostaddress.h"
#include "core/deploy/render/rendertopology.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace topolab::core;
using topolab::test::parseTopology;

namespace {

const std::string goldenDir = std::string(TOPOLAB_TEST_DATA) + "/deploy/";

const std::string singleRegion = R"(topolab: 1
name: "Shop: one region\nsecond line"
regions: [{id: r1}]
components:
  - {id: www, kind: dns, hostname: shop.example.org, ttl_s: 60}
  - {id: lb-1, kind: load_balancer, region: r1, algorithm: leastconn, maxconn: 64,
     health_check: {inter_ms: 500, fall: 2, rise: 3}, retries: 2, connect_timeout_ms: 1500.5}
  - {id: lb-2, kind: load_balancer, region: r1, redispatch: false, port: 8081}
  - {id: app-1, kind: app_server, region: r1, port: 9000, db_queries: 0}
  - {id: app-2, kind: app_server, region: r1, db_queries: 0}
links:
  - {from: www, to: lb-1}
  - {from: www, to: lb-2}
  - {from: lb-1, to: app-1}
  - {from: lb-1, to: app-2}
  - {from: lb-2, to: app-1}
  - {from: lb-2, to: app-2}
deploy:
  hosts:
    - {component: www, address: 10.77.0.2}
    - {component: lb-1, address: 10.77.0.10}
    - {component: lb-2, address: "2001:db8::11"}
    - {component: app-1, address: 10.77.0.20}
    - {component: app-2, address: "2001:db8::21"}
)";

RenderResult render(const Topology &topology)
{
    RenderInputs inputs;
    return renderTopology(topology, inputs);
}

QByteArray fileContent(const RenderResult &r, const std::string &host, const std::string &path)
{
    for (const DeployUnit &u : r.units)
        for (const RenderedFile &f : u.files)
            if (u.host == host && f.path == path)
                return QByteArray::fromStdString(f.content);
    return {};
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

// Runs a tool's checker on `content` saved as `name`: whether it accepts it, or nullopt when the
// tool is not installed.
std::optional<bool> checkWith(const QString &tool, const QStringList &arguments,
                              const QByteArray &content, const QString &name, QString *output)
{
    const QString program = QStandardPaths::findExecutable(
        tool, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"), QStringLiteral("/sbin")});
    if (program.isEmpty())
        return std::nullopt;
    QTemporaryDir dir;
    QFile file(dir.filePath(name));
    file.open(QIODevice::WriteOnly);
    file.write(content);
    file.close();
    QProcess process;
    QStringList args = arguments;
    args.replaceInStrings(QStringLiteral("FILE"), file.fileName());
    process.start(program, args);
    process.waitForFinished(30000);
    *output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

class TestDeployRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void haproxyConfigs()
    {
        const RenderResult r = render(parseTopology(singleRegion));
        QVERIFY(r.problems.empty());
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

    void dnsZone()
    {
        const RenderResult r = render(parseTopology(singleRegion));
        const QByteArray zone = fileContent(r, "www", "/etc/bind/db.example.org");
        compareWithGolden(zone, "www.zone");
        QString output;
        const std::optional<bool> valid
            = checkWith(QStringLiteral("named-checkzone"),
                        {QStringLiteral("example.org"), QStringLiteral("FILE")}, zone,
                        QStringLiteral("db.example.org"), &output);
        if (!valid)
            QSKIP("named-checkzone is not installed (installer/setup.sh installs bind9-utils)");
        QVERIFY2(*valid, qPrintable(output));
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

    void zoneSerialFollowsTheRecords()
    {
        const Topology t = parseTopology(singleRegion);
        std::string moved = singleRegion;
        moved.replace(moved.find("10.77.0.10"), 10, "10.77.0.99");
        const QByteArray before = fileContent(render(t), "www", "/etc/bind/db.example.org");
        const QByteArray after
            = fileContent(render(parseTopology(moved)), "www", "/etc/bind/db.example.org");
        const auto serial = [](const QByteArray &zone) {
            return zone.mid(zone.indexOf("(\n") + 2, 20).trimmed().split('\t').first();
        };
        QVERIFY(serial(before) != serial(after));
    }

    void activeStandbyPublishesTheFirstOnly()
    {
        std::string yaml = singleRegion;
        yaml.replace(yaml.find("ttl_s: 60"), 9, "ttl_s: 60, policy: active_standby");
        const QByteArray zone
            = fileContent(render(parseTopology(yaml)), "www", "/etc/bind/db.example.org");
        QVERIFY(zone.contains("10.77.0.10"));
        QVERIFY(!zone.contains("2001:db8::11"));
    }

    void whatCannotBeRenderedIsNamed()
    {
        // No inventory: HAProxy names its servers by host name, the zone needs IP addresses.
        std::string yaml = singleRegion.substr(0, singleRegion.find("deploy:"));
        const RenderResult r = render(parseTopology(yaml));
        QVERIFY(
            fileContent(r, "lb-1", "/etc/haproxy/haproxy.cfg").contains("server app-1 app-1:9000"));
        QCOMPARE(r.problems.size(), std::size_t(3)); // the name server and both load balancers
        QVERIFY(fileContent(r, "www", "/etc/bind/db.example.org").isEmpty()); // no broken zone
        QCOMPARE(r.problems[0].component, std::string("www"));
        QVERIFY(r.problems[1].message.find("deploy.hosts") != std::string::npos);
    }

    void hostileHostNameIsRefused()
    {
        std::string yaml = singleRegion;
        yaml.replace(yaml.find("shop.example.org"), 16, "\"../../etc/passwd\"");
        const RenderResult r = render(parseTopology(yaml));
        for (const DeployUnit &u : r.units)
            for (const RenderedFile &f : u.files)
                QVERIFY(f.path.find("..") == std::string::npos);
        QCOMPARE(r.problems.size(), std::size_t(1));
        QVERIFY(r.problems[0].message.find("not a DNS name") != std::string::npos);
    }

    void rootPrefixesPathsOnTheHost()
    {
        std::string yaml = singleRegion;
        yaml.replace(yaml.find("address: 10.77.0.10}"), 20,
                     "address: 10.77.0.10, root: /srv/hosts/lb-1/}");
        const Topology t = parseTopology(yaml);
        const DeployTarget lb = deployTarget(t, "lb-1");
        QCOMPARE(lb.host, std::string("lb-1"));
        QCOMPARE(lb.onHost("/etc/haproxy/haproxy.cfg"),
                 std::string("/srv/hosts/lb-1/etc/haproxy/haproxy.cfg"));
        const DeployTarget app = deployTarget(t, "app-1");
        QCOMPARE(app.root, std::string("/"));
        QCOMPARE(app.onHost("/etc/haproxy/haproxy.cfg"), std::string("/etc/haproxy/haproxy.cfg"));
        QCOMPARE(deployTarget(t, "no-host").onHost("/x"), std::string("/x"));
        // The file itself keeps its logical path; the unit says which host it is for.
        const RenderResult r = render(t);
        QVERIFY(!fileContent(r, "lb-1", "/etc/haproxy/haproxy.cfg").isEmpty());
    }

    void unusableRootIsNamed()
    {
        for (const char *root : {"relative/dir", "\"/srv/a\\nb\""}) {
            std::string yaml = singleRegion;
            yaml.replace(yaml.find("address: 10.77.0.10}"), 20,
                         "address: 10.77.0.10, root: " + std::string(root) + "}");
            const RenderResult r = render(parseTopology(yaml));
            QVERIFY(fileContent(r, "lb-1", "/etc/haproxy/haproxy.cfg").isEmpty());
            QCOMPARE(r.problems.size(), std::size_t(1));
            QCOMPARE(r.problems[0].component, std::string("lb-1"));
            QVERIFY(r.problems[0].message.find('\n') == std::string::npos);
        }
    }
};

QTEST_APPLESS_MAIN(TestDeployRender)
#include "tst_deployrender.moc"
