// The SSH engine against a real sshd on 127.0.0.1: strict host keys (unknown, trusted, wrong
// fingerprint, changed), key and agent login and their refusals, commands (output, exit status,
// stdin, remote timeout, cancel), uploads (mode from the start, hostile paths) and hosts that
// cannot be reached. The sshd is local, so its files and processes are checked directly.
#include "core/deploy/ssh/hostkeyerrors.h"
#include "core/deploy/ssh/knownhosts.h"
#include "core/deploy/ssh/sshhost.h"
#include "silentport.h"
#include "sshdfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <optional>
#include <set>
#include <thread>

using namespace topolab::core;

namespace {

// What `action` throws as E; a test failure message when it throws nothing or something else.
template<typename E, typename F> std::optional<E> thrown(F &&action)
{
    try {
        action();
    } catch (const E &error) {
        return error;
    } catch (const std::exception &other) {
        qWarning("threw something else: %s", other.what());
        return std::nullopt;
    }
    qWarning("threw nothing");
    return std::nullopt;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Whether a live process (not a zombie) has `marker` in its command line.
bool processRunning(const QByteArray &marker)
{
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : entries) {
        bool number = false;
        pid.toInt(&number);
        if (!number)
            continue;
        QByteArray commandLine = readFile(QStringLiteral("/proc/%1/cmdline").arg(pid));
        commandLine.replace('\0', ' ');
        if (!commandLine.contains(marker))
            continue;
        const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
        const qsizetype close = stat.lastIndexOf(')');
        if (close >= 0 && stat.mid(close + 2, 1) != "Z")
            return true;
    }
    return false;
}

// Waits up to `ms` for no process to have `marker` in its command line.
bool processGone(const QByteArray &marker, int ms = 3000)
{
    QElapsedTimer timer;
    timer.start();
    while (processRunning(marker)) {
        if (timer.elapsed() > ms)
            return false;
        QThread::msleep(20);
    }
    return true;
}

unsigned modeOf(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

std::string local(const QString &text)
{
    return QFile::encodeName(text).toStdString();
}


// Restores SSH_AUTH_SOCK when a test is done with it.
class AgentEnvironment
{
public:
    AgentEnvironment()
        : mSaved(qgetenv("SSH_AUTH_SOCK"))
        , mWasSet(qEnvironmentVariableIsSet("SSH_AUTH_SOCK"))
    {
    }
    ~AgentEnvironment()
    {
        if (mWasSet)
            qputenv("SSH_AUTH_SOCK", mSaved);
        else
            qunsetenv("SSH_AUTH_SOCK");
    }

private:
    QByteArray mSaved;
    bool mWasSet;
};

} // namespace

class TestSsh : public QObject
{
    Q_OBJECT

private:
    SshdFixture mSshd;
    SshOptions pinned() const { return mSshd.options(); }
    QString temporaryPath(const QString &name) const
    {
        return mSshd.dir() + QLatin1Char('/') + name;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = SshdFixture::missingPrerequisite();
        if (!missing.isEmpty())
            QFAIL(qPrintable(missing));
        QVERIFY2(mSshd.start(), qPrintable(mSshd.error()));
        QVERIFY2(mSshd.pinHostKey(), qPrintable(mSshd.error()));
    }

    void trustArguments()
    {
        const std::string fingerprint = "SHA256:" + std::string(43, 'A');
        HostTrust trust;
        QCOMPARE(trust.add("db.example:2222=" + fingerprint), std::string());
        QCOMPARE(trust.add("web.example=" + fingerprint + "="), std::string()); // padding is fine
        QCOMPARE(trust.add("[::1]:2200=" + fingerprint), std::string());
        QCOMPARE(trust.add("fe80::1=" + fingerprint), std::string());
        QVERIFY(trust.find("db.example", 2222) && *trust.find("db.example", 2222) == fingerprint);
        QVERIFY(!trust.find("db.example", 22));
        QVERIFY(trust.find("WEB.example", 2201) && *trust.find("web.example", 22) == fingerprint);
        QVERIFY(trust.find("::1", 2200));
        QVERIFY(trust.find("fe80::1", 22));
        QVERIFY(contains(trust.add("db.example"), "HOST=SHA256"));
        QVERIFY(contains(trust.add("db.example=MD5:aa:bb"), "not a SHA256 fingerprint"));
        QVERIFY(contains(trust.add("db.example:http=" + fingerprint), "port"));
        QVERIFY(contains(trust.add("=" + fingerprint), "names no host"));
        QVERIFY(contains(trust.add("db.example=SHA256:short"), "43 characters"));

        QCOMPARE(knownHostsName("10.0.0.5", 22), std::string("10.0.0.5"));
        QCOMPARE(knownHostsName("10.0.0.5", 2222), std::string("[10.0.0.5]:2222"));
    }

    void knownHostsLocation()
    {
        const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
        const bool wasSet = qEnvironmentVariableIsSet("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", "/tmp/config-here");
        QCOMPARE(defaultKnownHostsPath(), std::string("/tmp/config-here/topolab/known_hosts"));
        qunsetenv("XDG_CONFIG_HOME");
        QVERIFY(defaultKnownHostsPath().ends_with("/.config/topolab/known_hosts"));
        if (wasSet)
            qputenv("XDG_CONFIG_HOME", saved);
    }

    void fingerprintMatchesSshKeygen()
    {
        QCOMPARE(QString::fromStdString(publicKeyFingerprint(mSshd.hostPublicKey().toStdString())),
                 mSshd.hostFingerprint());
        QCOMPARE(publicKeyType(mSshd.hostPublicKey().toStdString()), std::string("ssh-ed25519"));
        QCOMPARE(publicKeyFingerprint("ssh-ed25519 not-base64"), std::string());
    }

    void unknownHostKeyIsRefused()
    {
        const QString knownHosts = temporaryPath(QStringLiteral("unknown/known_hosts"));
        SshHost host(mSshd.options(knownHosts));
        const auto error = thrown<HostKeyUnknown>([&] { host.connect(); });
        QVERIFY(error);
        QCOMPARE(QString::fromStdString(error->fingerprint()), mSshd.hostFingerprint());
        QCOMPARE(error->keyType(), std::string("ssh-ed25519"));
        QCOMPARE(error->address(), std::string("127.0.0.1"));
        QCOMPARE(error->port(), mSshd.port());
        QCOMPARE(error->host(), std::string("sshd-fixture"));
        QVERIFY(contains(error->what(), error->fingerprint()));
        QVERIFY(contains(error->hint(), "--trust 127.0.0.1:" + std::to_string(mSshd.port()) + "="
                                            + error->fingerprint()));
        QVERIFY(!host.connected());
        QVERIFY(!QFile::exists(knownHosts)); // nothing was stored
    }

    void trustedFingerprintIsStored()
    {
        const QString knownHosts = temporaryPath(QStringLiteral("trusted/known_hosts"));
        SshOptions options = mSshd.options(knownHosts);
        QCOMPARE(options.trust.add("127.0.0.1:" + std::to_string(mSshd.port()) + "="
                                   + mSshd.hostFingerprint().toStdString()),
                 std::string());
        SshHost host(options);
        host.connect();
        QVERIFY(host.connected());
        QCOMPARE(host.run("echo trusted").out, std::string("trusted\n"));

        const auto stored = knownHostKeys(local(knownHosts), "127.0.0.1", mSshd.port());
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(stored[0].fingerprint), mSshd.hostFingerprint());
        // Known from now on, without a trust entry.
        SshHost again(mSshd.options(knownHosts));
        QCOMPARE(again.run("echo known").out, std::string("known\n"));
    }

    void wrongFingerprintIsRefused()
    {
        const QString knownHosts = temporaryPath(QStringLiteral("wrong/known_hosts"));
        SshOptions options = mSshd.options(knownHosts);
        const std::string other
            = SshdFixture::fingerprintOf(mSshd.clientKey() + QStringLiteral(".pub")).toStdString();
        QCOMPARE(options.trust.add("127.0.0.1=" + other), std::string());
        SshHost host(options);
        const auto error = thrown<HostKeyUnknown>([&] { host.connect(); });
        QVERIFY(error);
        QVERIFY(contains(error->what(), other));
        QVERIFY(contains(error->what(), mSshd.hostFingerprint().toStdString()));
        QVERIFY(!QFile::exists(knownHosts));
    }

    void changedHostKeyIsRefusedEvenWhenTrusted()
    {
        SshdFixture server;
        QVERIFY2(server.start(), qPrintable(server.error()));
        QVERIFY(server.pinHostKey());
        const std::string before = server.hostFingerprint().toStdString();
        {
            SshHost host(server.options());
            QCOMPARE(host.run("echo before").out, std::string("before\n"));
        }
        const int port = server.port();
        QVERIFY(server.regenerateHostKey());
        QVERIFY2(server.restart(), qPrintable(server.error()));
        QCOMPARE(server.port(), port);
        const std::string after = server.hostFingerprint().toStdString();
        QVERIFY(after != before);
        const QByteArray knownHostsBefore = readFile(server.knownHostsPath());

        SshOptions options = server.options();
        QCOMPARE(options.trust.add("127.0.0.1", port, after), std::string());
        SshHost host(options);
        const auto error = thrown<HostKeyChanged>([&] { host.connect(); });
        QVERIFY(error);
        QCOMPARE(error->storedFingerprint(), before);
        QCOMPARE(error->offeredFingerprint(), after);
        QVERIFY(contains(error->what(), "CHANGED"));
        QVERIFY(contains(error->what(), before));
        QVERIFY(contains(error->what(), after));
        QVERIFY(contains(error->hint(), "ssh-keygen -R '[127.0.0.1]:" + std::to_string(port)));
        QCOMPARE(readFile(server.knownHostsPath()), knownHostsBefore);
    }

    void hostKeyOfAnotherTypeIsRefused()
    {
        const QString ecdsa = temporaryPath(QStringLiteral("other_ecdsa"));
        QVERIFY(SshdFixture::generateKey(ecdsa, {}, QStringLiteral("ecdsa")));
        const QString knownHosts = temporaryPath(QStringLiteral("other/known_hosts"));
        const QByteArray publicKey = readFile(ecdsa + QStringLiteral(".pub"));
        QCOMPARE(
            addKnownHost(local(knownHosts), "127.0.0.1", mSshd.port(), publicKey.toStdString()),
            std::string());
        SshOptions options = mSshd.options(knownHosts);
        QCOMPARE(options.trust.add("127.0.0.1", 0, mSshd.hostFingerprint().toStdString()),
                 std::string());
        SshHost host(options);
        const auto error = thrown<HostKeyChanged>([&] { host.connect(); });
        QVERIFY(error);
        QVERIFY(contains(error->what(), "ecdsa"));
    }

    void keyLoginRunsCommands()
    {
        SshHost host(pinned());
        const CommandResult result = host.run("echo out; echo err >&2; exit 3");
        QCOMPARE(result.out, std::string("out\n"));
        QCOMPARE(result.err, std::string("err\n"));
        QCOMPARE(result.exitStatus, 3);
        QVERIFY(!result.ok());
        QVERIFY(!result.timedOut);
        QCOMPARE(host.run("id -un").out, mSshd.userName().toStdString() + "\n");
        // Quotes in the command survive the wrapping in timeout and sh -c.
        QCOMPARE(host.run("printf '%s|' \"it's\" '$(no)' \"a  b\"").out,
                 std::string("it's|$(no)|a  b|"));
    }

    void exitStatusOfAKilledCommandIsUnknown()
    {
        SshHost host(pinned());
        // The session's own process (timeout) dies by a signal: no exit status, never success.
        const CommandResult result = host.run("kill -KILL $PPID");
        QCOMPARE(result.exitStatus, -1);
        QVERIFY(!result.ok());
        QVERIFY(!result.timedOut);
        QCOMPARE(host.run("echo next").out, std::string("next\n"));
    }

    void largeOutputOnBothStreams()
    {
        SshHost host(pinned());
        const CommandResult result = host.run(
            "head -c 3000000 /dev/zero | tr '\\0' o; head -c 2000000 /dev/zero | tr '\\0' "
            "e >&2; echo tail");
        QCOMPARE(result.exitStatus, 0);
        QCOMPARE(result.out.size(), std::size_t(3000005));
        QCOMPARE(result.err.size(), std::size_t(2000000));
        QVERIFY(result.out.ends_with("ootail\n"));
    }

    void outputBeyondTheCapIsAnError()
    {
        SshHost host(pinned());
        const auto error = thrown<DeployError>([&] {
            host.run("head -c " + std::to_string(SshHost::maxOutputBytes + 4096) + " /dev/zero");
        });
        QVERIFY(error);
        QVERIFY(contains(error->what(), "64 MiB"));
        QCOMPARE(host.run("echo still usable").out, std::string("still usable\n"));
    }

    void stdinReachesTheCommand()
    {
        SshHost host(pinned());
        const std::string secret = "pa'ss $(word)\nsecond line\n";
        QCOMPARE(host.run("cat", secret).out, secret);
        const std::string large(3 << 20, 'x');
        QCOMPARE(host.run("wc -c", large).out, std::to_string(large.size()) + "\n");
        // A command that reads nothing still finishes.
        QCOMPARE(host.run("echo ignored", large).out, std::string("ignored\n"));
    }

    void commandOverItsTimeoutIsKilledRemotely()
    {
        SshHost host(pinned());
        QElapsedTimer timer;
        timer.start();
        const CommandResult result = host.run("sleep 30.17; echo never", {}, 1);
        QVERIFY(result.timedOut);
        QCOMPARE(result.exitStatus, 124);
        QVERIFY(!result.ok());
        QVERIFY(result.out.empty());
        QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(processGone("sleep 30.17"));
    }

    void cancelFromAnotherThread()
    {
        std::atomic<bool> cancel = false;
        SshOptions options = pinned();
        options.cancel = &cancel;
        SshHost host(options);
        host.connect();
        QElapsedTimer timer;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            timer.start();
            cancel = true;
        });
        const auto error = thrown<DeployError>([&] { host.run("sleep 20.31", {}, 60); });
        const qint64 afterCancel = timer.elapsed();
        canceller.join();
        QVERIFY(error);
        QVERIFY(contains(error->what(), "cancelled"));
        QCOMPARE(error->host(), std::string("sshd-fixture"));
        QVERIFY2(afterCancel < 1000, qPrintable(QString::number(afterCancel)));
        QVERIFY(processGone("sleep 20.31")); // asked to stop, not just left behind
        cancel = false;
        QCOMPARE(host.run("echo again").out, std::string("again\n"));
    }

    void uploadIsPrivateFromTheStart()
    {
        SshHost host(pinned());
        host.connect();
        const QString path = temporaryPath(QStringLiteral("secret.key"));
        const std::string content(8 << 20, 's');
        std::atomic<bool> done = false;
        std::set<unsigned> modesSeen;
        int looks = 0;
        std::thread watcher([&] {
            while (!done) {
                if (const unsigned mode = modeOf(path)) {
                    modesSeen.insert(mode);
                    ++looks;
                }
            }
        });
        host.upload(local(path), content, 0600);
        done = true;
        watcher.join();
        qDebug("looked at the file %d times during the upload", looks);
        QCOMPARE(modesSeen, (std::set<unsigned>{0600}));
        QCOMPARE(modeOf(path), 0600u);
        QCOMPARE(readFile(path).size(), qsizetype(content.size()));

        // An existing file readable by all gets the new mode too.
        const QString old = temporaryPath(QStringLiteral("old.conf"));
        QFile file(old);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a longer old content");
        file.close();
        ::chmod(QFile::encodeName(old).constData(), 0644);
        host.upload(local(old), "new", 0600);
        QCOMPARE(modeOf(old), 0600u);
        QCOMPARE(readFile(old), QByteArray("new"));
        host.upload(local(old), "", 0640);
        QCOMPARE(modeOf(old), 0640u);
        QCOMPARE(readFile(old), QByteArray());
    }

    void hostilePathsLandExactly()
    {
        SshHost host(pinned());
        const QString directory = temporaryPath(QStringLiteral("hostile dir"));
        QVERIFY(QDir().mkpath(directory));
        const QStringList names = {
            QStringLiteral("two words"),     QStringLiteral("it's"),
            QStringLiteral("\"double\""),    QStringLiteral("$(touch pwned)"),
            QStringLiteral("`touch pwned`"), QStringLiteral("line\nbreak"),
            QStringLiteral("-rf"),           QStringLiteral("a;touch pwned"),
            QStringLiteral("star*"),         QStringLiteral("tab\there"),
        };
        for (const QString &name : names) {
            const QString path = directory + QLatin1Char('/') + name;
            const std::string content = "content of " + name.toStdString();
            host.upload(local(path), content, 0600);
            QCOMPARE(readFile(path), QByteArray::fromStdString(content));
            // Through the remote shell: upload beside it, then mv.
            replaceAtomically(host, local(path), content + " v2", 0644);
            QCOMPARE(readFile(path), QByteArray::fromStdString(content + " v2"));
            QCOMPARE(modeOf(path), 0644u);
            QVERIFY(!QFile::exists(path + QStringLiteral(".tmp")));
        }
        QDir dir(directory);
        QCOMPARE(dir.entryList(QDir::Files).size(), names.size());
        QVERIFY(!QFile::exists(directory + QStringLiteral("/pwned")));
        QVERIFY(!QFile::exists(QDir::home().filePath(QStringLiteral("pwned"))));
        QVERIFY(!QFile::exists(QStringLiteral("/pwned")));
    }

    void uploadErrorsNameHostAndPath()
    {
        SshHost host(pinned());
        const std::string path = local(temporaryPath(QStringLiteral("no such dir/file")));
        const auto error = thrown<DeployError>([&] { host.upload(path, "x", 0600); });
        QVERIFY(error);
        QCOMPARE(error->host(), std::string("sshd-fixture"));
        QVERIFY(contains(error->what(), path));
        QVERIFY(contains(error->what(), "does not exist"));
        host.upload(local(temporaryPath(QStringLiteral("after-error"))), "fine", 0600);
    }

    void agentLogin()
    {
        AgentEnvironment restore;
        const QString socket = temporaryPath(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(QStringLiteral("ssh-agent"),
                    {QStringLiteral("-D"), QStringLiteral("-a"), socket});
        QVERIFY(agent.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        while (!QFile::exists(socket) && timer.elapsed() < 5000)
            QThread::msleep(10);
        qputenv("SSH_AUTH_SOCK", QFile::encodeName(socket));

        // An encrypted key, loaded into the agent the way a user would (the passphrase comes
        // from an askpass program here, as there is no terminal).
        const QString encrypted = temporaryPath(QStringLiteral("encrypted_ed25519"));
        QVERIFY(SshdFixture::generateKey(encrypted, QStringLiteral("correct horse")));
        QVERIFY(mSshd.authorizeKey(encrypted + QStringLiteral(".pub")));
        const QString askpass = temporaryPath(QStringLiteral("askpass.sh"));
        QFile script(askpass);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho 'correct horse'\n");
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::ExeOwner);
        QProcess add;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SSH_ASKPASS"), askpass);
        environment.insert(QStringLiteral("SSH_ASKPASS_REQUIRE"), QStringLiteral("force"));
        add.setProcessEnvironment(environment);
        add.start(QStringLiteral("ssh-add"), {encrypted});
        QVERIFY(add.waitForFinished());
        QCOMPARE(add.exitCode(), 0);

        SshOptions options = pinned();
        options.keyFile.clear();
        SshHost viaAgent(options);
        QCOMPARE(viaAgent.run("echo agent").out, std::string("agent\n"));
        // The encrypted file itself: never decrypted here, the agent's copy logs in.
        options.keyFile = local(encrypted);
        SshHost viaFile(options);
        QCOMPARE(viaFile.run("echo encrypted").out, std::string("encrypted\n"));

        agent.terminate();
        agent.waitForFinished();
    }

    void encryptedKeyWithoutAgent()
    {
        AgentEnvironment restore;
        qunsetenv("SSH_AUTH_SOCK");
        const QString encrypted = temporaryPath(QStringLiteral("locked_ed25519"));
        QVERIFY(SshdFixture::generateKey(encrypted, QStringLiteral("secret words")));
        QVERIFY(mSshd.authorizeKey(encrypted + QStringLiteral(".pub")));
        SshOptions options = pinned();
        options.keyFile = local(encrypted);
        SshHost host(options);
        const auto error = thrown<DeployError>([&] { host.connect(); });
        QVERIFY(error);
        QVERIFY(contains(error->what(), "passphrase"));
        QVERIFY(contains(error->hint(), "ssh-add " + local(encrypted)));
    }

    void refusedKeysAreNamed()
    {
        const QString stranger = temporaryPath(QStringLiteral("stranger_ed25519"));
        QVERIFY(SshdFixture::generateKey(stranger));
        SshOptions options = pinned();
        options.keyFile = local(stranger);
        SshHost host(options);
        const auto denied = thrown<DeployError>([&] { host.connect(); });
        QVERIFY(denied);
        const std::string who
            = mSshd.userName().toStdString() + "@127.0.0.1:" + std::to_string(mSshd.port());
        QVERIFY2(contains(denied->what(), who + " refused the key " + local(stranger)),
                 denied->what());
        QVERIFY(
            contains(denied->what(),
                     SshdFixture::fingerprintOf(stranger + QStringLiteral(".pub")).toStdString()));
        QVERIFY(contains(denied->hint(), "authorized_keys"));

        options.keyFile = local(temporaryPath(QStringLiteral("missing_key")));
        SshHost missing(options);
        const auto unreadable = thrown<DeployError>([&] { missing.connect(); });
        QVERIFY(unreadable);
        QVERIFY(contains(unreadable->what(), "cannot read the key file " + options.keyFile));
    }

    void noAgentAndNoKey()
    {
        AgentEnvironment restore;
        qunsetenv("SSH_AUTH_SOCK");
        SshOptions options = pinned();
        options.keyFile.clear();
        SshHost host(options);
        const auto error = thrown<DeployError>([&] { host.connect(); });
        QVERIFY(error);
        QVERIFY2(contains(error->what(), "no ssh-agent runs"), error->what());
        QVERIFY(contains(error->what(), "127.0.0.1:" + std::to_string(mSshd.port())));
        QVERIFY(contains(error->hint(), "key_file"));
    }

    void unreachablePortFailsFast()
    {
        const int port = SshdFixture::freePort();
        SshOptions options = pinned();
        options.port = port;
        SshHost host(options);
        QElapsedTimer timer;
        timer.start();
        const auto error = thrown<DeployError>([&] { host.connect(); });
        QVERIFY(error);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(contains(error->what(), "127.0.0.1:" + std::to_string(port)), error->what());
        QVERIFY(contains(error->hint(), "firewall"));
        QCOMPARE(error->host(), std::string("sshd-fixture"));
    }

    void silentPortFailsAfterTheConnectTimeout()
    {
        SilentPort silent;
        const int port = silent.port();
        SshOptions options = pinned();
        options.port = port;
        options.connectTimeoutS = 1;
        SshHost host(options);
        QElapsedTimer timer;
        timer.start();
        const auto error = thrown<DeployError>([&] { host.connect(); });
        const qint64 elapsed = timer.elapsed();
        QVERIFY(error);
        QVERIFY2(elapsed >= 900 && elapsed < 3000, qPrintable(QString::number(elapsed)));
        QVERIFY2(contains(error->what(), "no SSH server answered at 127.0.0.1:"
                                             + std::to_string(port) + " within 1 s"),
                 error->what());
    }

    void cancelWhileConnecting()
    {
        SilentPort silent;
        std::atomic<bool> cancel = false;
        SshOptions options = pinned();
        options.port = silent.port();
        options.connectTimeoutS = 10;
        options.cancel = &cancel;
        SshHost host(options);
        QElapsedTimer timer;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            timer.start();
            cancel = true;
        });
        const auto error = thrown<DeployError>([&] { host.connect(); });
        const qint64 afterCancel = timer.elapsed();
        canceller.join();
        QVERIFY(error);
        QVERIFY2(contains(error->what(), "cancelled while connecting"), error->what());
        QVERIFY2(afterCancel < 1000, qPrintable(QString::number(afterCancel)));
    }
};

QTEST_GUILESS_MAIN(TestSsh)
#include "tst_ssh.moc"
