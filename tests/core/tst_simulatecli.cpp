// `topolab-cli simulate` as scripts see it: exit codes, the JSON keys of SPEC §4, output that does
// not depend on the thread count, the CSV time series and a quiet stdout.
#include "clirunner.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace {

// A topology whose failure falls inside a short run, so the incident keys can be checked.
const char *tinyWithFailure = R"(topolab: 1
name: Tiny
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer}
  - {id: app-1, kind: app_server, workers: 4, service_ms: {mean: 5}}
  - {id: db-1, kind: database}
links:
  - {from: www, to: lb-1}
  - {from: lb-1, to: app-1}
  - {from: app-1, to: db-1}
traffic:
  client_groups:
    - {id: users, rate_rps: 50, static_fraction: 0}
scenario:
  duration_s: 30
  warmup_s: 5
  failures:
    - {at_s: 10, target: app-1, mode: crash, for_s: 5}
)";

const char *noClientGroup = R"(topolab: 1
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer}
  - {id: app-1, kind: app_server, db_queries: 0}
links:
  - {from: www, to: lb-1}
  - {from: lb-1, to: app-1}
)";

const char *noDns = R"(topolab: 1
components:
  - {id: lb-1, kind: load_balancer}
  - {id: app-1, kind: app_server, db_queries: 0}
links:
  - {from: lb-1, to: app-1}
traffic:
  client_groups: [{id: users}]
)";

const QStringList causeNames = {
    QStringLiteral("dns_stale"),    QStringLiteral("lb_down"),        QStringLiteral("no_backend"),
    QStringLiteral("timeout"),      QStringLiteral("db_unavailable"), QStringLiteral("overload"),
    QStringLiteral("server_crash"), QStringLiteral("storage_down"),
};

// The JSON text without its final `engine` object, the one part allowed to differ between runs.
QByteArray withoutEngine(const QByteArray &json)
{
    const qsizetype at = json.lastIndexOf(",\n  \"engine\": {");
    return at < 0 ? json : json.left(at);
}

// QJsonValue keeps every JSON number as a double.
bool isNumber(const QJsonValue &v)
{
    return v.isDouble();
}

} // namespace

// Runs the real topolab-cli binary's simulate command.
class TestSimulateCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void help();
    void usageErrors_data();
    void usageErrors();
    void invalidTopology_data();
    void invalidTopology();
    void nothingToSimulate_data();
    void nothingToSimulate();
    void jsonHasEveryKey_data();
    void jsonHasEveryKey();
    void sameOutputForAnyThreadCount();
    void csvHasOneRowPerBucket();
    void summaryOnStdout();
    void quietPrintsNothing();

private:
    QString writeFile(const char *name, const char *text)
    {
        return writeTestFile(mDir, name, text);
    }

    QTemporaryDir mDir;
};

void TestSimulateCli::initTestCase()
{
    QVERIFY(mDir.isValid());
    QVERIFY(!writeFile("tiny.topolab.yaml", tinyWithFailure).isEmpty());
    QVERIFY(!writeFile("no-clients.topolab.yaml", noClientGroup).isEmpty());
    QVERIFY(!writeFile("no-dns.topolab.yaml", noDns).isEmpty());
}

void TestSimulateCli::help()
{
    RUN_CLI(run, {QStringLiteral("simulate"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    const QString text = run.out;
    for (const char *option : {"FILE", "--duration", "--seed", "--replications", "--threads",
                               "--json", "--csv", "--quiet", "Exit"}) {
        QVERIFY2(text.contains(QString::fromLatin1(option)), option);
    }
    RUN_CLI(top, {QStringLiteral("--help")});
    QVERIFY(top.out.contains(QStringLiteral("simulate")));
}

void TestSimulateCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString file = example("single-region");
    const QString sim = QStringLiteral("simulate");
    const auto with = [&](std::initializer_list<const char *> options) {
        QStringList list{sim, file};
        for (const char *o : options)
            list << QString::fromLatin1(o);
        return list;
    };
    QTest::newRow("no file") << QStringList{sim} << QStringLiteral("FILE is required");
    QTest::newRow("two files") << QStringList{sim, file, file} << QStringLiteral("not expected");
    QTest::newRow("unknown option") << with({"--frobnicate"}) << QStringLiteral("--frobnicate");
    QTest::newRow("threads 0") << with({"--threads", "0"}) << QStringLiteral("--threads");
    QTest::newRow("threads word") << with({"--threads", "many"}) << QStringLiteral("--threads");
    QTest::newRow("replications 0")
        << with({"--replications", "0"}) << QStringLiteral("--replications");
    QTest::newRow("duration 0") << with({"--duration", "0"}) << QStringLiteral("--duration");
    QTest::newRow("duration negative")
        << with({"--duration", "-5"}) << QStringLiteral("--duration");
    QTest::newRow("duration word") << with({"--duration", "long"}) << QStringLiteral("--duration");
    QTest::newRow("seed negative") << with({"--seed", "-1"}) << QStringLiteral("--seed");
    QTest::newRow("seed too large")
        << with({"--seed", "18446744073709551616"}) << QStringLiteral("--seed");
    QTest::newRow("json and csv both on stdout")
        << with({"--json", "-", "--csv", "-"}) << QStringLiteral("stdout");
    QTest::newRow("json into a missing directory")
        << with({"--json", "/nonexistent-topolab-dir/out.json"})
        << QStringLiteral("/nonexistent-topolab-dir");
    QTest::newRow("csv into a missing directory")
        << with({"--csv", "/nonexistent-topolab-dir/out.csv"})
        << QStringLiteral("/nonexistent-topolab-dir");
    QTest::newRow("missing file") << QStringList{sim, data("does-not-exist")}
                                  << data("does-not-exist") + QStringLiteral(": error: ");
    QTest::newRow("directory") << QStringList{sim, QStringLiteral(TOPOLAB_TEST_DATA)}
                               << QStringLiteral(": error: ");
}

void TestSimulateCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    RUN_CLI(run, arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(arguments, run)));
    QVERIFY2(run.out.isEmpty(), qPrintable(describe(arguments, run)));
    QVERIFY2(run.err.contains(message), qPrintable(describe(arguments, run)));
}

void TestSimulateCli::invalidTopology_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("firstError");
    QTest::newRow("rules broken") << data("broken-rules") << QStringLiteral(":9:5: error: ");
    QTest::newRow("syntax error") << data("syntax-error") << QStringLiteral(":4:5: error: ");
}

void TestSimulateCli::invalidTopology()
{
    QFETCH(QString, path);
    QFETCH(QString, firstError);
    RUN_CLI(run, {QStringLiteral("simulate"), path, QStringLiteral("--json"), QStringLiteral("-")});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(runArguments, run)));
    QVERIFY2(run.out.isEmpty(), qPrintable(describe(runArguments, run)));
    QVERIFY2(run.err.startsWith(path + firstError), qPrintable(describe(runArguments, run)));
    // Every error in the shape editors and CI annotations parse, as `validate` prints them.
    const QRegularExpression shape(QRegularExpression::escape(path)
                                   + QStringLiteral(R"(:\d+:\d+: error: \S.* \[[a-z-]+\]$)"));
    const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(shape.match(lines.first()).hasMatch());
}

void TestSimulateCli::nothingToSimulate_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("no client group")
        << QStringLiteral("no-clients.topolab.yaml")
        << QStringList{QStringLiteral("client group"), QStringLiteral("client_groups")};
    QTest::newRow("no dns") << QStringLiteral("no-dns.topolab.yaml")
                            << QStringList{QStringLiteral("no dns"), QStringLiteral("kind: dns")};
}

void TestSimulateCli::nothingToSimulate()
{
    QFETCH(QString, name);
    QFETCH(QStringList, mentions);
    const QString path = mDir.filePath(name);
    RUN_CLI(run, {QStringLiteral("simulate"), path});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(runArguments, run)));
    QVERIFY2(run.out.isEmpty(), qPrintable(describe(runArguments, run)));
    QVERIFY2(run.err.contains(path + QStringLiteral(": error: ")),
             qPrintable(describe(runArguments, run)));
    for (const QString &word : mentions)
        QVERIFY2(run.err.contains(word), qPrintable(word + QStringLiteral("\n") + run.err));
}

void TestSimulateCli::jsonHasEveryKey_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("buckets");
    QTest::addColumn<bool>("incidents");
    const QStringList shortRun
        = {QStringLiteral("--duration"), QStringLiteral("60"),     QStringLiteral("--replications"),
           QStringLiteral("2"),          QStringLiteral("--seed"), QStringLiteral("7")};
    QTest::newRow("single-region") << example("single-region") << shortRun << 60 << false;
    QTest::newRow("multi-region") << example("multi-region") << shortRun << 60 << false;
    QTest::newRow("failure inside the run")
        << QStringLiteral("tiny.topolab.yaml") << QStringList{} << 30 << true;
}

void TestSimulateCli::jsonHasEveryKey()
{
    QFETCH(QString, path);
    QFETCH(QStringList, options);
    QFETCH(int, buckets);
    QFETCH(bool, incidents);
    if (!path.contains(QLatin1Char('/')))
        path = mDir.filePath(path);
    RUN_CLI(run, QStringList{QStringLiteral("simulate"), path, QStringLiteral("--json"),
                             QStringLiteral("-")}
                     + options);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(run.bytes, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = document.object();

    for (const char *key : {"seed", "duration_s", "warmup_s", "replications", "availability"})
        QVERIFY2(isNumber(root.value(QString::fromLatin1(key))), key);
    QVERIFY(root.value(QStringLiteral("name")).isString());
    if (!options.isEmpty()) {
        QCOMPARE(root.value(QStringLiteral("seed")).toInt(), 7);
        QCOMPARE(root.value(QStringLiteral("duration_s")).toDouble(), 60.0);
        QCOMPARE(root.value(QStringLiteral("replications")).toInt(), 2);
    }

    const QJsonObject requests = root.value(QStringLiteral("requests")).toObject();
    for (const char *key : {"offered", "ok", "failed", "in_flight"})
        QVERIFY2(isNumber(requests.value(QString::fromLatin1(key))), key);
    const QJsonObject causes = requests.value(QStringLiteral("failed_by_cause")).toObject();
    double causeSum = 0;
    for (const QString &cause : causeNames) {
        QVERIFY2(isNumber(causes.value(cause)), qPrintable(cause));
        causeSum += causes.value(cause).toDouble();
    }
    const double offered = requests.value(QStringLiteral("offered")).toDouble();
    const double ok = requests.value(QStringLiteral("ok")).toDouble();
    const double failed = requests.value(QStringLiteral("failed")).toDouble();
    QVERIFY(offered > 0);
    QCOMPARE(ok + failed + requests.value(QStringLiteral("in_flight")).toDouble(), offered);
    QCOMPARE(causeSum, failed);
    QVERIFY(qAbs(root.value(QStringLiteral("availability")).toDouble() - ok / offered) < 1e-8);

    const QJsonObject latency = root.value(QStringLiteral("latency_ms")).toObject();
    for (const char *key : {"mean", "p50", "p90", "p99", "p999", "max"})
        QVERIFY2(isNumber(latency.value(QString::fromLatin1(key))), key);
    QVERIFY(latency.value(QStringLiteral("p50")).toDouble()
            <= latency.value(QStringLiteral("p99")).toDouble());

    const QJsonObject ci = root.value(QStringLiteral("ci95")).toObject();
    for (const char *key : {"availability", "latency_mean_ms", "p99_ms"}) {
        const QJsonArray pair = ci.value(QString::fromLatin1(key)).toArray();
        QCOMPARE(pair.size(), 2);
        QVERIFY2(pair[0].toDouble() <= pair[1].toDouble(), key);
    }
    QVERIFY(ci.value(QStringLiteral("availability")).toArray()[1].toDouble() <= 1.0);

    const QJsonObject components = root.value(QStringLiteral("components")).toObject();
    const QStringList ids = path.endsWith(QStringLiteral("tiny.topolab.yaml"))
                                ? QStringList{QStringLiteral("www"), QStringLiteral("lb-1"),
                                              QStringLiteral("app-1"), QStringLiteral("db-1")}
                                : componentIds(path);
    QVERIFY(!ids.isEmpty());
    QCOMPARE(components.size(), ids.size());
    for (const QString &id : ids) {
        const QJsonObject c = components.value(id).toObject();
        QVERIFY2(c.value(QStringLiteral("kind")).isString(), qPrintable(id));
        for (const char *key : {"utilization", "served", "failed", "down_s", "queue"})
            QVERIFY2(isNumber(c.value(QString::fromLatin1(key))),
                     qPrintable(id + QLatin1Char('.') + QLatin1String(key)));
    }

    const QJsonObject dataObject = root.value(QStringLiteral("data")).toObject();
    for (const char *key :
         {"writes_committed", "writes_lost", "writes_diverged", "max_replication_lag_s"})
        QVERIFY2(isNumber(dataObject.value(QString::fromLatin1(key))), key);

    const QJsonArray incidentList = root.value(QStringLiteral("incidents")).toArray();
    QVERIFY(root.value(QStringLiteral("incidents")).isArray());
    QCOMPARE(!incidentList.isEmpty(), incidents);
    for (const QJsonValue &value : incidentList) {
        const QJsonObject i = value.toObject();
        for (const char *key : {"replication", "at_s", "failed_requests", "writes_lost"})
            QVERIFY2(isNumber(i.value(QString::fromLatin1(key))), key);
        QVERIFY(i.value(QStringLiteral("target")).isString());
        QVERIFY(i.value(QStringLiteral("kind")).isString());
        QVERIFY(i.value(QStringLiteral("random")).isBool());
        // Present as a number, or null when it did not happen before the end.
        for (const char *key : {"detected_s", "dns_updated_s", "recovered_s"}) {
            const QJsonValue v = i.value(QString::fromLatin1(key));
            QVERIFY2(isNumber(v) || v.isNull(), key);
        }
    }
    if (incidents) {
        const QJsonObject first = incidentList.first().toObject();
        QCOMPARE(first.value(QStringLiteral("target")).toString(), QStringLiteral("app-1"));
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("crash"));
        QCOMPARE(first.value(QStringLiteral("at_s")).toDouble(), 10.0);
    }

    const QJsonObject series = root.value(QStringLiteral("timeseries")).toObject();
    QCOMPARE(series.value(QStringLiteral("bucket_s")).toDouble(), 1.0);
    for (const char *key : {"t", "ok", "failed", "p99_ms", "stale_share", "replication_lag_s"})
        QVERIFY2(series.value(QString::fromLatin1(key)).toArray().size() == buckets, key);
    const QJsonObject seriesCauses = series.value(QStringLiteral("failed_by_cause")).toObject();
    for (const QString &cause : causeNames)
        QVERIFY2(seriesCauses.value(cause).toArray().size() == buckets, qPrintable(cause));

    const QJsonObject engine = root.value(QStringLiteral("engine")).toObject();
    for (const char *key : {"events", "wall_s", "events_per_s", "threads"})
        QVERIFY2(isNumber(engine.value(QString::fromLatin1(key))), key);
    QVERIFY(engine.value(QStringLiteral("events")).toDouble() > 0);
    // `engine` comes last, so a script (or the next test) can cut it off as text.
    QVERIFY(withoutEngine(run.bytes).size() < run.bytes.size());
    QVERIFY(!run.bytes.mid(withoutEngine(run.bytes).size() + 4).contains("\n  \""));
}

void TestSimulateCli::sameOutputForAnyThreadCount()
{
    QByteArray reference;
    for (const char *threads : {"1", "2", "3"}) {
        RUN_CLI(run,
                {QStringLiteral("simulate"), example("single-region"),
                 QStringLiteral("--replications"), QStringLiteral("3"),
                 QStringLiteral("--duration"), QStringLiteral("60"), QStringLiteral("--threads"),
                 QString::fromLatin1(threads), QStringLiteral("--json"), QStringLiteral("-")});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
        const QJsonObject engine = QJsonDocument::fromJson(run.bytes)
                                       .object()
                                       .value(QStringLiteral("engine"))
                                       .toObject();
        QCOMPARE(engine.value(QStringLiteral("threads")).toInt(), QByteArray(threads).toInt());
        const QByteArray stable = withoutEngine(run.bytes);
        QVERIFY(stable.size() > 1000);
        if (reference.isEmpty())
            reference = stable;
        else
            QVERIFY2(stable == reference, threads); // byte for byte, not just equal values
    }
}

void TestSimulateCli::csvHasOneRowPerBucket()
{
    const QString csv = mDir.filePath(QStringLiteral("series.csv"));
    RUN_CLI(run,
            {QStringLiteral("simulate"), example("single-region"), QStringLiteral("--duration"),
             QStringLiteral("60"), QStringLiteral("--replications"), QStringLiteral("1"),
             QStringLiteral("--csv"), csv});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines
        = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(),
             QStringLiteral("t_s,ok,failed,p50_ms,p90_ms,p99_ms,stale_share,replication_lag_s,")
                 + causeNames.join(QLatin1Char(',')));
    QCOMPARE(lines.size(), 1 + 60);
    for (int row = 1; row < lines.size(); ++row) {
        const QStringList cells = lines[row].split(QLatin1Char(','));
        QCOMPARE(cells.size(), 8 + causeNames.size());
        QCOMPARE(cells.first().toDouble(), double(row - 1));
    }
    // The summary still goes to stdout when the data goes to files.
    QVERIFY(run.out.contains(QStringLiteral("Requests")));
}

void TestSimulateCli::summaryOnStdout()
{
    RUN_CLI(run,
            {QStringLiteral("simulate"), example("single-region"), QStringLiteral("--duration"),
             QStringLiteral("60"), QStringLiteral("--replications"), QStringLiteral("2")});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
    const QString out = run.out;
    QVERIFY2(out.startsWith(QStringLiteral("Single region: 2 replications of 60 s")),
             qPrintable(out));
    for (const char *heading : {"Requests", "availability", "95% interval", "Latency",
                                "Failures by cause", "Data", "Incidents", "Busiest components"})
        QVERIFY2(out.contains(QString::fromLatin1(heading)), heading);
    // stderr is not a terminal here: no progress bar, and the example has no warnings.
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
}

void TestSimulateCli::quietPrintsNothing()
{
    RUN_CLI(run,
            {QStringLiteral("simulate"), example("single-region"), QStringLiteral("--duration"),
             QStringLiteral("30"), QStringLiteral("--replications"), QStringLiteral("1"),
             QStringLiteral("--quiet")});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
    QVERIFY(run.out.isEmpty());

    const QString json = mDir.filePath(QStringLiteral("quiet.json"));
    RUN_CLI(toFile,
            {QStringLiteral("simulate"), example("single-region"), QStringLiteral("--duration"),
             QStringLiteral("30"), QStringLiteral("--replications"), QStringLiteral("1"),
             QStringLiteral("-q"), QStringLiteral("--json"), json});
    QVERIFY2(toFile.exitCode == 0, qPrintable(describe(toFileArguments, toFile)));
    QVERIFY(toFile.out.isEmpty());
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(file.readAll()).object().contains(QStringLiteral("engine")));

    // With `--json -` stdout carries the JSON and nothing else.
    RUN_CLI(toStdout,
            {QStringLiteral("simulate"), example("single-region"), QStringLiteral("--duration"),
             QStringLiteral("30"), QStringLiteral("--replications"), QStringLiteral("1"),
             QStringLiteral("--json"), QStringLiteral("-")});
    QVERIFY2(toStdout.exitCode == 0, qPrintable(describe(toStdoutArguments, toStdout)));
    QJsonParseError error{};
    QJsonDocument::fromJson(toStdout.bytes, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(toStdout.bytes.startsWith("{\n  \"name\": "));
}

QTEST_GUILESS_MAIN(TestSimulateCli)
#include "tst_simulatecli.moc"
