#pragma once

#include "core/deploy/ssh/sshhost.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A real OpenSSH server on 127.0.0.1 for tests: its own ed25519 host key, one client key that
// may log in as the current user, key-only login, internal SFTP, all in a temporary directory.
// Owns that directory and the sshd process; the destructor stops sshd. Works as root and as an
// ordinary user.
class SshdFixture
{
public:
    SshdFixture();
    ~SshdFixture();
    SshdFixture(const SshdFixture &) = delete;
    SshdFixture &operator=(const SshdFixture &) = delete;

    static constexpr const char *sshdPath = "/usr/sbin/sshd";
    // Empty when sshd can run here; else what is missing and which package brings it.
    static QString missingPrerequisite();

    // Generates the keys (first time only), writes the configuration and starts sshd on a free
    // port; returns false with error() saying why (sshd's log included).
    bool start();
    void stop();
    // Stops and starts again on the same port, with whatever host key is on disk then.
    bool restart();
    // Replaces the host key with a new one (served after restart()).
    bool regenerateHostKey();
    QString error() const { return mError; }

    QString address() const { return QStringLiteral("127.0.0.1"); }
    int port() const { return mPort; }
    QString dir() const { return mDir.path(); }
    QString userName() const;
    QString clientKey() const { return mDir.filePath(QStringLiteral("client_ed25519")); }
    QString hostKey() const { return mDir.filePath(QStringLiteral("host_ed25519")); }
    QString hostPublicKey() const; // the text of the host key's .pub
    // The host key's fingerprint as `ssh-keygen -lf` prints it ("SHA256:…").
    QString hostFingerprint() const;
    QString log() const; // what sshd wrote so far

    // Options for an SshHost that logs in with the client key and reads `knownHostsPath` (a
    // file in dir() by default, empty: the host key is unknown).
    topolab::core::SshOptions options(const QString &knownHostsPath = {}) const;
    QString knownHostsPath() const { return mDir.filePath(QStringLiteral("known_hosts")); }
    // Writes the host key into knownHostsPath(), as a deploy rig pins its hosts' keys.
    bool pinHostKey();
    // Lets the key whose public half is at `publicKeyPath` log in too.
    bool authorizeKey(const QString &publicKeyPath);

    // Helpers for tests around the server.
    static bool generateKey(const QString &path, const QString &passphrase = {},
                            const QString &type = QStringLiteral("ed25519"));
    static QString fingerprintOf(const QString &publicKeyPath); // via ssh-keygen -lf
    static int freePort();
    // Runs a program; returns its standard output, or a null string when it fails.
    static QString runProgram(const QString &program, const QStringList &arguments,
                              QString *errorOutput = nullptr);

private:
    bool writeConfig();
    bool waitForBanner(int timeoutMs);

    QTemporaryDir mDir;
    std::unique_ptr<QProcess> mSshd;
    int mPort = 0;
    QString mError;
};
