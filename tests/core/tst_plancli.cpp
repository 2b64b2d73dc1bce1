// topolab-cli plan and deploy where no host answers: every refusal names its place and what to
// do, with SPEC §4's exit codes, and nothing is changed anywhere.
#include "clirunner.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

const QByteArray topology = "topolab: 1\n"
                            "name: t\n"
                            "components:\n"
                            "  - {id: lb-1, kind: load_balancer}\n"
                            "  - {id: app-1, kind: app_server, db_queries: 0}\n"
                            "links:\n"
                            "  - {from: lb-1, to: app-1}\n";

void write(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

} // namespace

class PlanCliTest : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;
    QString path(const QString &name) const { return mDir.filePath(name); }

private Q_SLOTS:
    void noHostsIsRefused()
    {
        write(path(QStringLiteral("a.topolab.yaml")), topology);
        const CliRun run = runCli({QStringLiteral("plan"), path(QStringLiteral("a.topolab.yaml"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("--inventory")), qPrintable(run.err));
    }

    void malformedInventoryNamesLineAndColumn()
    {
        write(path(QStringLiteral("a.topolab.yaml")), topology);
        write(path(QStringLiteral("inv.yaml")), "deploy:\n  hosts:\n    - {component: app-2, address: 10.0.0.1}\n");
        const CliRun run = runCli({QStringLiteral("plan"), path(QStringLiteral("a.topolab.yaml")), QStringLiteral("--inventory"),
                                   path(QStringLiteral("inv.yaml"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path(QStringLiteral("inv.yaml")) + QStringLiteral(":3:19: error:")), qPrintable(run.err));
    }

    void badTrustArgumentIsAUsageError()
    {
        write(path(QStringLiteral("b.topolab.yaml")),
              topology + "deploy:\n  hosts:\n    - {component: app-1, address: 127.0.0.1, port: 1}\n");
        const CliRun run = runCli({QStringLiteral("plan"), path(QStringLiteral("b.topolab.yaml")), QStringLiteral("--trust"),
                                   QStringLiteral("127.0.0.1=MD5:00")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--trust 127.0.0.1=MD5:00")), qPrintable(run.err));
    }

    void unreachableHostIsNamedWithWhatToDo()
    {
        write(path(QStringLiteral("b.topolab.yaml")),
              topology + "deploy:\n  hosts:\n    - {component: app-1, address: 127.0.0.1, port: 1}\n");
        const CliRun run = runCli({QStringLiteral("plan"), path(QStringLiteral("b.topolab.yaml")), QStringLiteral("--known-hosts"),
                                   path(QStringLiteral("known_hosts"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral("app-1  root@127.0.0.1:1")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("! app-1:")) && run.out.contains(QStringLiteral("127.0.0.1:1")),
                 qPrintable(run.out));
        QVERIFY(!QFile::exists(path(QStringLiteral("known_hosts"))));
    }

    void deployOfAnUnreachableHostChangesNothing()
    {
        write(path(QStringLiteral("b.topolab.yaml")),
              topology + "deploy:\n  hosts:\n    - {component: app-1, address: 127.0.0.1, port: 1}\n");
        const CliRun run = runCli({QStringLiteral("deploy"), path(QStringLiteral("b.topolab.yaml")), QStringLiteral("--yes"),
                                   QStringLiteral("--known-hosts"), path(QStringLiteral("known_hosts")),
                                   QStringLiteral("--log-dir"), path(QStringLiteral("logs"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("app-1")), qPrintable(run.err));
    }

    void worldReadableSecretsAreRefused()
    {
        write(path(QStringLiteral("c.topolab.yaml")),
              topology + "deploy:\n  hosts:\n    - {component: app-1, address: 127.0.0.1, port: 1}\n");
        write(path(QStringLiteral("c.topolab.secrets.yaml")), "secrets: {x: y}\n");
        ::chmod(path(QStringLiteral("c.topolab.secrets.yaml")).toLocal8Bit().constData(), 0644);
        const CliRun run = runCli({QStringLiteral("plan"), path(QStringLiteral("c.topolab.yaml"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("chmod 600")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(PlanCliTest)
#include "tst_plancli.moc"
