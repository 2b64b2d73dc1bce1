// topolab-cli as scripts see it: exit codes, stdout/stderr contents and output formats (SPEC §4).
#include "clirunner.h"

#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

namespace {

QStringList nonEmptyLines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

// Runs the real topolab-cli binary and checks what users and scripts rely on.
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionAndHelp_data();
    void versionAndHelp();
    void validateExamples_data();
    void validateExamples();
    void validateWarningsOnly();
    void validateErrors();
    void validateSyntaxError();
    void validateQuiet();
    void validateSeveralFiles_data();
    void validateSeveralFiles();
    void unreadableFiles_data();
    void unreadableFiles();
    void usageErrors_data();
    void usageErrors();
    void analyzeText();
    void analyzeJson_data();
    void analyzeJson();
    void analyzeNamesSingleLoadBalancer();
    void analyzeInvalid();
    void exportDotToFile_data();
    void exportDotToFile();
    void exportDotToStdout();
    void exportRefusals();
    void formatCanonicalForm();
    void renderWritesAFolderPerHost();
};

void TestCli::versionAndHelp_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    const QString version = QStringLiteral(R"(^topolab-cli \d+\.\d+\.\d+\s*$)");
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << version;
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")}
                            << QStringLiteral(R"(Usage: topolab-cli (.|\n)*validate(.|\n)*)"
                                              R"(analyze(.|\n)*export)");
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")}
                        << QStringLiteral("Usage: topolab-cli");
    for (const char *command : {"validate", "analyze", "export", "format", "render"}) {
        const QString name = QString::fromLatin1(command);
        QTest::newRow(qPrintable(name + QStringLiteral(" --version")))
            << QStringList{name, QStringLiteral("--version")} << version;
        QTest::newRow(qPrintable(name + QStringLiteral(" --help")))
            << QStringList{name, QStringLiteral("--help")}
            << QStringLiteral("Usage: topolab-cli %1 (.|\\n)*FILE(.|\\n)*Exit").arg(name);
    }
    QTest::newRow("export --help names the options")
        << QStringList{QStringLiteral("export"), QStringLiteral("--help")}
        << QStringLiteral(R"(--format(.|\n)*--out)");
    QTest::newRow("analyze --help names --json")
        << QStringList{QStringLiteral("analyze"), QStringLiteral("--help")}
        << QStringLiteral("--json");
}

void TestCli::versionAndHelp()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    RUN_CLI(run, arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(arguments, run)));
    const QRegularExpression pattern(expected);
    QVERIFY2(pattern.match(run.out).hasMatch(), qPrintable(describe(arguments, run)));
    QVERIFY2(run.err.isEmpty(), qPrintable(describe(arguments, run)));
}

void TestCli::validateExamples_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("single-region") << example("single-region");
    QTest::newRow("multi-region") << example("multi-region");
}

void TestCli::validateExamples()
{
    QFETCH(QString, path);
    RUN_CLI(run, {QStringLiteral("validate"), path});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
    QCOMPARE(run.out, path + QStringLiteral(": valid (0 errors, 0 warnings)\n"));
    QCOMPARE(run.err, QString());
}

void TestCli::validateWarningsOnly()
{
    const QString path = data("one-load-balancer");
    RUN_CLI(run, {QStringLiteral("validate"), path});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
    QCOMPARE(run.out, path + QStringLiteral(": valid (0 errors, 2 warnings)\n"));
    const QStringList lines = nonEmptyLines(run.err);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].startsWith(path
                                 + QStringLiteral(":7:5: warning: dns 'www' resolves to a "
                                                  "single load balancer ('lb-only')")),
             qPrintable(run.err));
    QVERIFY(lines[0].endsWith(QStringLiteral(" [dns-single-lb]")));
    QVERIFY2(lines[1].startsWith(path + QStringLiteral(":11:5: warning: ")), qPrintable(run.err));
    QVERIFY(lines[1].endsWith(QStringLiteral(" [primary-no-backup]")));
}

void TestCli::validateErrors()
{
    const QString path = data("broken-rules");
    RUN_CLI(run, {QStringLiteral("validate"), path});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(runArguments, run)));
    QCOMPARE(run.out, path + QStringLiteral(": invalid (4 errors, 0 warnings)\n"));

    // Every diagnostic has the shape editors and CI annotations parse.
    const QRegularExpression shape(QRegularExpression::escape(path)
                                   + QStringLiteral(R"(:(\d+):(\d+): error: \S.* \[[a-z-]+\]$)"));
    const QStringList lines = nonEmptyLines(run.err);
    QCOMPARE(lines.size(), 4);
    for (const QString &line : lines)
        QVERIFY2(shape.match(line).hasMatch(), qPrintable(line));
    QVERIFY(lines[0].startsWith(path + QStringLiteral(":9:5: error: load balancer 'lb-1'")));
    QVERIFY(lines[0].endsWith(QStringLiteral("[lb-no-app-server]")));
    QVERIFY(lines[1].startsWith(path + QStringLiteral(":10:5: error: load balancer 'lb-2'")));
    QVERIFY(lines[2].startsWith(path + QStringLiteral(":11:5: error: ")));
    QVERIFY(run.err.contains(QStringLiteral("[app-unreachable]")));
    QVERIFY(run.err.contains(QStringLiteral("[app-no-database]")));
}

void TestCli::validateSyntaxError()
{
    const QString path = data("syntax-error");
    RUN_CLI(run, {QStringLiteral("validate"), path});
    QVERIFY2(run.exitCode == 1, qPrintable(describe(runArguments, run)));
    QCOMPARE(run.out, path + QStringLiteral(": invalid (1 error, 0 warnings)\n"));
    QCOMPARE(run.err, path
                          + QStringLiteral(":4:5: error: YAML syntax error: this '{' is never "
                                           "closed; add a '}' [syntax]\n"));
}

void TestCli::validateQuiet()
{
    RUN_CLI(run, {QStringLiteral("validate"), QStringLiteral("--quiet"), example("single-region"),
                  data("one-load-balancer")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QString());
    QCOMPARE(nonEmptyLines(run.err).size(), 2);
}

void TestCli::validateSeveralFiles_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<int>("exitCode");

    const QString valid = example("single-region");
    const QString warnings = data("one-load-balancer");
    const QString errors = data("broken-rules");
    const QString syntax = data("syntax-error");
    const QString missing = data("does-not-exist");
    QTest::newRow("valid + warnings") << QStringList{valid, warnings} << 0;
    QTest::newRow("valid + errors") << QStringList{valid, errors} << 1;
    QTest::newRow("errors + valid") << QStringList{errors, valid} << 1;
    QTest::newRow("syntax + warnings") << QStringList{syntax, warnings} << 1;
    QTest::newRow("errors + missing") << QStringList{errors, missing} << 2;
    QTest::newRow("missing + valid") << QStringList{missing, valid} << 2;
    QTest::newRow("all five") << QStringList{valid, warnings, errors, syntax, missing} << 2;
}

void TestCli::validateSeveralFiles()
{
    QFETCH(QStringList, files);
    QFETCH(int, exitCode);
    RUN_CLI(run, QStringList{QStringLiteral("validate")} + files);
    QVERIFY2(run.exitCode == exitCode, qPrintable(describe(runArguments, run)));
    // Every file is checked, even after a bad one, and gets its line on stdout, in order.
    const QHash<QString, QString> status = {
        {example("single-region"), QStringLiteral("valid (0 errors, 0 warnings)")},
        {data("one-load-balancer"), QStringLiteral("valid (0 errors, 2 warnings)")},
        {data("broken-rules"), QStringLiteral("invalid (4 errors, 0 warnings)")},
        {data("syntax-error"), QStringLiteral("invalid (1 error, 0 warnings)")},
        {data("does-not-exist"), QStringLiteral("unreadable")},
    };
    QStringList expected;
    for (const QString &file : files)
        expected << file + QStringLiteral(": ") + status.value(file);
    QCOMPARE(nonEmptyLines(run.out), expected);
}

void TestCli::unreadableFiles_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString missing = data("does-not-exist");
    const QString directory = QStringLiteral(TOPOLAB_TEST_DATA);
    QTest::newRow("validate missing") << QStringList{QStringLiteral("validate"), missing};
    QTest::newRow("validate directory") << QStringList{QStringLiteral("validate"), directory};
    QTest::newRow("analyze missing") << QStringList{QStringLiteral("analyze"), missing};
    QTest::newRow("analyze --json missing")
        << QStringList{QStringLiteral("analyze"), QStringLiteral("--json"), missing};
    QTest::newRow("export missing") << QStringList{QStringLiteral("export"), missing,
                                                   QStringLiteral("--out"), QStringLiteral("-")};
}

void TestCli::unreadableFiles()
{
    QFETCH(QStringList, arguments);
    RUN_CLI(run, arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(arguments, run)));
    const QString file = arguments.last() == QStringLiteral("-") ? arguments[1] : arguments.last();
    // validate lists every file on stdout; the other commands have no result to print.
    const bool validate = arguments.first() == QStringLiteral("validate");
    QCOMPARE(run.out, validate ? file + QStringLiteral(": unreadable\n") : QString());
    QVERIFY2(run.err.startsWith(file + QStringLiteral(": error: ")),
             qPrintable(describe(arguments, run)));
    QCOMPARE(nonEmptyLines(run.err).size(), 1);
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString file = example("single-region");
    QTest::newRow("no arguments") << QStringList{} << QStringLiteral("subcommand is required");
    QTest::newRow("unknown command")
        << QStringList{QStringLiteral("frobnicate"), file}
        << QStringLiteral("unknown command 'frobnicate'; commands are analyze, availability, "
                          "deploy, export, format, plan, render, simulate, sweep, validate");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                    << QStringLiteral("unknown option '--frobnicate'");
    QTest::newRow("unknown validate option")
        << QStringList{QStringLiteral("validate"), QStringLiteral("--frobnicate"), file}
        << QStringLiteral("--frobnicate");
    QTest::newRow("validate without file")
        << QStringList{QStringLiteral("validate")} << QStringLiteral("FILE is required");
    QTest::newRow("analyze without file")
        << QStringList{QStringLiteral("analyze")} << QStringLiteral("FILE is required");
    QTest::newRow("analyze with two files")
        << QStringList{QStringLiteral("analyze"), file, file} << QStringLiteral("not expected");
    QTest::newRow("export without --out")
        << QStringList{QStringLiteral("export"), file} << QStringLiteral("--out is required");
    QTest::newRow("export --format png")
        << QStringList{QStringLiteral("export"),   file,
                       QStringLiteral("--format"), QStringLiteral("png"),
                       QStringLiteral("--out"),    QStringLiteral("-")}
        << QStringLiteral("png");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    RUN_CLI(run, arguments);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(arguments, run)));
    QCOMPARE(run.out, QString());
    QVERIFY2(run.err.contains(message), qPrintable(describe(arguments, run)));
}

void TestCli::analyzeText()
{
    RUN_CLI(run, {QStringLiteral("analyze"), example("single-region")});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
    QCOMPARE(run.err, QString());
    for (const char *heading : {"Single points of failure", "Redundancy per tier", "Deploy order",
                                "Capacity estimate", "Bottleneck: "}) {
        QVERIFY2(run.out.contains(QString::fromLatin1(heading)), heading);
    }
    QVERIFY(run.out.startsWith(QStringLiteral("Single region: 12 components, 19 links, 1 region")));
    // Two load balancers, two databases: nothing on the request path stands alone.
    QVERIFY(run.out.contains(QStringLiteral("none: every component on the request path has an "
                                            "alternative")));
}

void TestCli::analyzeJson_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("single-region") << example("single-region");
    QTest::newRow("multi-region") << example("multi-region");
    QTest::newRow("one load balancer") << data("one-load-balancer");
}

void TestCli::analyzeJson()
{
    QFETCH(QString, path);
    RUN_CLI(run, {QStringLiteral("analyze"), path, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(document.isObject());
    const QJsonObject root = document.object();

    QVERIFY(root.value(QStringLiteral("service_path")).isBool());
    QVERIFY(root.value(QStringLiteral("service_path")).toBool());
    for (const char *key :
         {"single_points_of_failure", "redundancy", "reachability", "deploy_order"}) {
        QVERIFY2(root.value(QString::fromLatin1(key)).isArray(), key);
    }
    QVERIFY(!root.value(QStringLiteral("redundancy")).toArray().isEmpty());
    QVERIFY(!root.value(QStringLiteral("deploy_order")).toArray().isEmpty());
    const QJsonObject capacity = root.value(QStringLiteral("capacity")).toObject();
    QVERIFY(capacity.value(QStringLiteral("bottleneck")).isObject());
    QVERIFY(!capacity.value(QStringLiteral("bottleneck"))
                 .toObject()
                 .value(QStringLiteral("tier"))
                 .toString()
                 .isEmpty());

    // Every component appears exactly once in the deploy order.
    QStringList deployed;
    for (const QJsonValue &step : root.value(QStringLiteral("deploy_order")).toArray()) {
        const QJsonObject object = step.toObject();
        QVERIFY2(object.contains(QStringLiteral("tier")), "deploy step without tier");
        const QJsonArray ids = [&] {
            for (const QString &key : object.keys()) {
                if (object.value(key).isArray())
                    return object.value(key).toArray();
            }
            return QJsonArray();
        }();
        for (const QJsonValue &id : ids)
            deployed << id.toString();
    }
    QStringList expected = componentIds(path);
    QVERIFY(!expected.isEmpty());
    deployed.sort();
    expected.sort();
    QCOMPARE(deployed, expected);
}

void TestCli::analyzeNamesSingleLoadBalancer()
{
    const QString path = data("one-load-balancer");
    RUN_CLI(run, {QStringLiteral("analyze"), QStringLiteral("--json"), path});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
    const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QStringList ids;
    for (const QJsonValue &spof : root.value(QStringLiteral("single_points_of_failure")).toArray())
        ids << spof.toObject().value(QStringLiteral("id")).toString();
    QVERIFY2(ids.contains(QStringLiteral("lb-only")), qPrintable(ids.join(u", ")));
    // The app servers are two: neither is a single point of failure.
    QVERIFY(!ids.contains(QStringLiteral("app-1")));
    QVERIFY(!ids.contains(QStringLiteral("app-2")));
    // Warnings are printed, but do not change the exit code or pollute the JSON on stdout.
    QVERIFY(run.err.contains(QStringLiteral("[dns-single-lb]")));

    RUN_CLI(text, {QStringLiteral("analyze"), path});
    QCOMPARE(text.exitCode, 0);
    const QRegularExpression listed(
        QStringLiteral(R"(Single points of failure[^\n]*\n  lb-only )"));
    QVERIFY2(listed.match(text.out).hasMatch(), qPrintable(text.out));

    // The same check on a topology with two load balancers: none is named.
    RUN_CLI(redundant,
            {QStringLiteral("analyze"), QStringLiteral("--json"), example("single-region")});
    const QJsonObject other = QJsonDocument::fromJson(redundant.out.toUtf8()).object();
    QVERIFY(other.value(QStringLiteral("single_points_of_failure")).isArray());
    QCOMPARE(other.value(QStringLiteral("single_points_of_failure")).toArray().size(), 0);
}

void TestCli::analyzeInvalid()
{
    for (const char *name : {"broken-rules", "syntax-error"}) {
        RUN_CLI(run, {QStringLiteral("analyze"), data(name)});
        QVERIFY2(run.exitCode == 1, qPrintable(describe(runArguments, run)));
        QVERIFY2(run.err.contains(data(name) + QStringLiteral(":")),
                 qPrintable(describe(runArguments, run)));
        QVERIFY(run.err.contains(QStringLiteral(": error: ")));
    }
}

void TestCli::exportDotToFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("single-region") << example("single-region");
    QTest::newRow("multi-region") << example("multi-region");
}

void TestCli::exportDotToFile()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("graph.dot"));
    RUN_CLI(run, {QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("dot"),
                  QStringLiteral("--out"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err, QString());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString dot = QString::fromUtf8(file.readAll());
    QVERIFY(dot.startsWith(QStringLiteral("digraph ")));
    QVERIFY(dot.trimmed().endsWith(QLatin1Char('}')));
    QCOMPARE(dot.count(QLatin1Char('{')), dot.count(QLatin1Char('}')));
    const QStringList ids = componentIds(path);
    QVERIFY(ids.size() >= 12);
    for (const QString &id : ids) {
        const QString node = QLatin1Char('"') + id + QStringLiteral("\" [shape=");
        QVERIFY2(dot.contains(node), qPrintable(id));
    }
    QVERIFY(dot.contains(QStringLiteral("\"www\" -> ")));
    // Written atomically: no temporary file is left next to it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList(QStringLiteral("graph.dot")));
}

void TestCli::exportDotToStdout()
{
    const QString path = example("single-region");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("graph.dot"));
    RUN_CLI(toFile, {QStringLiteral("export"), path, QStringLiteral("--out"), out});
    QCOMPARE(toFile.exitCode, 0);
    RUN_CLI(run, {QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("dot"),
                  QStringLiteral("--out"), QStringLiteral("-")});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(runArguments, run)));
    QCOMPARE(run.err, QString());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(run.out, QString::fromUtf8(file.readAll()));
    for (const QString &id : componentIds(path))
        QVERIFY2(run.out.contains(QLatin1Char('"') + id + QLatin1Char('"')), qPrintable(id));
}

void TestCli::exportRefusals()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("graph.dot"));

    RUN_CLI(format, {QStringLiteral("export"), example("single-region"), QStringLiteral("--format"),
                     QStringLiteral("svg"), QStringLiteral("--out"), out});
    QVERIFY2(format.exitCode == 2, qPrintable(describe(formatArguments, format)));
    QVERIFY(!QFileInfo::exists(out));

    // A topology that loads but breaks the rules: the graph is written, the exit code says
    // invalid (as analyze does), and the reasons are on stderr.
    RUN_CLI(invalid,
            {QStringLiteral("export"), data("broken-rules"), QStringLiteral("--out"), out});
    QVERIFY2(invalid.exitCode == 1, qPrintable(describe(invalidArguments, invalid)));
    QVERIFY(invalid.err.contains(data("broken-rules") + QStringLiteral(":9:5: error: ")));
    QVERIFY(QFileInfo::exists(out));
    QVERIFY(QFile::remove(out));

    // Warnings alone do not fail an export.
    RUN_CLI(warnings, {QStringLiteral("export"), data("one-load-balancer"), QStringLiteral("--out"),
                       QStringLiteral("-")});
    QVERIFY2(warnings.exitCode == 0, qPrintable(describe(warningsArguments, warnings)));
    QVERIFY(warnings.out.contains(QStringLiteral("\"lb-only\"")));
    QVERIFY(warnings.err.contains(QStringLiteral("[dns-single-lb]")));

    RUN_CLI(syntax, {QStringLiteral("export"), data("syntax-error"), QStringLiteral("--out"), out});
    QVERIFY2(syntax.exitCode == 1, qPrintable(describe(syntaxArguments, syntax)));
    QVERIFY(syntax.err.contains(data("syntax-error") + QStringLiteral(":4:5: error: ")));
    QVERIFY(!QFileInfo::exists(out));

    const QString unwritable = dir.filePath(QStringLiteral("no/such/dir/graph.dot"));
    RUN_CLI(nowhere, {QStringLiteral("export"), example("single-region"), QStringLiteral("--out"),
                      unwritable});
    QVERIFY2(nowhere.exitCode == 2, qPrintable(describe(nowhereArguments, nowhere)));
    QVERIFY2(nowhere.err.contains(unwritable), qPrintable(nowhere.err));
}

void TestCli::formatCanonicalForm()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("messy.topolab.yaml"));
    const QByteArray messy = "topolab: 1\nlinks:\n  - from: www\n    to: lb\n"
                             "components:\n  - kind: dns\n    id: www\n"
                             "  - {id: lb, kind: load_balancer, retries: 3}\n";
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(messy);
    }
    const auto contents = [&path] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };

    RUN_CLI(check, {QStringLiteral("format"), QStringLiteral("--check"), path});
    QVERIFY2(check.exitCode == 1, qPrintable(describe(checkArguments, check)));
    QCOMPARE(contents(), messy); // --check changes nothing

    RUN_CLI(print, {QStringLiteral("format"), QStringLiteral("--stdout"), path});
    QCOMPARE(print.exitCode, 0);
    QCOMPARE(contents(), messy);
    QVERIFY(
        print.out.startsWith(QStringLiteral("topolab: 1\ncomponents:\n  - {id: www, kind: dns}")));

    RUN_CLI(write, {QStringLiteral("format"), path});
    QCOMPARE(write.exitCode, 0);
    QCOMPARE(QString::fromUtf8(contents()), print.out);
    RUN_CLI(again, {QStringLiteral("format"), QStringLiteral("--check"), path});
    QVERIFY2(again.exitCode == 0, qPrintable(describe(againArguments, again)));

    for (const char *name : {"single-region", "multi-region"}) {
        RUN_CLI(example, {QStringLiteral("format"), QStringLiteral("--check"), example(name)});
        QVERIFY2(example.exitCode == 0, qPrintable(describe(exampleArguments, example)));
    }
    RUN_CLI(broken, {QStringLiteral("format"), data("syntax-error")});
    QCOMPARE(broken.exitCode, 1);
}

void TestCli::renderWritesAFolderPerHost()
{
    // A copy of the example: rendering may create the secrets file beside the topology.
    QTemporaryDir out;
    QFile source(example("single-region"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray exampleYaml = source.readAll();
    const auto write = [&out](const QString &name, const QByteArray &content) {
        const QString path = out.filePath(name);
        QFile target(path);
        target.open(QIODevice::WriteOnly);
        target.write(content);
        return path;
    };

    // The example has no inventory: HAProxy is written (servers by host name), the zone is not,
    // and the command says which addresses it lacks.
    const QString plain = write(QStringLiteral("plain.topolab.yaml"), exampleYaml);
    const QString first = out.filePath(QStringLiteral("first"));
    const QStringList arguments{QStringLiteral("render"), plain, QStringLiteral("--out"), first};
    const CliRun run = runCli(arguments);
    QVERIFY2(run.exitCode == 1, qPrintable(describe(arguments, run)));
    QVERIFY(QFile::exists(first + QStringLiteral("/lb-1/etc/haproxy/haproxy.cfg")));
    QVERIFY(QFile::exists(first + QStringLiteral("/lb-2/etc/haproxy/haproxy.cfg")));
    QVERIFY(!QFile::exists(first + QStringLiteral("/www/etc/topolab/bind/www/db.example.com")));
    QVERIFY(run.out.contains(QStringLiteral("lb-1/etc/haproxy/haproxy.cfg")));
    QVERIFY(run.err.contains(QStringLiteral("add {component: lb-1, address: <IP>} to deploy.hosts")));

    // With addresses, everything renders: every host's files at their paths on the host
    // without its root, systemd units included.
    const QString withHosts = write(
        QStringLiteral("hosts.topolab.yaml"),
        exampleYaml
            + "deploy:\n  hosts:\n    - {component: www, address: 192.0.2.1}\n"
              "    - {component: lb-1, address: 192.0.2.10, root: /srv/lb-1}\n"
              "    - {component: lb-2, address: 192.0.2.11, service_manager: process}\n"
              "    - {component: db-1, address: 192.0.2.20}\n"
              "    - {component: db-2, address: 192.0.2.21}\n");
    // What only a user can give comes from the secrets file beside the topology (0600).
    const QString secrets = write(QStringLiteral("hosts.topolab.secrets.yaml"),
                                  "secrets:\n  static.access_key: AKEXAMPLE\n  static.secret_key: s3cr3t\n");
    QFile::setPermissions(secrets, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QString second = out.filePath(QStringLiteral("second"));
    const QStringList again{QStringLiteral("render"), withHosts, QStringLiteral("--out"), second};
    const CliRun rendered = runCli(again);
    QVERIFY2(rendered.exitCode == 0, qPrintable(describe(again, rendered)));
    QFile zone(second + QStringLiteral("/www/etc/topolab/bind/www/db.example.com"));
    QVERIFY(zone.open(QIODevice::ReadOnly));
    const QByteArray records = zone.readAll();
    QVERIFY(records.contains("192.0.2.10") && records.contains("192.0.2.11"));
    QVERIFY(QFile::exists(second + QStringLiteral("/www/etc/topolab/bind/www/named.conf")));
    QFile unit(second + QStringLiteral("/lb-1/etc/systemd/system/topolab-lb-1.service"));
    QVERIFY(unit.open(QIODevice::ReadOnly));
    QVERIFY(unit.readAll().contains("-f /srv/lb-1/etc/haproxy/haproxy.cfg\n"));
    QVERIFY(!QFile::exists(second + QStringLiteral("/lb-2/etc/systemd/system/topolab-lb-2.service")));
    QFile demo(second + QStringLiteral("/app-1/opt/topolab/demo-app.py"));
    QVERIFY(demo.exists());
    QCOMPARE(int(demo.permissions() & QFileDevice::ExeOwner), int(QFileDevice::ExeOwner));
    QVERIFY(QFile::exists(second + QStringLiteral("/app-1/etc/topolab/app-1.env")));
}

QTEST_MAIN(TestCli)
#include "tst_cli.moc"
