// `topolab-cli availability` as scripts see it: a topology without random failures is refused
// with a message naming the file, bad horizons are usage errors, and --json has the documented
// keys with every interval next to its failure count.
#include "clirunner.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

// One unprotected app server failing every few hours, light traffic: a short run with failures.
const char *tinyWithRandomFailures = R"(topolab: 1
name: Tiny
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer}
  - {id: app-1, kind: app_server, workers: 4, service_ms: {mean: 5}, db_queries: 0}
links:
  - {from: www, to: lb-1}
  - {from: lb-1, to: app-1}
traffic:
  client_groups:
    - {id: users, rate_rps: 2, static_fraction: 0}
scenario:
  duration_s: 30
  warmup_s: 5
  random_failures:
    - {kind: app_server, mtbf_h: 20, mttr_min: 2}
)";

const char *tinyWithoutRandomFailures = R"(topolab: 1
name: Tiny
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer}
  - {id: app-1, kind: app_server, db_queries: 0}
links:
  - {from: www, to: lb-1}
  - {from: lb-1, to: app-1}
traffic:
  client_groups:
    - {id: users, rate_rps: 2, static_fraction: 0}
scenario:
  failures:
    - {at_s: 10, target: app-1, mode: crash, for_s: 5}
)";

} // namespace

class TestAvailabilityCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    void badYearsAreUsageErrors_data();
    void badYearsAreUsageErrors();
    void refusesTopologyWithoutRandomFailures();
    void jsonHasEveryKey();

private:
    QString writeFile(const char *name, const char *text)
    {
        return writeTestFile(mDir, name, text);
    }

    QTemporaryDir mDir;
};

void TestAvailabilityCli::initTestCase()
{
    QVERIFY(mDir.isValid());
    QVERIFY(!writeFile("tiny.topolab.yaml", tinyWithRandomFailures).isEmpty());
    QVERIFY(!writeFile("scheduled.topolab.yaml", tinyWithoutRandomFailures).isEmpty());
}

void TestAvailabilityCli::help()
{
    RUN_CLI(run, {QStringLiteral("availability"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    for (const char *option : {"FILE", "--years", "--replications", "--seed", "--threads",
                               "--settle", "--json", "--quiet", "Exit", "scenario.failures"})
        QVERIFY2(run.out.contains(QString::fromLatin1(option)), option);
}

void TestAvailabilityCli::badYearsAreUsageErrors_data()
{
    QTest::addColumn<QString>("years");
    QTest::newRow("zero") << QStringLiteral("0");
    QTest::newRow("negative") << QStringLiteral("-1");
    QTest::newRow("absurd") << QStringLiteral("1e9");
    QTest::newRow("not a number") << QStringLiteral("ten");
}

void TestAvailabilityCli::badYearsAreUsageErrors()
{
    QFETCH(QString, years);
    RUN_CLI(run,
            {QStringLiteral("availability"), mDir.filePath(QStringLiteral("tiny.topolab.yaml")),
             QStringLiteral("--years"), years});
    QVERIFY2(run.exitCode == 2, qPrintable(describe(runArguments, run)));
    QVERIFY(run.err.contains(QStringLiteral("--years")));
    QVERIFY(run.out.isEmpty());
}

void TestAvailabilityCli::refusesTopologyWithoutRandomFailures()
{
    const QString file = mDir.filePath(QStringLiteral("scheduled.topolab.yaml"));
    RUN_CLI(run, {QStringLiteral("availability"), file, QStringLiteral("--years"),
                  QStringLiteral("0.01")});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(runArguments, run)));
    QVERIFY2(run.err.contains(file), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("random_failures")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestAvailabilityCli::jsonHasEveryKey()
{
    const QStringList arguments
        = {QStringLiteral("availability"),   mDir.filePath(QStringLiteral("tiny.topolab.yaml")),
           QStringLiteral("--years"),        QStringLiteral("0.02"),
           QStringLiteral("--replications"), QStringLiteral("3"),
           QStringLiteral("--seed"),         QStringLiteral("7"),
           QStringLiteral("--json"),         QStringLiteral("-")};
    const CliRun run = runCli(arguments);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(describe(arguments, run)));
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(run.bytes, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(o.value(QStringLiteral("years")).toDouble(), 0.02);
    QCOMPARE(o.value(QStringLiteral("replications")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("seed")).toInt(), 7);
    const int failures = o.value(QStringLiteral("failures")).toInt();
    QVERIFY(failures > 0); // 3 x 175 h at 20 h MTBF: about 26
    for (const char *key :
         {"availability", "unavailability_min_per_year", "failed_requests_per_year"}) {
        const QJsonObject e = o.value(QString::fromLatin1(key)).toObject();
        QVERIFY2(e.value(QStringLiteral("value")).isDouble(), key);
        const QJsonArray ci = e.value(QStringLiteral("ci95")).toArray();
        QVERIFY2(ci.size() == 2 && ci[0].toDouble() <= ci[1].toDouble(), key);
        QVERIFY2(e.value(QStringLiteral("failures")).toInt() == failures, key);
    }
    const double availability = o.value(QStringLiteral("availability"))
                                    .toObject()
                                    .value(QStringLiteral("value"))
                                    .toDouble();
    QVERIFY(availability < 1 && availability > 0.95);
    const QJsonObject requests = o.value(QStringLiteral("requests")).toObject();
    for (const char *key : {"offered", "ok", "failed", "failed_by_cause"})
        QVERIFY2(requests.contains(QString::fromLatin1(key)), key);
    for (const char *cause : {"dns_stale", "lb_down", "no_backend", "timeout", "db_unavailable",
                              "overload", "server_crash", "storage_down"})
        QVERIFY2(requests.value(QStringLiteral("failed_by_cause"))
                     .toObject()
                     .contains(QString::fromLatin1(cause)),
                 cause);
    const QJsonObject app = o.value(QStringLiteral("components"))
                                .toObject()
                                .value(QStringLiteral("app-1"))
                                .toObject();
    QCOMPARE(app.value(QStringLiteral("failures")).toInt(), failures);
    QVERIFY(app.value(QStringLiteral("down_s")).toDouble() > 0);
    QVERIFY(app.value(QStringLiteral("failed_requests")).toDouble() > 0);
    QVERIFY(o.contains(QStringLiteral("overlapping_windows")));
    const QJsonArray worst = o.value(QStringLiteral("worst_windows")).toArray();
    QVERIFY(!worst.isEmpty() && worst.size() <= 10);
    for (const char *key : {"start_s", "duration_s", "components", "failed_requests"})
        QVERIFY2(worst[0].toObject().contains(QString::fromLatin1(key)), key);
    const QJsonObject engine = o.value(QStringLiteral("engine")).toObject();
    for (const char *key : {"windows", "events", "wall_s", "simulated_years_per_s"})
        QVERIFY2(engine.contains(QString::fromLatin1(key)), key);

    // The same bytes for another thread count, the engine object aside.
    QStringList twoThreads = arguments;
    twoThreads << QStringLiteral("--threads") << QStringLiteral("2");
    const CliRun again = runCli(twoThreads);
    QVERIFY(again.finished && again.exitCode == 0);
    const auto withoutEngine = [](const QByteArray &json) {
        return json.left(json.lastIndexOf(",\n  \"engine\": {"));
    };
    QCOMPARE(withoutEngine(again.bytes), withoutEngine(run.bytes));
}

QTEST_GUILESS_MAIN(TestAvailabilityCli)
#include "tst_availabilitycli.moc"
