#pragma once

// Several real hosts on this machine for the deploy suites: tests/deploy/rig/rig.sh brought up
// into a temporary directory and taken down again, whatever the test's outcome.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <utility>

namespace topolab::test {

// A file's bytes, empty when it cannot be read; and a file written whole, or false.
QByteArray readAll(const QString &path);
bool writeAll(const QString &path, const QByteArray &data);

struct RigOptions
{
    bool s3 = false; // s3rver on the last host, with bucket "backups"
    int net = 0;     // X of 10.X.0.0/24; 0 = rig.sh derives it from the name
    QString name{};  // namespace prefix; empty = one unique to this process and rig
};

// What one command run by the rig left behind.
struct RigRun
{
    bool finished = false; // exited by itself within its time
    int exitCode = -1;
    QString out;
    QString err;
    bool ok() const { return finished && exitCode == 0; }
    QString describe(const QStringList &command) const;
};

// A rig of `hosts` hosts (slots 1..hosts), each a network namespace running its own sshd and
// writing under its own root directory, plus the deploying client's namespace. Owns the
// temporary directory and the namespaces; the destructor takes the rig down, and a watcher
// started by rig.sh does it too if the test process dies first.
class Rig
{
public:
    explicit Rig(int hosts, const RigOptions &options = {});
    ~Rig();
    Rig(const Rig &) = delete;
    Rig &operator=(const Rig &) = delete;

    // Why no rig can run here (not root, no `ip netns`); empty when it can. A test skips then.
    static QString unavailableReason();
    QString skipReason() const { return mSkipReason; }
    bool isUp() const { return mUp; }
    QString error() const { return mError; } // why `up` or `down` failed, with rig.sh's output
    // Takes the rig down now (the destructor does it otherwise); true when nothing is left.
    // Safe to call again.
    bool down();

    QString name() const { return mName; }
    QString dir() const { return mDir.path(); }
    int hostCount() const { return mHosts; }
    int net() const { return mNet; }
    QString clientNamespace() const { return mName + QStringLiteral("-c"); }
    QString hostNamespace(int slot) const;
    QStringList namespaces() const; // the client's, then every host's

    QString slotName(int slot) const { return QStringLiteral("h%1").arg(slot); }
    QString address(int slot) const;
    QString rootDir(int slot) const; // the host's `root` prefix for deploy
    QString knownHostsPath() const;  // every host's key, pinned
    QString clientKeyPath() const;
    QString clientPublicKeyPath() const { return clientKeyPath() + QStringLiteral(".pub"); }

    // inventory.yaml as written: a `deploy: hosts:` section, one entry per slot named h1..hN.
    QString inventory() const;
    // The same section with components on slots: component i on slot i + 1, or explicit
    // (component, slot) pairs (several components may share a host). Slots without a component
    // are left out.
    QString inventory(const QStringList &components) const;
    QString inventory(const QList<std::pair<QString, int>> &placement) const;

    // s3rver (RigOptions::s3): "http://10.X.0.Y:4568", the bucket, and a 0600 curl config with
    // the credentials and the sigv4 setting, for `curl -K`. Access key and secret: S3RVER.
    QString s3Endpoint() const { return mS3Endpoint; }
    QString s3Bucket() const { return mS3Bucket; }
    QString s3CurlConfig() const;

    // Runs `command` inside a namespace of the rig through `ip netns exec`, with `input` on stdin.
    RigRun runInClient(const QStringList &command, const QByteArray &input = {},
                       int timeoutMs = 60000) const;
    RigRun runOnHost(int slot, const QStringList &command, const QByteArray &input = {},
                     int timeoutMs = 60000) const;
    RigRun runIn(const QString &netns, const QStringList &command, const QByteArray &input = {},
                 int timeoutMs = 60000) const;
    // The argument list of `ip` that runs `command` in a namespace, for a QProcess a test
    // starts itself (a long-running one): program "ip", these arguments.
    static QStringList netnsExec(const QString &netns, const QStringList &command);
    // ssh from the client namespace to a host as root, with the rig's key and pinned host keys.
    QStringList sshCommand(int slot, const QString &remoteCommand) const;
    RigRun ssh(int slot, const QString &remoteCommand, const QByteArray &input = {},
               int timeoutMs = 60000) const;

    // Runs a program in the test's own (initial) namespace.
    static RigRun run(const QString &program, const QStringList &arguments,
                      const QByteArray &input = {}, int timeoutMs = 60000);

private:
    bool readAddresses();

    int mHosts = 0;
    int mNet = 0;
    QString mName;
    QTemporaryDir mDir;
    QStringList mAddresses; // by slot - 1
    QString mS3Endpoint;
    QString mS3Bucket;
    QString mSkipReason;
    QString mError;
    bool mUp = false;
    bool mStarted = false; // rig.sh up ran, so down is owed
};

} // namespace topolab::test

// Skips the test where no rig can run; fails it when the rig did not come up. (For Qt Test
// suites: include <QTest> first.)
#define RIG_REQUIRE_UP(rig)                                                                        \
    do {                                                                                           \
        if (!(rig).skipReason().isEmpty())                                                         \
            QSKIP(qPrintable((rig).skipReason()));                                                 \
        QVERIFY2((rig).isUp(), qPrintable((rig).error()));                                         \
    } while (false)
