// The single-region example deployed to real hosts (a rig of network namespaces, one sshd each)
// with topolab-cli, then proven to work: HTTP through either load balancer reaches every app
// server, DNS answers both load balancers with the model's TTL, the standby reads what the primary
// wrote, the base backup is in object storage, a second plan finds nothing, no secret is in any
// log; then the faults: a changed host key refused for that host while the others proceed, sshd
// killed mid-deploy leaving no half-written file and a re-run completing, an app server killed
// without a lost request.
#include "rigfixture.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using topolab::test::Rig;
using topolab::test::RigOptions;
using topolab::test::RigRun;
using topolab::test::readAll;
using topolab::test::writeAll;

namespace {

const QStringList components = {QStringLiteral("www"),   QStringLiteral("lb-1"),
                                QStringLiteral("lb-2"),  QStringLiteral("app-1"),
                                QStringLiteral("app-2"), QStringLiteral("app-3"),
                                QStringLiteral("db-1"),  QStringLiteral("db-2"),
                                QStringLiteral("backup-1"), QStringLiteral("static")};
const QString marker = QStringLiteral("MarkerSecret7e0c41d9");

int slotOf(const QString &component)
{
    return static_cast<int>(components.indexOf(component)) + 1;
}

} // namespace

class DeploySingleRegionTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<Rig> mRig;
    QTemporaryDir mWork;
    QString mFile;
    QString mLogDir;
    QString mOutput; // everything the CLI printed, for the secret check

    QString address(const QString &component) const { return mRig->address(slotOf(component)); }
    QString root(const QString &component) const { return mRig->rootDir(slotOf(component)); }

    RigRun cli(const QString &command, int timeoutMs = 300000)
    {
        QStringList args = {QStringLiteral(TOPOLAB_CLI), command, mFile, QStringLiteral("--known-hosts"),
                            mRig->knownHostsPath()};
        if (command == QLatin1String("deploy"))
            args << QStringLiteral("--yes") << QStringLiteral("--log-dir") << mLogDir;
        const RigRun run = mRig->runInClient(args, {}, timeoutMs);
        mOutput += run.out + run.err;
        return run;
    }

    QString get(const QString &url)
    {
        const RigRun run = mRig->runInClient({QStringLiteral("curl"), QStringLiteral("-fsS"),
                                              QStringLiteral("--max-time"), QStringLiteral("5"), url});
        return run.ok() ? run.out : QStringLiteral("FAILED: ") + run.err;
    }

    // A SQL statement run as postgres on a database host, through its Unix socket.
    RigRun sql(const QString &database, const QString &statement)
    {
        QString socketDir;
        QDirIterator it(root(database), {QStringLiteral(".s.PGSQL.*")}, QDir::System | QDir::Hidden,
                        QDirIterator::Subdirectories);
        if (it.hasNext()) {
            const QFileInfo socket(it.next());
            socketDir = socket.absolutePath();
            const QString port = socket.fileName().section(QLatin1Char('.'), -1);
            return mRig->runOnHost(slotOf(database),
                                   {QStringLiteral("setpriv"), QStringLiteral("--reuid=postgres"),
                                    QStringLiteral("--regid=postgres"), QStringLiteral("--init-groups"),
                                    QStringLiteral("psql"), QStringLiteral("-X"), QStringLiteral("-At"),
                                    QStringLiteral("-h"), socketDir, QStringLiteral("-p"), port,
                                    QStringLiteral("-d"), QStringLiteral("postgres"),
                                    QStringLiteral("-c"), statement});
        }
        RigRun none;
        none.err = QStringLiteral("no PostgreSQL socket under ") + root(database);
        return none;
    }

    // Starts a deploy in the background and returns once `host`'s progress line says it works.
    void startDeployUntil(QProcess &deploy, const QByteArray &host, QByteArray &seen)
    {
        deploy.setProcessChannelMode(QProcess::MergedChannels);
        deploy.start(QStringLiteral("ip"),
                     Rig::netnsExec(mRig->clientNamespace(),
                                    {QStringLiteral(TOPOLAB_CLI), QStringLiteral("deploy"), mFile,
                                     QStringLiteral("--known-hosts"), mRig->knownHostsPath(), QStringLiteral("--yes"),
                                     QStringLiteral("--log-dir"), mLogDir}));
        QVERIFY(deploy.waitForStarted());
        const QByteArray working = host.leftJustified(17, ' ') + "working";
        while (!seen.contains(working) && deploy.state() == QProcess::Running) {
            deploy.waitForReadyRead(100);
            seen += deploy.readAll();
        }
    }

    void restartSshd(int slot)
    {
        const QString dir = mRig->dir() + QStringLiteral("/h%1").arg(slot);
        const RigRun started = mRig->runOnHost(
            slot, {QStringLiteral("/usr/sbin/sshd"), QStringLiteral("-f"), dir + QStringLiteral("/sshd_config")});
        QVERIFY2(started.ok(), qPrintable(started.err));
        QTest::qWait(300);
    }

    void killSshd(int slot)
    {
        // The listener and every session it forked: the client sees its connection drop.
        const RigRun pids = Rig::run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("pids"),
                                                             mRig->hostNamespace(slot)});
        for (const QString &pid : pids.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QByteArray comm = readAll(QStringLiteral("/proc/%1/comm").arg(pid.trimmed())).trimmed();
            if (comm == "sshd")
                Rig::run(QStringLiteral("kill"), {QStringLiteral("-KILL"), pid.trimmed()});
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString reason = Rig::unavailableReason(); !reason.isEmpty())
            QSKIP(qPrintable(reason));
        RigOptions options;
        options.s3 = true;
        mRig = std::make_unique<Rig>(static_cast<int>(components.size()), options);
        QVERIFY2(mRig->isUp(), qPrintable(mRig->error()));
        QVERIFY(mWork.isValid());
        mLogDir = mWork.filePath(QStringLiteral("logs"));

        // The example as shipped, with object storage pointed at the rig's S3 server and the
        // rig's hosts as its deploy section.
        QByteArray text = readAll(QStringLiteral(TOPOLAB_EXAMPLES "/single-region.topolab.yaml"));
        QVERIFY(!text.isEmpty());
        const QByteArray staticLine = "{id: static, kind: object_storage, region: nyc1, label: Static content}";
        QVERIFY(text.contains(staticLine));
        text.replace(staticLine, "{id: static, kind: object_storage, region: nyc1, label: Static content, endpoint: "
                                     + mRig->s3Endpoint().toUtf8() + ", bucket: " + mRig->s3Bucket().toUtf8() + "}");
        text += mRig->inventory(components).toUtf8();
        mFile = mWork.filePath(QStringLiteral("single.topolab.yaml"));
        QVERIFY(writeAll(mFile, text));
        // Object storage keys are the user's to give; the replication password is a marker whose
        // every appearance outside this file is a leak.
        const QString secrets = mWork.filePath(QStringLiteral("single.topolab.secrets.yaml"));
        QVERIFY(writeAll(secrets, "secrets:\n  static.access_key: S3RVER\n  static.secret_key: S3RVER\n"
                                  "  db-1.replication_password: " + marker.toUtf8() + "\n"));
        QFile::setPermissions(secrets, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void cleanupTestCase() { mRig.reset(); }

    void deploysEverything()
    {
        const RigRun run = cli(QStringLiteral("deploy"));
        QVERIFY2(run.ok(), qPrintable(run.out.right(3000) + run.err.right(3000)));
        for (const QString &c : components) {
            if (c == QLatin1String("static"))
                continue;
            QVERIFY2(QRegularExpression(QStringLiteral("(?m)^%1\\s+done").arg(QRegularExpression::escape(c)))
                         .match(run.out).hasMatch(),
                     qPrintable(c + QStringLiteral(" not done:\n") + run.out));
        }
    }

    void everyAppServerAnswersThroughEachLoadBalancer()
    {
        for (const QString &lb : {QStringLiteral("lb-1"), QStringLiteral("lb-2")}) {
            QSet<QString> seen;
            for (int i = 0; i < 30 && seen.size() < 3; ++i) {
                const QString body = get(QStringLiteral("http://%1/").arg(address(lb)));
                for (const QString &app : {QStringLiteral("app-1"), QStringLiteral("app-2"), QStringLiteral("app-3")}) {
                    if (body.contains(app))
                        seen.insert(app);
                }
            }
            QVERIFY2(seen.size() == 3, qPrintable(lb + QStringLiteral(" reached only ")
                                                  + QStringList(seen.values()).join(QLatin1Char(','))));
        }
    }

    void dnsAnswersBothLoadBalancers()
    {
        const RigRun run = mRig->runInClient({QStringLiteral("dig"), QStringLiteral("+noall"), QStringLiteral("+answer"),
                                              QStringLiteral("@") + address(QStringLiteral("www")),
                                              QStringLiteral("www.example.com"), QStringLiteral("A")});
        QVERIFY2(run.ok(), qPrintable(run.err));
        QSet<QString> answered;
        for (const QString &line : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList f = line.simplified().split(QLatin1Char(' '));
            QCOMPARE(f.size(), 5);
            QCOMPARE(f[1], QStringLiteral("300")); // the model's TTL
            answered.insert(f[4]);
        }
        QCOMPARE(answered, (QSet<QString>{address(QStringLiteral("lb-1")), address(QStringLiteral("lb-2"))}));
    }

    void standbyReadsWhatThePrimaryWrote()
    {
        const QString row = QStringLiteral("row-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const RigRun wrote = sql(QStringLiteral("db-1"),
                                 QStringLiteral("CREATE TABLE IF NOT EXISTS proof (v text); INSERT INTO proof VALUES ('%1');").arg(row));
        QVERIFY2(wrote.ok(), qPrintable(wrote.err));
        QString seen;
        for (int i = 0; i < 100 && !seen.contains(row); ++i) {
            seen = sql(QStringLiteral("db-2"), QStringLiteral("SELECT v FROM proof")).out;
            if (!seen.contains(row))
                QTest::qWait(100);
        }
        QVERIFY2(seen.contains(row), qPrintable(seen));
        const RigRun readOnly = sql(QStringLiteral("db-2"), QStringLiteral("SELECT pg_is_in_recovery()"));
        QCOMPARE(readOnly.out.trimmed(), QStringLiteral("t"));
    }

    void backupIsInObjectStorage()
    {
        QString listing;
        for (int i = 0; i < 60 && !listing.contains(QStringLiteral("<Key>backup-1/")); ++i) {
            listing = mRig->runInClient({QStringLiteral("curl"), QStringLiteral("-sS"), QStringLiteral("-K"),
                                         mRig->s3CurlConfig(), QStringLiteral("-H"),
                                         QStringLiteral("x-amz-content-sha256:UNSIGNED-PAYLOAD"),
                                         mRig->s3Endpoint() + QStringLiteral("/") + mRig->s3Bucket()
                                             + QStringLiteral("?list-type=2&prefix=backup-1/")})
                          .out;
            if (!listing.contains(QStringLiteral("<Key>backup-1/")))
                QTest::qWait(1000);
        }
        QVERIFY2(listing.contains(QStringLiteral("<Key>backup-1/")), qPrintable(listing));
        QVERIFY(listing.contains(QStringLiteral(".tar.gz</Key>")));
    }

    void secondPlanFindsNothing()
    {
        const RigRun run = cli(QStringLiteral("plan"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe({QStringLiteral("plan")})));
        QVERIFY(run.out.contains(QStringLiteral("no changes")));
    }

    void changedHostKeyIsRefusedWhileOthersProceed()
    {
        const int slot = slotOf(QStringLiteral("app-3"));
        const QString key = mRig->dir() + QStringLiteral("/h%1/ssh_host_ed25519_key").arg(slot);
        const QByteArray oldKey = readAll(key);
        const QByteArray oldPub = readAll(key + QStringLiteral(".pub"));
        QFile::remove(key);
        QFile::remove(key + QStringLiteral(".pub"));
        QVERIFY(Rig::run(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                                         QStringLiteral("-N"), QString(), QStringLiteral("-f"), key}).ok());
        killSshd(slot);
        restartSshd(slot);

        // Something to deploy on every tier: the record TTL and the app servers' environment.
        QByteArray text = readAll(mFile);
        QVERIFY(text.contains("ttl_s: 300"));
        text.replace("ttl_s: 300", "ttl_s: 120");
        QVERIFY(writeAll(mFile, text));

        const RigRun run = cli(QStringLiteral("deploy"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("app-3")) && run.out.contains(QStringLiteral("changed")),
                 qPrintable(run.out + run.err));
        QVERIFY2(QRegularExpression(QStringLiteral("(?m)^www\\s+done")).match(run.out).hasMatch(), qPrintable(run.out));
        const RigRun dig = mRig->runInClient({QStringLiteral("dig"), QStringLiteral("+noall"), QStringLiteral("+answer"),
                                              QStringLiteral("@") + address(QStringLiteral("www")),
                                              QStringLiteral("www.example.com"), QStringLiteral("A")});
        QVERIFY2(dig.out.contains(QStringLiteral("\t120\t")) || dig.out.contains(QStringLiteral(" 120 ")), qPrintable(dig.out));

        // The old key back: the host is trusted again.
        QVERIFY(writeAll(key, oldKey));
        QVERIFY(writeAll(key + QStringLiteral(".pub"), oldPub));
        QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        killSshd(slot);
        restartSshd(slot);
        const RigRun again = cli(QStringLiteral("deploy"));
        QVERIFY2(again.ok(), qPrintable(again.describe({QStringLiteral("deploy")})));
    }

    void sshdKilledMidDeployLeavesNoHalfWrittenFile()
    {
        const int slot = slotOf(QStringLiteral("lb-1"));
        const QString cfg = root(QStringLiteral("lb-1")) + QStringLiteral("/etc/haproxy/haproxy.cfg");
        const QByteArray before = readAll(cfg);
        QVERIFY(!before.isEmpty());
        QByteArray text = readAll(mFile);
        QVERIFY(text.contains("retries: 3"));
        text.replace("retries: 3", "retries: 2");
        QVERIFY(writeAll(mFile, text));

        QProcess deploy;
        QByteArray seen;
        startDeployUntil(deploy, "lb-1", seen);
        killSshd(slot);
        QVERIFY(deploy.waitForFinished(120000));
        seen += deploy.readAll();
        mOutput += QString::fromUtf8(seen);
        QCOMPARE(deploy.exitCode(), 1);

        const QByteArray after = readAll(cfg);
        QVERIFY2(after == before || (after.contains("retries 2") && after.endsWith("\n")),
                 after.constData());
        const RigRun check = mRig->runOnHost(slot, {QStringLiteral("haproxy"), QStringLiteral("-c"),
                                                    QStringLiteral("-q"), QStringLiteral("-f"), cfg});
        QVERIFY2(check.ok(), qPrintable(check.err));

        restartSshd(slot);
        const RigRun rerun = cli(QStringLiteral("deploy"));
        QVERIFY2(rerun.ok(), qPrintable(rerun.describe({QStringLiteral("deploy")})));
        QVERIFY(readAll(cfg).contains("retries 2"));
        const RigRun plan = cli(QStringLiteral("plan"));
        QVERIFY2(plan.exitCode == 0, qPrintable(plan.out + plan.err));
    }

    void interruptedDeployIsFinishedByTheNext()
    {
        QByteArray text = readAll(mFile);
        const QByteArray app = "{id: app-2, kind: app_server, region: nyc1,";
        QVERIFY(text.contains(app));
        text.replace(app, "{id: app-2, kind: app_server, region: nyc1, port: 8081,");
        QVERIFY(writeAll(mFile, text));

        QProcess deploy;
        QByteArray seen;
        startDeployUntil(deploy, "app-2", seen);
        ::kill(static_cast<pid_t>(deploy.processId()), SIGINT); // `ip netns exec` became the CLI
        QVERIFY(deploy.waitForFinished(60000));
        seen += deploy.readAll();
        mOutput += QString::fromUtf8(seen);
        QCOMPARE(deploy.exitCode(), 1);
        QVERIFY2(seen.contains("interrupted"), seen.constData());

        const RigRun rerun = cli(QStringLiteral("deploy"));
        QVERIFY2(rerun.ok(), qPrintable(rerun.describe({QStringLiteral("deploy")})));
        QVERIFY(get(QStringLiteral("http://%1:8081/").arg(address(QStringLiteral("app-2")))).contains(QStringLiteral("app-2")));
        const RigRun plan = cli(QStringLiteral("plan"));
        QVERIFY2(plan.exitCode == 0, qPrintable(plan.out + plan.err));
    }

    void noSecretInAnyLog()
    {
        QVERIFY(!mOutput.contains(marker));
        QStringList leaks;
        for (const QString &dir : {mLogDir, mRig->dir()}) {
            QDirIterator it(dir, {QStringLiteral("*.log")}, QDir::Files, QDirIterator::Subdirectories);
            int logs = 0;
            while (it.hasNext()) {
                const QString path = it.next();
                ++logs;
                if (readAll(path).contains(marker.toUtf8()))
                    leaks << path;
            }
            QVERIFY2(logs > 0, qPrintable(dir));
        }
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }

    void killingAnAppServerLosesNoRequest()
    {
        const QString pidFile = root(QStringLiteral("app-1")) + QStringLiteral("/run/topolab/topolab-app-1.pid");
        const QString pid = QString::fromUtf8(readAll(pidFile)).trimmed();
        QVERIFY(!pid.isEmpty());
        QVERIFY(Rig::run(QStringLiteral("kill"), {QStringLiteral("-KILL"), pid}).ok());
        int failed = 0;
        QString firstFailure;
        for (int i = 0; i < 100; ++i) {
            const QString body = get(QStringLiteral("http://%1/").arg(address(QStringLiteral("lb-1"))));
            if (body.startsWith(QStringLiteral("FAILED"))) {
                ++failed;
                if (firstFailure.isEmpty())
                    firstFailure = body;
            }
        }
        QVERIFY2(failed == 0, qPrintable(QStringLiteral("%1 of 100 failed: %2").arg(failed).arg(firstFailure)));
    }
};

QTEST_GUILESS_MAIN(DeploySingleRegionTest)
#include "tst_deploysingle.moc"
