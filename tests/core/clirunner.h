#pragma once

// Running the real topolab-cli binary from a test, as scripts do.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// What one run of the binary left behind.
struct CliRun
{
    int exitCode = -1;
    QByteArray bytes; // stdout as written (JSON is compared byte for byte)
    QString out;      // stdout decoded
    QString err;
    bool finished = false;
};

// Runs topolab-cli with `arguments`; a run that takes two minutes counts as hung.
inline CliRun runCli(const QStringList &arguments, const QString &workingDirectory = {})
{
    QProcess process;
    process.setProgram(QStringLiteral(TOPOLAB_CLI));
    process.setArguments(arguments);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start();
    CliRun run;
    if (!process.waitForStarted(30000))
        return run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.finished = process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.bytes = process.readAllStandardOutput();
    run.out = QString::fromUtf8(run.bytes);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// Everything about a run, for the message of a failed check.
inline QString describe(const QStringList &arguments, const CliRun &run)
{
    return QStringLiteral("topolab-cli %1\nexit %2\n--- stdout\n%3--- stderr\n%4")
        .arg(arguments.join(QLatin1Char(' ')))
        .arg(run.exitCode)
        .arg(run.out.left(4000), run.err);
}

// A bundled example by name.
inline QString example(const char *name)
{
    return QStringLiteral(TOPOLAB_EXAMPLES "/") + QString::fromLatin1(name)
           + QStringLiteral(".topolab.yaml");
}

// A test data file of the CLI suites by name.
inline QString data(const char *name)
{
    return QStringLiteral(TOPOLAB_TEST_DATA "/cli/") + QString::fromLatin1(name)
           + QStringLiteral(".topolab.yaml");
}

// Writes `text` to `name` in `dir`; returns the path, or empty when it could not.
inline QString writeTestFile(const QTemporaryDir &dir, const char *name, const QByteArray &text)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

// Every component id of a topology file, read with a pattern: these tests do not link core.
inline QStringList componentIds(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression component(
        QStringLiteral(R"(^  - \{id: ([A-Za-z0-9._-]+), kind: )"),
        QRegularExpression::MultilineOption);
    QStringList ids;
    auto it = component.globalMatch(QString::fromUtf8(file.readAll()));
    while (it.hasNext())
        ids << it.next().captured(1);
    return ids;
}

// Runs the CLI and fails the test at once if it did not finish.
#define RUN_CLI(run, ...)                                                                          \
    const QStringList run##Arguments = __VA_ARGS__;                                                \
    const CliRun run = runCli(run##Arguments);                                                     \
    QVERIFY2(run.finished, qPrintable(describe(run##Arguments, run)))
