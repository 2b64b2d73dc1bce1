// The real topolab-cli binary's sweep command as scripts use it: its usage errors and refusals
// exit with the documented codes and name what is wrong, its JSON is the same bytes for any
// thread count and on stdout as in a file, a point equals `simulate` of that variant, and the
// availability mode runs per point with --years.
#include "clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

QStringList args(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *a : list)
        out << QString::fromUtf8(a);
    return out;
}

QJsonObject parse(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace

class TestSweepCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    void usageErrors_data();
    void usageErrors();
    void refusals_data();
    void refusals();
    void sameBytesForAnyThreadCountAndOnStdout();
    void aPointEqualsSimulateOfItsVariant();
    void availabilityModePerPoint();
    void checkpointMakesARerunFree();

private:
    QTemporaryDir mDir;
    QString mExample;
};

void TestSweepCli::initTestCase()
{
    QVERIFY(mDir.isValid());
    mExample = example("single-region");
}

void TestSweepCli::help()
{
    const CliRun run = runCli(args({"sweep", "--help"}));
    QCOMPARE(run.exitCode, 0);
    for (const char *word : {"--param", "--replications", "--years", "--threads", "--json", "MPI"})
        QVERIFY2(run.out.contains(QString::fromUtf8(word)), word);
}

void TestSweepCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no param") << QStringList() << QStringLiteral("--param");
    QTest::newRow("zero replications") << args({"--param", "www.ttl_s=30", "--replications", "0"})
                                       << QStringLiteral("replications");
    QTest::newRow("negative seed")
        << args({"--param", "www.ttl_s=30", "--seed", "-1"}) << QStringLiteral("seed -1");
    QTest::newRow("zero years") << args({"--param", "www.ttl_s=30", "--years", "0"})
                                << QStringLiteral("years");
    QTest::newRow("absurd years") << args({"--param", "www.ttl_s=30", "--years", "1e9"})
                                  << QStringLiteral("years");
    QTest::newRow("no such directory")
        << args({"--param", "www.ttl_s=30", "--json", "/nonexistent/dir/out.json"})
        << QStringLiteral("no directory /nonexistent/dir");
    QTest::newRow("checkpoint without directory")
        << args({"--param", "www.ttl_s=30", "--checkpoint", "/nonexistent/dir/c"})
        << QStringLiteral("no directory /nonexistent/dir");
    QTest::newRow("checkpoint on stdout")
        << args({"--param", "www.ttl_s=30", "--checkpoint", "-"}) << QStringLiteral("needs a file");
    QTest::newRow("checkpoint not ours") << args(
        {"--param", "www.ttl_s=30", "--checkpoint", TOPOLAB_EXAMPLES "/single-region.topolab.yaml"})
                                         << QStringLiteral("is not a sweep checkpoint");
}

void TestSweepCli::usageErrors()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, expected);
    const QStringList arguments = QStringList{QStringLiteral("sweep"), mExample} + extra;
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(arguments, run)));
    QVERIFY2(run.err.contains(expected), qPrintable(describe(arguments, run)));
}

void TestSweepCli::refusals_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown component")
        << args({"--param", "wwww.ttl_s=30,60"}) << QStringLiteral("--param wwww.ttl_s=30,60");
    QTest::newRow("out of range") << args({"--param", "www.ttl_s=30,-1"}) << QStringLiteral("-1");
    QTest::newRow("invalid point")
        << args({"--param", "db-2.role=primary"}) << QStringLiteral("with db-2.role=primary");
}

void TestSweepCli::refusals()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, expected);
    const QStringList arguments = QStringList{QStringLiteral("sweep"), mExample} + extra;
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == 1, qPrintable(describe(arguments, run)));
    QVERIFY2(run.err.contains(expected), qPrintable(describe(arguments, run)));
    QVERIFY2(run.err.contains(mExample), qPrintable(describe(arguments, run)));
}

void TestSweepCli::sameBytesForAnyThreadCountAndOnStdout()
{
    const QStringList grid
        = args({"--param", "www.ttl_s=30,300", "--param", "kind:app_server.workers=6,8",
                "--replications", "3", "--duration", "200"});
    const QString one = mDir.filePath(QStringLiteral("one.json"));
    const CliRun first = runCli(QStringList{QStringLiteral("sweep"), mExample} + grid
                                + args({"--threads", "1", "--json"}) + QStringList{one});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY2(first.out.contains(QStringLiteral("4 points x 3 replications")),
             qPrintable(first.out));
    const CliRun stdoutRun = runCli(QStringList{QStringLiteral("sweep"), mExample} + grid
                                    + args({"--threads", "3", "--json", "-"}));
    QCOMPARE(stdoutRun.exitCode, 0);
    QFile file(one);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(stdoutRun.bytes, bytes);

    const QJsonObject json = parse(bytes);
    QCOMPARE(json[QStringLiteral("mode")].toString(), QStringLiteral("requests"));
    QCOMPARE(json[QStringLiteral("points")].toArray().size(), 4);
    const QJsonObject last = json[QStringLiteral("points")].toArray()[3].toObject();
    QCOMPARE(last[QStringLiteral("values")].toObject()[QStringLiteral("www.ttl_s")].toInt(), 300);
    QCOMPARE(last[QStringLiteral("values")]
                 .toObject()[QStringLiteral("kind:app_server.workers")]
                 .toInt(),
             8);
    for (const char *key : {"availability", "failed_per_replication", "latency_p99_ms"}) {
        const QJsonObject estimate = last[QString::fromUtf8(key)].toObject();
        QVERIFY2(estimate[QStringLiteral("ci95")].toArray().size() == 2, key);
        QVERIFY2(estimate.contains(QStringLiteral("failures")), key);
    }
    QVERIFY(last.contains(QStringLiteral("vs_first")));
}

void TestSweepCli::aPointEqualsSimulateOfItsVariant()
{
    // The example's TTL is 300 s: the sweep's point at 300 is the file as it is.
    const CliRun sweep = runCli(QStringList{QStringLiteral("sweep"), mExample}
                                + args({"--param", "www.ttl_s=60,300", "--replications", "2",
                                        "--duration", "900", "--json", "-"}));
    QVERIFY2(sweep.exitCode == 0, qPrintable(sweep.err));
    const CliRun simulate
        = runCli(QStringList{QStringLiteral("simulate"), mExample}
                 + args({"--replications", "2", "--duration", "900", "--json", "-"}));
    QVERIFY2(simulate.exitCode == 0, qPrintable(simulate.err));
    const QJsonObject point = parse(sweep.bytes)[QStringLiteral("points")].toArray()[1].toObject();
    const QJsonObject plain = parse(simulate.bytes);
    const QJsonObject a = point[QStringLiteral("requests")].toObject();
    const QJsonObject b = plain[QStringLiteral("requests")].toObject();
    for (const char *key : {"offered", "ok", "failed"})
        QVERIFY2(a[QString::fromUtf8(key)] == b[QString::fromUtf8(key)], key);
    QCOMPARE(point[QStringLiteral("availability")].toObject()[QStringLiteral("value")],
             plain[QStringLiteral("availability")]);
    QCOMPARE(point[QStringLiteral("availability")].toObject()[QStringLiteral("ci95")],
             plain[QStringLiteral("ci95")].toObject()[QStringLiteral("availability")]);
    QVERIFY(a[QStringLiteral("failed")].toDouble() > 0); // the example's scheduled failures
}

void TestSweepCli::availabilityModePerPoint()
{
    const QStringList arguments = QStringList{QStringLiteral("sweep"), mExample}
                                  + args({"--param", "kind:app_server.workers=4,8", "--years",
                                          "0.02", "--replications", "2", "--json", "-"});
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(arguments, run)));
    const QJsonObject json = parse(run.bytes);
    QCOMPARE(json[QStringLiteral("mode")].toString(), QStringLiteral("availability"));
    QCOMPARE(json[QStringLiteral("years")].toDouble(), 0.02);
    const QJsonArray points = json[QStringLiteral("points")].toArray();
    QCOMPARE(points.size(), 2);
    for (const QJsonValue &p : points) {
        const QJsonObject down = p[QStringLiteral("unavailability_min_per_year")].toObject();
        QCOMPARE(down[QStringLiteral("ci95")].toArray().size(), 2);
        QVERIFY(p[QStringLiteral("latency_mean_ms")].isNull());
        QCOMPARE(p[QStringLiteral("availability")][QStringLiteral("failures")],
                 points[0][QStringLiteral("availability")][QStringLiteral("failures")]);
    }

    // Without random failures there is nothing to simulate over years.
    QFile example(mExample);
    QVERIFY(example.open(QIODevice::ReadOnly));
    const QByteArray text = example.readAll();
    const qsizetype at = text.indexOf("  random_failures:");
    QVERIFY(at > 0);
    const QString calm = writeTestFile(mDir, "calm.topolab.yaml", text.left(at));
    QVERIFY(!calm.isEmpty());
    const CliRun refused = runCli(args({"sweep"}) + QStringList{calm}
                                  + args({"--param", "www.ttl_s=30", "--years", "1"}));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("random_failures")), qPrintable(refused.err));

    // Failures every few milliseconds for 200 years would not fit in memory: refused up front.
    const QString hectic = writeTestFile(
        mDir, "hectic.topolab.yaml",
        QByteArray(text).replace("mtbf_h: 500, mttr_min: 15", "mtbf_h: 0.000001, mttr_min: 0"));
    QVERIFY(!hectic.isEmpty());
    for (const char *command : {"sweep", "availability"}) {
        QStringList arguments = args({command}) + QStringList{hectic} + args({"--years", "200"});
        if (QByteArray(command) == "sweep")
            arguments += args({"--param", "www.ttl_s=30"});
        const CliRun run = runCli(arguments);
        QVERIFY2(run.exitCode == 1, qPrintable(describe(arguments, run)));
        QVERIFY2(run.err.contains(QStringLiteral("simulate fewer years or raise mtbf_h")),
                 qPrintable(describe(arguments, run)));
    }
}

void TestSweepCli::checkpointMakesARerunFree()
{
    const QString checkpoint = mDir.filePath(QStringLiteral("rerun.checkpoint"));
    const QStringList arguments = QStringList{QStringLiteral("sweep"), mExample}
                                  + args({"--param", "www.ttl_s=30,300", "--replications", "2",
                                          "--duration", "120", "-q", "--json", "-", "--checkpoint"})
                                  + QStringList{checkpoint};
    const CliRun first = runCli(arguments);
    QVERIFY2(first.exitCode == 0, qPrintable(describe(arguments, first)));
    QVERIFY(!first.err.contains(QStringLiteral("resuming")));
    const CliRun second = runCli(arguments);
    QVERIFY2(second.exitCode == 0, qPrintable(describe(arguments, second)));
    QVERIFY2(second.err.contains(QStringLiteral("4 of 4 runs already done")),
             qPrintable(second.err));
    QCOMPARE(second.bytes, first.bytes);

    // Another grid is refused rather than mixed in, and the checkpoint is left as it was.
    QFile file(checkpoint);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray kept = file.readAll();
    file.close();
    QStringList otherGrid = arguments;
    otherGrid[3] = QStringLiteral("www.ttl_s=30,600");
    const CliRun refused = runCli(otherGrid);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("belongs to another sweep")),
             qPrintable(refused.err));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), kept);
}

QTEST_GUILESS_MAIN(TestSweepCli)
#include "tst_sweepcli.moc"
