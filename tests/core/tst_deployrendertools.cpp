// What reads the rendered files agrees with them: a systemd unit per service (systemd-analyze
// verify), and haproxy -c, named-checkconf -z, named-checkzone and python3 -m py_compile on files
// laid out under a root prefix as a deploy lays them out (installer/setup.sh installs the tools);
// and the demo app is started and asked for /health and /.
#include "webtierfixture.h"

#include "core/deploy/render/systemdunit.h"
#include "core/deploy/servicecontrol.h"

#include <chrono>
#include <csignal>
#include <thread>

using namespace topolab::core;
using namespace topolab::test::webtier;
using topolab::test::parseTopology;

class TestDeployRenderTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_APPLESS_MAIN(TestDeployRenderTools)
#include "tst_deployrendertools.moc"
