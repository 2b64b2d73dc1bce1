// The rig the deploy end-to-end tests run on: hosts answer ssh with pinned keys, stay inside
// their namespaces, can open tun devices, store objects in s3rver, and leave nothing behind.
#include "rigfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using topolab::test::Rig;
using topolab::test::RigOptions;
using topolab::test::RigRun;

namespace {

QString lines(const RigRun &run)
{
    return run.out.trimmed();
}

// Links, addresses and routes of the initial namespace, where a rig must add nothing.
QString initialNamespaceState()
{
    QString state;
    const QList<QStringList> commands{
        {QStringLiteral("-o"), QStringLiteral("link"), QStringLiteral("show")},
        {QStringLiteral("-o"), QStringLiteral("addr"), QStringLiteral("show")},
        {QStringLiteral("route"), QStringLiteral("show"), QStringLiteral("table"),
         QStringLiteral("all")},
        {QStringLiteral("-6"), QStringLiteral("route"), QStringLiteral("show"),
         QStringLiteral("table"), QStringLiteral("all")}};
    static const QRegularExpression volatileParts(
        QStringLiteral(R"( (state|qdisc|qlen|mtu|valid_lft|preferred_lft) \S+)"));
    for (const QStringList &arguments : commands) {
        QString out = Rig::run(QStringLiteral("ip"), arguments).out;
        state += out.replace(volatileParts, QString()) + QLatin1Char('\n');
    }
    return state;
}

// Processes whose command line names `text` (the rig's directory appears in sshd's, s3rver's
// and the watcher's).
QStringList processesMentioning(const QString &text)
{
    QStringList found;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        if (pid.toInt() <= 0 || pid.toInt() == getpid())
            continue;
        QFile file(QStringLiteral("/proc/") + pid + QStringLiteral("/cmdline"));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QByteArray cmdline = file.readAll();
        cmdline.replace('\0', ' ');
        if (cmdline.contains(text.toUtf8()))
            found << pid + QLatin1Char(' ') + QString::fromUtf8(cmdline);
    }
    return found;
}

// Whether a process is gone: it no longer exists, or is a zombie its new parent (the sessions
// sshd forked are orphaned when it ends) has not reaped yet.
bool hasEnded(int pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1) == "Z";
}

// A TCP listener on every IPv4 address of the test's own namespace; closed on destruction.
class Listener
{
public:
    Listener()
    {
        mFd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_ANY);
        socklen_t size = sizeof address;
        if (mFd < 0 || ::bind(mFd, reinterpret_cast<sockaddr *>(&address), size) != 0
            || ::listen(mFd, 16) != 0
            || ::getsockname(mFd, reinterpret_cast<sockaddr *>(&address), &size) != 0)
            return;
        mPort = ntohs(address.sin_port);
    }
    ~Listener()
    {
        if (mFd >= 0)
            ::close(mFd);
    }
    int port() const { return mPort; }

private:
    int mFd = -1;
    int mPort = 0;
};

// Whether a TCP connection to address:port succeeds, tried with bash's /dev/tcp in `netns`
// (empty: the test's own namespace).
bool connects(const Rig *rig, const QString &netns, const QString &address, int port)
{
    const QStringList command{QStringLiteral("timeout"),
                              QStringLiteral("3"),
                              QStringLiteral("bash"),
                              QStringLiteral("-c"),
                              QStringLiteral("exec 3<>/dev/tcp/$0/$1"),
                              address,
                              QString::number(port)};
    const RigRun run
        = netns.isEmpty() ? Rig::run(command.first(), command.mid(1)) : rig->runIn(netns, command);
    return run.ok();
}

} // namespace

class TestRig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyHostAnswersSshWithItsPinnedKey();
    void anUnpinnedOrWrongHostKeyIsRefused();
    void inventoryNamesEverySlot();
    void rootPrefixesAreSeparateAndReachableByServiceUsers();
    void hostsCannotReachTheInitialNamespace();
    void hostsReachEachOther();
    void aHostCanCreateATunDevice();
    void s3rverStoresAndListsObjects();
    void twoRigsRunAtOnce();
    void aTenHostRig();
    void downLeavesNothing();
    void cleanupTestCase();

private:
    std::unique_ptr<Rig> mRig;
    QString mInitialState;
};

void TestRig::initTestCase()
{
    if (const QString reason = Rig::unavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    mInitialState = initialNamespaceState();
    QElapsedTimer timer;
    timer.start();
    mRig = std::make_unique<Rig>(3, RigOptions{.s3 = true});
    RIG_REQUIRE_UP(*mRig);
    qInfo("3 hosts and s3rver up in %lld ms", static_cast<long long>(timer.elapsed()));
}

void TestRig::everyHostAnswersSshWithItsPinnedKey()
{
    for (int slot = 1; slot <= 3; ++slot) {
        const QString address = mRig->address(slot);
        QCOMPARE(address, QStringLiteral("10.%1.0.%2").arg(mRig->net()).arg(10 + slot));
        const QStringList command = mRig->sshCommand(slot, QStringLiteral("true"));
        const RigRun run = mRig->runInClient(command);
        QVERIFY2(run.ok(), qPrintable(run.describe(command)));
        // It is that host's namespace that answered.
        const RigRun eth0 = mRig->ssh(slot, QStringLiteral("ip -o -4 addr show dev eth0"));
        QVERIFY2(eth0.out.contains(address + QLatin1Char('/')), qPrintable(eth0.out + eth0.err));
    }
}

void TestRig::anUnpinnedOrWrongHostKeyIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile pinned(mRig->knownHostsPath());
    QVERIFY(pinned.open(QIODevice::ReadOnly));
    const QStringList entries = QString::fromUtf8(pinned.readAll()).split(QLatin1Char('\n'));
    QCOMPARE(entries.value(0).section(QLatin1Char(' '), 0, 0), mRig->address(1));

    // h1's address with h2's key, then no entry at all: ssh refuses both, trusting nothing.
    const QString wrongKey = mRig->address(1) + QLatin1Char(' ')
                             + entries.value(1).section(QLatin1Char(' '), 1) + QLatin1Char('\n');
    for (const QString &content : {wrongKey, QString()}) {
        const QString path = dir.filePath(QStringLiteral("known_hosts"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content.toUtf8());
        file.close();
        QStringList command = mRig->sshCommand(1, QStringLiteral("true"));
        command.replaceInStrings(mRig->knownHostsPath(), path);
        const RigRun run = mRig->runInClient(command);
        QVERIFY2(run.finished && run.exitCode == 255, qPrintable(run.describe(command)));
        QVERIFY2(run.err.contains(QStringLiteral("Host key verification failed")),
                 qPrintable(run.err));
    }
}

void TestRig::inventoryNamesEverySlot()
{
    const QString inventory = mRig->inventory();
    QVERIFY2(inventory.contains(QStringLiteral("\ndeploy:\n  hosts:\n")), qPrintable(inventory));
    for (int slot = 1; slot <= 3; ++slot) {
        const QString entry
            = QStringLiteral("    - {component: h%1, address: %2, port: 22, user: root, "
                             "key_file: %3, root: %4, service_manager: process}\n")
                  .arg(slot)
                  .arg(mRig->address(slot), mRig->clientKeyPath(), mRig->rootDir(slot));
        QVERIFY2(inventory.contains(entry), qPrintable(inventory));
    }
    const QString placed = mRig->inventory(
        {{QStringLiteral("lb-1"), 1}, {QStringLiteral("app-1"), 2}, {QStringLiteral("db-1"), 2}});
    QVERIFY2(placed.startsWith(QStringLiteral("deploy:\n  hosts:\n    - {component: lb-1, "
                                              "address: ")
                               + mRig->address(1) + QLatin1Char(',')),
             qPrintable(placed));
    QCOMPARE(placed.count(mRig->address(2)), 2);
    QCOMPARE(placed.count(QLatin1Char('\n')), 5);
    QCOMPARE(mRig->inventory(QStringList{QStringLiteral("a"), QStringLiteral("b")})
                 .count(QStringLiteral("{component: ")),
             2);

    QFile addresses(mRig->dir() + QStringLiteral("/addresses"));
    QVERIFY(addresses.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(addresses.readAll()),
             QStringLiteral("h1 %1\nh2 %2\nh3 %3\ns3 %4 %5\n")
                 .arg(mRig->address(1), mRig->address(2), mRig->address(3), mRig->s3Endpoint(),
                      mRig->s3Bucket()));
}

void TestRig::rootPrefixesAreSeparateAndReachableByServiceUsers()
{
    QSet<QString> roots;
    for (int slot = 1; slot <= 3; ++slot) {
        const QString root = mRig->rootDir(slot);
        roots.insert(root);
        for (QString dir = root + QStringLiteral("/var/lib"); dir != QStringLiteral("/");
             dir = QFileInfo(dir).path()) {
            QVERIFY2(QFileInfo(dir).permissions() & QFile::ExeOther, qPrintable(dir));
        }
        // A file written over ssh on the host lands under that host's prefix only.
        const QString probe = root + QStringLiteral("/etc/probe");
        const RigRun write = mRig->ssh(slot, QStringLiteral("echo %1 > %2").arg(slot).arg(probe));
        QVERIFY2(write.ok(), qPrintable(write.err));
        QFile file(probe);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray::number(slot) + '\n');
        QVERIFY(QFile::remove(probe));
    }
    QCOMPARE(roots.size(), 3);

    // Services run as their own users: postgres must reach its data directory's parent.
    if (Rig::run(QStringLiteral("id"), {QStringLiteral("postgres")}).ok()) {
        const QStringList command{
            QStringLiteral("-u"), QStringLiteral("postgres"),
            QStringLiteral("--"), QStringLiteral("test"),
            QStringLiteral("-x"), mRig->rootDir(2) + QStringLiteral("/var/lib")};
        const RigRun run = Rig::run(QStringLiteral("runuser"), command);
        QVERIFY2(run.ok(), qPrintable(run.describe(command)));
    }
}

void TestRig::hostsCannotReachTheInitialNamespace()
{
    QCOMPARE(initialNamespaceState(), mInitialState);

    const Listener listener;
    QVERIFY(listener.port() > 0);
    static const QRegularExpression inet(QStringLiteral(R"(\binet (\d+\.\d+\.\d+\.\d+)/)"));
    QStringList addresses;
    auto it = inet.globalMatch(
        Rig::run(QStringLiteral("ip"), {QStringLiteral("-o"), QStringLiteral("-4"),
                                        QStringLiteral("addr"), QStringLiteral("show")})
            .out);
    while (it.hasNext())
        addresses << it.next().captured(1);
    QVERIFY2(addresses.contains(QStringLiteral("127.0.0.1")), qPrintable(addresses.join(u' ')));
    // The listener answers here, on every address of the initial namespace ...
    for (const QString &address : addresses)
        QVERIFY2(connects(nullptr, {}, address, listener.port()), qPrintable(address));
    // ... and on none of them from inside the rig.
    for (const QString &netns : {mRig->hostNamespace(1), mRig->clientNamespace()}) {
        for (const QString &address : addresses)
            QVERIFY2(!connects(mRig.get(), netns, address, listener.port()),
                     qPrintable(netns + QLatin1Char(' ') + address));
    }
    const RigRun routes = mRig->runOnHost(1, {QStringLiteral("ip"), QStringLiteral("route")});
    QCOMPARE(lines(routes), QStringLiteral("10.%1.0.0/24 dev eth0 proto kernel scope link src %2")
                                .arg(mRig->net())
                                .arg(mRig->address(1)));
}

void TestRig::hostsReachEachOther()
{
    // Replication and backups go host to host over the bridge.
    QVERIFY(connects(mRig.get(), mRig->hostNamespace(1), mRig->address(2), 22));
    QVERIFY(connects(mRig.get(), mRig->hostNamespace(3), mRig->address(1), 22));
}

void TestRig::aHostCanCreateATunDevice()
{
    const QString device = QStringLiteral("tlrigtun0");
    const QList<QStringList> steps{
        {QStringLiteral("ip"), QStringLiteral("tuntap"), QStringLiteral("add"),
         QStringLiteral("dev"), device, QStringLiteral("mode"), QStringLiteral("tun")},
        {QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("set"), device,
         QStringLiteral("up")},
        {QStringLiteral("ip"), QStringLiteral("-o"), QStringLiteral("link"), QStringLiteral("show"),
         device},
        {QStringLiteral("ip"), QStringLiteral("tuntap"), QStringLiteral("del"),
         QStringLiteral("dev"), device, QStringLiteral("mode"), QStringLiteral("tun")}};
    for (const QStringList &step : steps) {
        const RigRun run = mRig->runOnHost(2, step);
        QVERIFY2(run.ok(), qPrintable(run.describe(step)));
        QVERIFY(!Rig::run(QStringLiteral("ip"),
                          {QStringLiteral("link"), QStringLiteral("show"), device})
                     .ok());
    }
    QVERIFY(!mRig->runOnHost(2, steps[2]).ok());
}

void TestRig::s3rverStoresAndListsObjects()
{
    QVERIFY(mRig->s3Endpoint().startsWith(QStringLiteral("http://%1:").arg(mRig->address(3))));
    QCOMPARE(QFileInfo(mRig->s3CurlConfig()).permissions() & 0x0077, QFile::Permissions());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString object = dir.filePath(QStringLiteral("base.tar"));
    QFile file(object);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not really a tarball\n");
    file.close();

    const QString bucket = mRig->s3Endpoint() + QLatin1Char('/') + mRig->s3Bucket();
    const QStringList signedCurl{QStringLiteral("curl"),
                                 QStringLiteral("-sS"),
                                 QStringLiteral("-f"),
                                 QStringLiteral("-K"),
                                 mRig->s3CurlConfig(),
                                 QStringLiteral("-H"),
                                 QStringLiteral("x-amz-content-sha256:UNSIGNED-PAYLOAD")};
    const QStringList put
        = signedCurl
          + QStringList{QStringLiteral("-T"), object, bucket + QStringLiteral("/db-1/base.tar")};
    const RigRun stored = mRig->runOnHost(1, put);
    QVERIFY2(stored.ok(), qPrintable(stored.describe(put)));

    const QStringList list = signedCurl + QStringList{bucket + QStringLiteral("?list-type=2")};
    const RigRun listed = mRig->runInClient(list);
    QVERIFY2(listed.ok(), qPrintable(listed.describe(list)));
    QVERIFY2(listed.out.contains(QStringLiteral("<Key>db-1/base.tar</Key>")),
             qPrintable(listed.out));
    QVERIFY2(listed.out.contains(QStringLiteral("<Size>21</Size>")), qPrintable(listed.out));

    // An unknown access key is refused. (s3rver 3.7.1 does not verify v4 signatures: a wrong
    // secret key with the right access key passes.)
    const QString wrong = dir.filePath(QStringLiteral("wrong.conf"));
    QFile config(wrong);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("user = \"WRONG:WRONG\"\naws-sigv4 = \"aws:amz:us-east-1:s3\"\n");
    config.close();
    QStringList refused = list;
    refused.replaceInStrings(mRig->s3CurlConfig(), wrong);
    refused << QStringLiteral("-o") << QStringLiteral("/dev/null") << QStringLiteral("-w")
            << QStringLiteral("%{http_code}");
    refused.removeAll(QStringLiteral("-f"));
    QCOMPARE(lines(mRig->runInClient(refused)), QStringLiteral("403"));
}

void TestRig::twoRigsRunAtOnce()
{
    // The same addresses on purpose: each rig's namespaces keep them apart.
    Rig other(2, RigOptions{.net = mRig->net()});
    RIG_REQUIRE_UP(other);
    QVERIFY(other.name() != mRig->name());
    QCOMPARE(other.address(1), mRig->address(1));
    for (const Rig *rig : {mRig.get(), &other}) {
        const RigRun run = rig->ssh(1, QStringLiteral("true"));
        QVERIFY2(run.ok(), qPrintable(rig->name() + QLatin1Char(' ') + run.err));
    }
    // Each client reaches its own h1: the other rig's pinned key does not match it.
    QStringList crossed = other.sshCommand(1, QStringLiteral("true"));
    crossed.replaceInStrings(other.knownHostsPath(), mRig->knownHostsPath());
    const RigRun run = other.runInClient(crossed);
    QVERIFY2(run.finished && run.exitCode == 255, qPrintable(run.describe(crossed)));

    const QStringList names = other.namespaces();
    QVERIFY(other.down());
    const QString list
        = Rig::run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("list")}).out;
    for (const QString &ns : names)
        QVERIFY2(!list.contains(ns + QLatin1Char(' ')) && !list.contains(ns + QLatin1Char('\n')),
                 qPrintable(list));
    QVERIFY(mRig->ssh(2, QStringLiteral("true")).ok());
}

void TestRig::aTenHostRig()
{
    QElapsedTimer timer;
    timer.start();
    Rig ten(10);
    RIG_REQUIRE_UP(ten);
    const qint64 up = timer.restart();
    const RigRun run = ten.ssh(10, QStringLiteral("true"));
    QVERIFY2(run.ok(), qPrintable(run.err));
    timer.restart();
    QVERIFY2(ten.down(), qPrintable(ten.error()));
    qInfo("10 hosts up in %lld ms, down in %lld ms", static_cast<long long>(up),
          static_cast<long long>(timer.elapsed()));
}

void TestRig::downLeavesNothing()
{
    // A session left open: down must end it too.
    QProcess session;
    session.start(QStringLiteral("ip"),
                  Rig::netnsExec(mRig->clientNamespace(),
                                 mRig->sshCommand(1, QStringLiteral("echo open; sleep 300"))));
    QVERIFY(session.waitForReadyRead(20000));
    QCOMPARE(session.readAllStandardOutput(), QByteArray("open\n"));

    QList<int> pids;
    for (const QString &ns : mRig->namespaces()) {
        const RigRun run
            = Rig::run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("pids"), ns});
        for (const QString &pid : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            pids << pid.toInt();
    }
    QVERIFY2(pids.size() >= 5, "three sshd, s3rver and the ssh session");
    QVERIFY(!processesMentioning(mRig->dir()).isEmpty());

    QElapsedTimer timer;
    timer.start();
    QVERIFY2(mRig->down(), qPrintable(mRig->error()));
    qInfo("3 hosts and s3rver down in %lld ms", static_cast<long long>(timer.elapsed()));
    QVERIFY(session.waitForFinished(5000));

    const QString list
        = Rig::run(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("list")}).out;
    QVERIFY2(!list.contains(mRig->name() + QLatin1Char('-')), qPrintable(list));
    for (int pid : pids)
        QVERIFY2(hasEnded(pid), qPrintable(QString::number(pid)));
    QStringList left = processesMentioning(mRig->dir());
    left += processesMentioning(QStringLiteral("tail --pid=%1 ").arg(getpid())); // the watcher
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
    QCOMPARE(initialNamespaceState(), mInitialState);
    QVERIFY(mRig->down()); // twice is fine
}

void TestRig::cleanupTestCase()
{
    mRig.reset();
}

QTEST_GUILESS_MAIN(TestRig)
#include "tst_rig.moc"
