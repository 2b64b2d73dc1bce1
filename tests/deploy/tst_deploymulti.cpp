// The multi-region example deployed to a rig of real hosts: every region serves through its own
// load balancers, and the tinc network between the regions' databases carries traffic (a
// TCP connection from New York's database host to Amsterdam's VPN address reaches PostgreSQL
// there, and the tunnel interfaces count the bytes).
#include "rigfixture.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using topolab::test::Rig;
using topolab::test::RigOptions;
using topolab::test::RigRun;
using topolab::test::readAll;
using topolab::test::writeAll;

namespace {

const QStringList components = {
    QStringLiteral("www"),       QStringLiteral("lb-nyc-1"),       QStringLiteral("lb-nyc-2"),
    QStringLiteral("app-nyc-1"), QStringLiteral("app-nyc-2"),      QStringLiteral("app-nyc-3"),
    QStringLiteral("db-nyc"),    QStringLiteral("db-nyc-standby"), QStringLiteral("lb-ams-1"),
    QStringLiteral("lb-ams-2"),  QStringLiteral("app-ams-1"),      QStringLiteral("app-ams-2"),
    QStringLiteral("app-ams-3"), QStringLiteral("db-ams"),         QStringLiteral("backup-nyc"),
    QStringLiteral("backup-ams"), QStringLiteral("offsite")};

int slotOf(const QString &component)
{
    return static_cast<int>(components.indexOf(component)) + 1;
}

} // namespace

class DeployMultiRegionTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<Rig> mRig;
    QTemporaryDir mWork;
    QString mFile;

    // The address tinc-up gives the member on `component`'s host.
    QString vpnAddress(const QString &component)
    {
        const QByteArray up = readAll(mRig->rootDir(slotOf(component)) + QStringLiteral("/etc/tinc/dbnet/tinc-up"));
        const auto match = QRegularExpression(QStringLiteral("addr (?:add|replace) ([0-9.]+)/")).match(QString::fromUtf8(up));
        return match.hasMatch() ? match.captured(1) : QString();
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
        QByteArray text = readAll(QStringLiteral(TOPOLAB_EXAMPLES "/multi-region.topolab.yaml"));
        const QByteArray offsite = "{id: offsite, kind: object_storage, label: External backup location}";
        QVERIFY(text.contains(offsite));
        text.replace(offsite, "{id: offsite, kind: object_storage, label: External backup location, endpoint: "
                                  + mRig->s3Endpoint().toUtf8() + ", bucket: " + mRig->s3Bucket().toUtf8() + "}");
        text += mRig->inventory(components).toUtf8();
        mFile = mWork.filePath(QStringLiteral("multi.topolab.yaml"));
        QVERIFY(writeAll(mFile, text));
        const QString secrets = mWork.filePath(QStringLiteral("multi.topolab.secrets.yaml"));
        QVERIFY(writeAll(secrets, "secrets:\n  offsite.access_key: S3RVER\n  offsite.secret_key: S3RVER\n"));
        QFile::setPermissions(secrets, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void cleanupTestCase() { mRig.reset(); }

    void deploysEverything()
    {
        const QStringList args = {QStringLiteral(TOPOLAB_CLI), QStringLiteral("deploy"), mFile,
                                  QStringLiteral("--known-hosts"), mRig->knownHostsPath(), QStringLiteral("--yes"),
                                  QStringLiteral("--log-dir"), mWork.filePath(QStringLiteral("logs"))};
        const RigRun run = mRig->runInClient(args, {}, 400000);
        // The summary of what failed is at the end of stdout; the plan before it is long.
        QVERIFY2(run.ok(), qPrintable(QStringLiteral("exit %1\n").arg(run.exitCode) + run.out.right(4000)
                                      + QStringLiteral("\n--- stderr\n") + run.err.right(2000)));
    }

    void eachRegionServes()
    {
        for (const QString &lb : {QStringLiteral("lb-nyc-1"), QStringLiteral("lb-ams-2")}) {
            const RigRun got = mRig->runInClient({QStringLiteral("curl"), QStringLiteral("-fsS"), QStringLiteral("--max-time"),
                                                  QStringLiteral("5"),
                                                  QStringLiteral("http://%1/").arg(mRig->address(slotOf(lb)))});
            QVERIFY2(got.ok(), qPrintable(got.err));
            QVERIFY2(got.out.contains(lb.contains(QLatin1String("nyc")) ? QStringLiteral("app-nyc") : QStringLiteral("app-ams")),
                     qPrintable(got.out));
        }
    }

    void tincTunnelCarriesTraffic()
    {
        const QString ams = vpnAddress(QStringLiteral("db-ams"));
        const QString nyc = vpnAddress(QStringLiteral("db-nyc"));
        QVERIFY2(!ams.isEmpty() && !nyc.isEmpty(), "tinc-up holds no address");
        QVERIFY(ams != nyc);
        // Amsterdam's VPN address exists only on its tunnel interface: reaching PostgreSQL there
        // from New York's host means the bytes went through tinc. The first packets wait for the
        // daemons to meet, so try for a while.
        RigRun reached;
        for (int i = 0; i < 60 && !reached.ok(); ++i) {
            reached = mRig->runOnHost(slotOf(QStringLiteral("db-nyc")),
                                      {QStringLiteral("timeout"), QStringLiteral("2"), QStringLiteral("bash"),
                                       QStringLiteral("-c"), QStringLiteral("exec 3<>/dev/tcp/%1/5432").arg(ams)});
            if (!reached.ok())
                QTest::qWait(500);
        }
        QVERIFY2(reached.ok(), qPrintable(reached.err));
        const RigRun stats = mRig->runOnHost(slotOf(QStringLiteral("db-ams")),
                                             {QStringLiteral("ip"), QStringLiteral("-s"), QStringLiteral("-o"),
                                              QStringLiteral("link"), QStringLiteral("show"), QStringLiteral("dbnet")});
        QVERIFY2(stats.ok(), qPrintable(stats.err));
        // And back: New York's address from Amsterdam.
        const RigRun back = mRig->runOnHost(slotOf(QStringLiteral("db-ams")),
                                            {QStringLiteral("timeout"), QStringLiteral("2"), QStringLiteral("bash"),
                                             QStringLiteral("-c"), QStringLiteral("exec 3<>/dev/tcp/%1/5432").arg(nyc)});
        QVERIFY2(back.ok(), qPrintable(back.err));
    }
};

QTEST_GUILESS_MAIN(DeployMultiRegionTest)
#include "tst_deploymulti.moc"
