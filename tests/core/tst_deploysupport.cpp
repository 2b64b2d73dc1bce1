// The pieces a plan stands on: diffs that read like `diff -u` (checked against diff itself),
// the secrets file (created 0600, refused when others can read it, errors with line and column),
// inventory files checked like a topology's deploy section, and the decoder of the hosts' answers.
#include "core/deploy/base64.h"
#include "core/deploy/secretstore.h"
#include "core/deploy/unifieddiff.h"
#include "core/io/inventoryreader.h"
#include "core/io/topologyreader.h"

#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <fstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace topolab::core;

namespace {

void writeText(const std::string &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary) << text;
}

// Hunks as `diff -u` prints them, without the two header lines (they carry file names and times).
std::string systemDiff(const QTemporaryDir &dir, const std::string &a, const std::string &b)
{
    const std::string pa = dir.filePath(QStringLiteral("a")).toStdString();
    const std::string pb = dir.filePath(QStringLiteral("b")).toStdString();
    writeText(pa, a);
    writeText(pb, b);
    QProcess diff;
    diff.start(QStringLiteral("diff"), {QStringLiteral("-u"), QString::fromStdString(pa), QString::fromStdString(pb)});
    diff.waitForFinished();
    std::string out = diff.readAllStandardOutput().toStdString();
    for (int i = 0; i < 2 && !out.empty(); ++i)
        out.erase(0, out.find('\n') + 1);
    return out;
}

std::string withoutHeader(std::string diff)
{
    for (int i = 0; i < 2 && !diff.empty(); ++i)
        diff.erase(0, diff.find('\n') + 1);
    return diff;
}

const char *const topology = "topolab: 1\n"
                             "name: t\n"
                             "components:\n"
                             "  - {id: app-1, kind: app_server, db_queries: 0}\n";

} // namespace

class DeploySupportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diffEqualsDiffU_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("one line changed") << "a\nb\nc\n" << "a\nB\nc\n";
        QTest::newRow("new file") << "" << "x\ny\n";
        QTest::newRow("emptied") << "x\ny\n" << "";
        QTest::newRow("no newline at end") << "a\nb" << "a\nb\n";
        QTest::newRow("two hunks")
            << "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n"
            << "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\nFOURTEEN\n15\n";
        QTest::newRow("close changes join") << "1\n2\n3\n4\n5\n6\n7\n8\n" << "1\nX\n3\n4\n5\n6\nY\n8\n";
        QTest::newRow("insert at top") << "a\nb\n" << "new\na\nb\n";
    }

    void diffEqualsDiffU()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QTemporaryDir dir;
        const std::string ours = unifiedDiff(before.toStdString(), after.toStdString(), "/etc/x");
        QCOMPARE(ours.substr(0, ours.find('\n')), std::string("--- a/etc/x"));
        QCOMPARE(withoutHeader(ours), systemDiff(dir, before.toStdString(), after.toStdString()));
    }

    void randomTextsDiffLikeDiffU()
    {
        QTemporaryDir dir;
        QRandomGenerator random(42);
        for (int round = 0; round < 60; ++round) {
            std::string a;
            std::string b;
            const int lines = static_cast<int>(random.bounded(40));
            for (int i = 0; i < lines; ++i) {
                const std::string line = "line " + std::to_string(random.bounded(12)) + "\n";
                const int fate = static_cast<int>(random.bounded(10));
                if (fate != 0)
                    a += line;
                if (fate != 1)
                    b += fate == 2 ? "changed " + line : line;
            }
            // Equal hunks are what matters; diff may pick another of several shortest scripts, so
            // compare what applying ours gives: patch(1) must turn a into b.
            const std::string ours = unifiedDiff(a, b, "/f");
            if (a == b) {
                QVERIFY(ours.empty());
                continue;
            }
            const std::string pa = dir.filePath(QStringLiteral("p")).toStdString();
            writeText(pa, a);
            QProcess patch;
            patch.start(QStringLiteral("patch"), {QStringLiteral("-s"), QStringLiteral("-o"),
                                                  dir.filePath(QStringLiteral("out")), QString::fromStdString(pa)});
            patch.write(QByteArray::fromStdString(ours));
            patch.closeWriteChannel();
            QVERIFY(patch.waitForFinished());
            QVERIFY2(patch.exitCode() == 0, patch.readAllStandardError().constData());
            std::ifstream out(dir.filePath(QStringLiteral("out")).toStdString(), std::ios::binary);
            const std::string patched((std::istreambuf_iterator<char>(out)), {});
            QCOMPARE(patched, b);
        }
    }

    void secretsFileIsPrivate()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("s.topolab.secrets.yaml")).toStdString();
        QCOMPARE(SecretStore::pathFor("/x/shop.topolab.yaml"), std::string("/x/shop.topolab.secrets.yaml"));
        SecretStore store;
        QVERIFY(store.load(path).empty()); // none yet
        const std::string generated = store.get("db-1.replication_password");
        QCOMPARE(generated.size(), std::size_t(32));
        QCOMPARE(store.get("db-1.replication_password"), generated);
        QVERIFY(store.changed());
        store.set("odd", "it's \"quoted\": #not a comment");
        QVERIFY(store.save(path).empty());
        struct stat info
        {
        };
        QCOMPARE(::stat(path.c_str(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
        SecretStore again;
        QVERIFY(again.load(path).empty());
        QCOMPARE(*again.find("db-1.replication_password"), generated);
        QCOMPARE(*again.find("odd"), std::string("it's \"quoted\": #not a comment"));
        QVERIFY(!again.changed());

        ::chmod(path.c_str(), 0644);
        const std::string refused = SecretStore().load(path);
        QVERIFY2(refused.find("chmod 600") != std::string::npos, refused.c_str());
    }

    // A secrets path that is a pipe or a directory is refused at once: a pipe with no writer
    // would block the reader for ever.
    void secretsPathThatIsNoFileIsRefused()
    {
        QTemporaryDir dir;
        const std::string pipe = dir.filePath(QStringLiteral("p.topolab.secrets.yaml")).toStdString();
        QCOMPARE(::mkfifo(pipe.c_str(), 0600), 0);
        const std::string refusedPipe = SecretStore().load(pipe);
        QVERIFY2(refusedPipe.starts_with(pipe + ": is not a regular file"), refusedPipe.c_str());
        const std::string folder = dir.filePath(QStringLiteral("d")).toStdString();
        QCOMPARE(::mkdir(folder.c_str(), 0700), 0);
        const std::string refusedFolder = SecretStore().load(folder);
        QVERIFY2(refusedFolder.starts_with(folder + ": is not a regular file"), refusedFolder.c_str());
    }

    void malformedSecretsNamePlace()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("bad.yaml")).toStdString();
        writeText(path, "secrets:\n  a: [unclosed\n");
        ::chmod(path.c_str(), 0600);
        const std::string error = SecretStore().load(path);
        QVERIFY2(error.find(path + ":") == 0 && error.find(":3:") != std::string::npos, error.c_str());
        writeText(path, "secrets:\n  a: {b: 1}\n");
        const std::string nested = SecretStore().load(path);
        QVERIFY2(nested.find(":2:6:") != std::string::npos, nested.c_str());
    }

    void inventoryReplacesHosts()
    {
        const LoadResult base = readTopology(topology);
        QVERIFY(base.ok());
        const InventoryResult inventory = readInventory(
            "deploy:\n  hosts:\n    - {component: app-1, address: 10.0.0.5, port: 2222}\n", *base.topology);
        QVERIFY(inventory.topology);
        QCOMPARE(inventory.topology->deployHosts.size(), std::size_t(1));
        QCOMPARE(inventory.topology->deployHosts[0].params.integer("port"), std::int64_t(2222));
    }

    void inventoryErrorsNamePlace_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("unknown component") << "deploy:\n  hosts:\n    - {component: app-9, address: a}\n" << 3 << 19;
        QTest::newRow("port out of range") << "deploy:\n  hosts:\n    - {component: app-1, address: a, port: 70000}\n" << 3 << 44;
        QTest::newRow("unknown key") << "deploy:\n  hosts:\n    - {component: app-1, address: a, pasword: x}\n" << 3 << 38;
        QTest::newRow("not deploy") << "hosts: []\n" << 1 << 1;
        QTest::newRow("broken yaml") << "deploy: {hosts: [\n" << 1 << -1;
    }

    void inventoryErrorsNamePlace()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        const LoadResult base = readTopology(topology);
        const InventoryResult inventory = readInventory(text.toStdString(), *base.topology);
        QVERIFY(!inventory.topology);
        QVERIFY(!inventory.diagnostics.empty());
        QCOMPARE(static_cast<int>(inventory.diagnostics[0].location.line), line);
        if (column > 0)
            QCOMPARE(static_cast<int>(inventory.diagnostics[0].location.column), column);
    }

    // An inventory is read like a topology file: a directory, a missing file and a device that
    // never ends are each refused with a reason, the last after the size limit.
    void unreadableInventoriesAreRefused()
    {
        const LoadResult base = readTopology(topology);
        QTemporaryDir dir;
        const auto firstMessage = [&](const std::string &path) {
            const InventoryResult inventory = loadInventoryFile(path, *base.topology);
            return inventory.topology || inventory.diagnostics.empty()
                       ? std::string("accepted")
                       : inventory.diagnostics[0].code + ": " + inventory.diagnostics[0].message;
        };
        QCOMPARE(firstMessage(dir.path().toStdString()),
                 std::string("io: is a directory, not an inventory file"));
        QVERIFY(firstMessage(dir.filePath(QStringLiteral("none.yaml")).toStdString())
                    .starts_with("io: cannot open: No such file"));
        if (!QFileInfo::exists(QStringLiteral("/dev/zero")))
            QSKIP("no /dev/zero");
        // A reader that does not stop would fill the memory: cap the address space meanwhile.
        rlimit previous{};
        QCOMPARE(getrlimit(RLIMIT_AS, &previous), 0);
        long pages = 0;
        std::ifstream("/proc/self/statm") >> pages;
        QVERIFY(pages > 0);
        rlimit capped = previous;
        capped.rlim_cur = std::min<rlim_t>(
            previous.rlim_cur, rlim_t(pages) * rlim_t(sysconf(_SC_PAGESIZE)) + (rlim_t(1) << 30));
        QCOMPARE(setrlimit(RLIMIT_AS, &capped), 0);
        std::string endless;
        try {
            endless = firstMessage("/dev/zero");
        } catch (const std::bad_alloc &) {
            endless = "ran out of memory";
        }
        setrlimit(RLIMIT_AS, &previous);
        QVERIFY2(endless.starts_with("file-too-large"), endless.c_str());
    }

    void base64ReadsWhatCoreutilsWrites()
    {
        QProcess encode;
        encode.start(QStringLiteral("base64"), {QStringLiteral("-w0")});
        const QByteArray data("any\0bytes\xff\n at all", 17);
        encode.write(data);
        encode.closeWriteChannel();
        QVERIFY(encode.waitForFinished());
        const auto decoded = decodeBase64(encode.readAllStandardOutput().toStdString());
        QVERIFY(decoded);
        QCOMPARE(QByteArray::fromStdString(*decoded), data);
        QVERIFY(!decodeBase64("abc"));
        QVERIFY(!decodeBase64("ab!d"));
        QCOMPARE(*decodeBase64(""), std::string());
    }
};

QTEST_GUILESS_MAIN(DeploySupportTest)
#include "tst_deploysupport.moc"
