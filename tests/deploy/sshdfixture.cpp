#include "sshdfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A TCP connection to 127.0.0.1:port, or -1.
int connectLoopback(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

SshdFixture::SshdFixture() = default;

SshdFixture::~SshdFixture()
{
    stop();
}

QString SshdFixture::missingPrerequisite()
{
    if (!QFile::exists(QLatin1String(sshdPath)))
        return QStringLiteral("%1 is missing: the deploy tests need a real OpenSSH server. Install "
                              "the Debian package openssh-server (installer/test.sh lists it among "
                              "the packages only the tests need)")
            .arg(QLatin1String(sshdPath));
    if (QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty())
        return QStringLiteral("ssh-keygen is missing: install the Debian package openssh-client");
    return {};
}

QString SshdFixture::runProgram(const QString &program, const QStringList &arguments,
                                QString *errorOutput)
{
    QProcess process;
    process.start(program, arguments);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(20000);
    if (errorOutput)
        *errorOutput = QString::fromLocal8Bit(process.readAllStandardError());
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
    return out.isNull() ? QStringLiteral("") : out;
}

bool SshdFixture::generateKey(const QString &path, const QString &passphrase, const QString &type)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    return !runProgram(QStringLiteral("ssh-keygen"),
                       {QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"),
                        passphrase, QStringLiteral("-C"), QStringLiteral("topolab-test"),
                        QStringLiteral("-f"), path})
                .isNull();
}

QString SshdFixture::fingerprintOf(const QString &publicKeyPath)
{
    // "256 SHA256:… comment (ED25519)"
    const QString line
        = runProgram(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                      QStringLiteral("-f"), publicKeyPath});
    return line.section(QLatin1Char(' '), 1, 1);
}

int SshdFixture::freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QString SshdFixture::userName() const
{
    const passwd *user = getpwuid(geteuid());
    return user ? QString::fromLocal8Bit(user->pw_name) : qEnvironmentVariable("USER");
}

QString SshdFixture::hostPublicKey() const
{
    QFile file(hostKey() + QStringLiteral(".pub"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll()).trimmed();
}

QString SshdFixture::hostFingerprint() const
{
    return fingerprintOf(hostKey() + QStringLiteral(".pub"));
}

QString SshdFixture::log() const
{
    QFile file(mDir.filePath(QStringLiteral("sshd.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLocal8Bit(file.readAll());
}

topolab::core::SshOptions SshdFixture::options(const QString &knownHostsPath) const
{
    topolab::core::SshOptions options;
    options.hostId = "sshd-fixture";
    options.address = address().toStdString();
    options.port = mPort;
    options.user = userName().toStdString();
    options.keyFile = clientKey().toStdString();
    options.connectTimeoutS = 5;
    options.knownHostsPath
        = (knownHostsPath.isEmpty() ? this->knownHostsPath() : knownHostsPath).toStdString();
    return options;
}

bool SshdFixture::pinHostKey()
{
    const std::string problem
        = topolab::core::addKnownHost(knownHostsPath().toStdString(), address().toStdString(),
                                      mPort, hostPublicKey().toStdString());
    mError = QString::fromStdString(problem);
    return problem.empty();
}

bool SshdFixture::authorizeKey(const QString &publicKeyPath)
{
    QFile key(publicKeyPath);
    QFile authorized(mDir.filePath(QStringLiteral("authorized_keys")));
    if (!key.open(QIODevice::ReadOnly) || !authorized.open(QIODevice::Append))
        return false;
    return authorized.write(key.readAll().trimmed() + '\n') > 0;
}

bool SshdFixture::regenerateHostKey()
{
    if (!generateKey(hostKey())) {
        mError = QStringLiteral("ssh-keygen could not write the host key");
        return false;
    }
    return true;
}

bool SshdFixture::writeConfig()
{
    QFile config(mDir.filePath(QStringLiteral("sshd_config")));
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QString text
        = QStringLiteral("ListenAddress 127.0.0.1:%1\n"
                         "HostKey %2\n"
                         "PidFile %3\n"
                         "AuthorizedKeysFile %4 %5\n"
                         "PubkeyAuthentication yes\n"
                         "PasswordAuthentication no\n"
                         "KbdInteractiveAuthentication no\n"
                         "PermitRootLogin prohibit-password\n"
                         "UsePAM no\n"
                         "StrictModes no\n"
                         "UseDNS no\n"
                         "PrintMotd no\n"
                         "Subsystem sftp internal-sftp\n"
                         // Bash reads ~/.bashrc when sshd starts it at level 1; the test
                         // machine's login files are not what a test is about.
                         "SetEnv SHLVL=1\n"
                         "LogLevel %6\n")
              .arg(mPort)
              .arg(hostKey(), mDir.filePath(QStringLiteral("sshd.pid")),
                   clientKey() + QStringLiteral(".pub"),
                   mDir.filePath(QStringLiteral("authorized_keys")),
                   qEnvironmentVariable("TOPOLAB_SSHD_LOGLEVEL", QStringLiteral("INFO")));
    return config.write(text.toLocal8Bit()) > 0;
}

bool SshdFixture::waitForBanner(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (mSshd->state() == QProcess::NotRunning)
            return false;
        const int fd = connectLoopback(mPort);
        if (fd >= 0) {
            pollfd readable{fd, POLLIN, 0};
            char banner[8] = {};
            const bool answered = ::poll(&readable, 1, 1000) == 1 && ::read(fd, banner, 4) == 4
                                  && QByteArray(banner, 4) == "SSH-";
            ::close(fd);
            if (answered)
                return true;
        }
        QThread::msleep(20);
    }
    return false;
}

bool SshdFixture::start()
{
    mError = missingPrerequisite();
    if (!mError.isEmpty())
        return false;
    if (!mDir.isValid()) {
        mError = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    if ((!QFile::exists(hostKey()) && !generateKey(hostKey()))
        || (!QFile::exists(clientKey()) && !generateKey(clientKey()))) {
        mError = QStringLiteral("ssh-keygen could not generate the keys");
        return false;
    }
    // Run as root, sshd wants its privilege separation directory (created at boot by the
    // package's service, which a container does not start).
    if (geteuid() == 0 && !QFile::exists(QStringLiteral("/run/sshd"))) {
        QDir().mkpath(QStringLiteral("/run/sshd"));
        QFile::setPermissions(QStringLiteral("/run/sshd"), QFile::ReadOwner | QFile::WriteOwner
                                                               | QFile::ExeOwner | QFile::ReadGroup
                                                               | QFile::ExeGroup | QFile::ReadOther
                                                               | QFile::ExeOther);
    }
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (mPort == 0 || attempt > 0)
            mPort = freePort();
        if (!writeConfig()) {
            mError = QStringLiteral("cannot write sshd_config in %1").arg(dir());
            return false;
        }
        mSshd = std::make_unique<QProcess>();
        mSshd->setStandardOutputFile(mDir.filePath(QStringLiteral("sshd.log")), QIODevice::Append);
        mSshd->setStandardErrorFile(mDir.filePath(QStringLiteral("sshd.log")), QIODevice::Append);
        // An absolute -f: sshd re-executes itself after chdir("/").
        mSshd->start(QLatin1String(sshdPath),
                     {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                      mDir.filePath(QStringLiteral("sshd_config"))});
        if (mSshd->waitForStarted(5000) && waitForBanner(5000)) {
            mError.clear();
            return true;
        }
        stop();
    }
    mError
        = QStringLiteral("sshd did not start on 127.0.0.1:%1; its log:\n%2").arg(mPort).arg(log());
    return false;
}

void SshdFixture::stop()
{
    if (!mSshd)
        return;
    if (mSshd->state() != QProcess::NotRunning) {
        mSshd->terminate();
        if (!mSshd->waitForFinished(3000)) {
            mSshd->kill();
            mSshd->waitForFinished(3000);
        }
    }
    mSshd.reset();
}

bool SshdFixture::restart()
{
    stop();
    return start();
}
