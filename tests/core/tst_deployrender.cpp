// What rendering puts on each host: the HAProxy config and service of each load balancer, each
// app server's program, environment and service, and BIND's zone, configuration and service for
// each DNS name. Generated text is compared with golden files byte for byte
// (TOPOLAB_UPDATE_GOLDEN=1 rewrites them; review the diff). Labels, addresses, host names and
// roots that could break out of a file or a command are kept in or refused.
#include "webtierfixture.h"


using namespace topolab::core;
using namespace topolab::test::webtier;
using topolab::test::parseTopology;

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
