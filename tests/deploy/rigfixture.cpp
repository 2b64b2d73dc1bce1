#include "rigfixture.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <atomic>

#include <unistd.h>

namespace topolab::test {

namespace {

// rig.sh beside this file in the source tree (CMake compiles sources by absolute path).
QString rigScript()
{
    return QFileInfo(QStringLiteral(__FILE__)).absolutePath() + QStringLiteral("/rig/rig.sh");
}

QString ipProgram()
{
    static const QString path = [] {
        QString found = QStandardPaths::findExecutable(QStringLiteral("ip"));
        if (found.isEmpty())
            found = QStandardPaths::findExecutable(
                QStringLiteral("ip"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
        return found;
    }();
    return path;
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QString RigRun::describe(const QStringList &command) const
{
    return QStringLiteral("%1\n%2, exit %3\n--- stdout\n%4--- stderr\n%5")
        .arg(command.join(QLatin1Char(' ')),
             finished ? QStringLiteral("finished") : QStringLiteral("did not finish"))
        .arg(exitCode)
        .arg(out.left(4000), err.left(4000));
}

Rig::Rig(int hosts, const RigOptions &options)
    : mHosts(hosts)
{
    mSkipReason = unavailableReason();
    if (!mSkipReason.isEmpty())
        return;
    if (!mDir.isValid()) {
        mError = QStringLiteral("no temporary directory: %1").arg(mDir.errorString());
        return;
    }
    static std::atomic<int> count{0};
    mName = options.name.isEmpty()
                ? QStringLiteral("tlrig-%1-%2").arg(QCoreApplication::applicationPid()).arg(++count)
                : options.name;
    QStringList arguments{QStringLiteral("up"),
                          dir(),
                          mName,
                          QString::number(hosts),
                          QStringLiteral("--owner"),
                          QString::number(QCoreApplication::applicationPid())};
    if (options.s3)
        arguments << QStringLiteral("--s3");
    if (options.net > 0)
        arguments << QStringLiteral("--net") << QString::number(options.net);
    // The first --s3 rig on a machine installs s3rver with npm: allow for a slow registry.
    const RigRun up = run(rigScript(), arguments, {}, 300000);
    mStarted = true;
    if (!up.ok()) {
        mError = up.describe(QStringList{rigScript()} + arguments);
        return;
    }
    if (!readAddresses()) {
        mError = QStringLiteral("rig.sh up printed no usable address list:\n") + up.out;
        return;
    }
    mUp = true;
}

Rig::~Rig()
{
    if (!down())
        qWarning("%s", qPrintable(mError));
}

QString Rig::unavailableReason()
{
    static const QString reason = []() -> QString {
        if (geteuid() != 0)
            return QStringLiteral("the deploy rig needs root: it creates network namespaces "
                                  "(the deploy suites run as root in CI)");
        if (ipProgram().isEmpty())
            return QStringLiteral("the deploy rig needs `ip` (iproute2), which is not installed");
        const QString probe = QStringLiteral("tlrig-probe-%1").arg(getpid());
        const RigRun add
            = run(ipProgram(), {QStringLiteral("netns"), QStringLiteral("add"), probe});
        if (!add.ok())
            return QStringLiteral("`ip netns` is unavailable here: ") + add.err.trimmed();
        run(ipProgram(), {QStringLiteral("netns"), QStringLiteral("delete"), probe});
        return {};
    }();
    return reason;
}

bool Rig::down()
{
    mUp = false;
    if (!mStarted)
        return true;
    const QStringList arguments{QStringLiteral("down"), dir()};
    const RigRun result = run(rigScript(), arguments, {}, 60000);
    if (!result.ok()) {
        mError = result.describe(QStringList{rigScript()} + arguments);
        return false;
    }
    mStarted = false;
    return true;
}

bool Rig::readAddresses()
{
    const QString rigEnv = readText(dir() + QStringLiteral("/rig.env"));
    for (const QString &line : rigEnv.split(QLatin1Char('\n')))
        if (line.startsWith(QStringLiteral("NET=")))
            mNet = line.mid(4).toInt();
    const QStringList lines = readText(dir() + QStringLiteral("/addresses"))
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList words = line.split(QLatin1Char(' '));
        if (words.size() == 2 && words[0] == slotName(mAddresses.size() + 1))
            mAddresses << words[1];
        else if (words.size() == 3 && words[0] == QStringLiteral("s3")) {
            mS3Endpoint = words[1];
            mS3Bucket = words[2];
        } else
            return false;
    }
    return mAddresses.size() == mHosts && mNet > 0;
}

QString Rig::hostNamespace(int slot) const
{
    return mName + QLatin1Char('-') + slotName(slot);
}

QStringList Rig::namespaces() const
{
    QStringList all{clientNamespace()};
    for (int slot = 1; slot <= mHosts; ++slot)
        all << hostNamespace(slot);
    return all;
}

QString Rig::address(int slot) const
{
    return mAddresses.value(slot - 1);
}

QString Rig::rootDir(int slot) const
{
    return dir() + QLatin1Char('/') + slotName(slot) + QStringLiteral("/root");
}

QString Rig::knownHostsPath() const
{
    return dir() + QStringLiteral("/known_hosts");
}

QString Rig::clientKeyPath() const
{
    return dir() + QStringLiteral("/client_key");
}

QString Rig::s3CurlConfig() const
{
    return dir() + QStringLiteral("/s3/curl.conf");
}

QString Rig::inventory() const
{
    return readText(dir() + QStringLiteral("/inventory.yaml"));
}

QString Rig::inventory(const QStringList &components) const
{
    QList<std::pair<QString, int>> placement;
    for (int i = 0; i < components.size(); ++i)
        placement.append({components[i], i + 1});
    return inventory(placement);
}

QString Rig::inventory(const QList<std::pair<QString, int>> &placement) const
{
    const QStringList lines = inventory().split(QLatin1Char('\n'));
    QString text = QStringLiteral("deploy:\n  hosts:\n");
    for (const auto &[component, slot] : placement) {
        const QString entry = QStringLiteral("    - {component: %1, ").arg(slotName(slot));
        for (const QString &line : lines)
            if (line.startsWith(entry))
                text += QStringLiteral("    - {component: ") + component + QStringLiteral(", ")
                        + line.mid(entry.size()) + QLatin1Char('\n');
    }
    return text;
}

QStringList Rig::netnsExec(const QString &netns, const QStringList &command)
{
    return QStringList{QStringLiteral("netns"), QStringLiteral("exec"), netns} + command;
}

RigRun Rig::runIn(const QString &netns, const QStringList &command, const QByteArray &input,
                  int timeoutMs) const
{
    return run(ipProgram(), netnsExec(netns, command), input, timeoutMs);
}

RigRun Rig::runInClient(const QStringList &command, const QByteArray &input, int timeoutMs) const
{
    return runIn(clientNamespace(), command, input, timeoutMs);
}

RigRun Rig::runOnHost(int slot, const QStringList &command, const QByteArray &input,
                      int timeoutMs) const
{
    return runIn(hostNamespace(slot), command, input, timeoutMs);
}

QStringList Rig::sshCommand(int slot, const QString &remoteCommand) const
{
    return {QStringLiteral("ssh"),
            QStringLiteral("-F"),
            QStringLiteral("/dev/null"),
            QStringLiteral("-i"),
            clientKeyPath(),
            QStringLiteral("-o"),
            QStringLiteral("UserKnownHostsFile=") + knownHostsPath(),
            QStringLiteral("-o"),
            QStringLiteral("GlobalKnownHostsFile=/dev/null"),
            QStringLiteral("-o"),
            QStringLiteral("StrictHostKeyChecking=yes"),
            QStringLiteral("-o"),
            QStringLiteral("BatchMode=yes"),
            QStringLiteral("-o"),
            QStringLiteral("ConnectTimeout=10"),
            QStringLiteral("root@") + address(slot),
            remoteCommand};
}

RigRun Rig::ssh(int slot, const QString &remoteCommand, const QByteArray &input,
                int timeoutMs) const
{
    return runInClient(sshCommand(slot, remoteCommand), input, timeoutMs);
}

RigRun Rig::run(const QString &program, const QStringList &arguments, const QByteArray &input,
                int timeoutMs)
{
    QProcess process;
    process.start(program, arguments);
    RigRun result;
    if (!process.waitForStarted(30000)) {
        result.err = process.errorString();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    } else {
        result.finished = process.exitStatus() == QProcess::NormalExit;
        result.exitCode = process.exitCode();
    }
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace topolab::test
