// Autosave and recent files: a modified document is copied to the autosave folder on a timer
// and the copy goes away when saved; a crash leaves a leftover that recovery restores byte for
// byte; the recent files list keeps order, one entry per file, ten at most, existing files only.
#include "designer/autosave.h"
#include "designer/recentfiles.h"
#include "document/topologydocument.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

#include <topolab/version.h>

using namespace topolab;
using namespace topolab::app;
using namespace std::chrono_literals;

namespace {

QString examplePath()
{
    return QStringLiteral(TOPOLAB_EXAMPLES "/single-region.topolab.yaml");
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray bytes(const TopologyDocument &doc)
{
    return QByteArray::fromStdString(doc.serialized());
}

QString firstComponent(const TopologyDocument &doc)
{
    return QString::fromStdString(doc.topology().components.front().id);
}

std::unique_ptr<TopologyDocument> openExample()
{
    auto doc = std::make_unique<TopologyDocument>(QStringLiteral(TOPOLAB_EXAMPLES));
    if (!doc->open(examplePath()).empty())
        return nullptr;
    return doc;
}

void touch(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x");
}

} // namespace

class TestAutosave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingWrittenWhileUnmodified();
    void writesModifiedDocumentAndRemovesCopyOnSave();
    void untitledDocumentGetsSessionName();
    void recoversLeftoverAfterCrash();
    void recoverableSkipsCorruptSidecarsAndSortsNewestFirst();
    void recentFilesOrderAndDeduplication();
    void recentFilesLimitAndVanishedFiles();
};

void TestAutosave::nothingWrittenWhileUnmodified()
{
    QTemporaryDir dir;
    auto doc = openExample();
    QVERIFY(doc);
    Autosave autosave(doc.get(), dir.path());
    autosave.setInterval(20ms);
    QVERIFY(!autosave.writeNow());
    QTest::qWait(100);
    QVERIFY(QDir(dir.path()).isEmpty());
    QVERIFY(Autosave::recoverable(dir.path()).isEmpty());
}

void TestAutosave::writesModifiedDocumentAndRemovesCopyOnSave()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("autosave"));
    auto doc = openExample();
    QVERIFY(doc);
    Autosave autosave(doc.get(), folder);
    QCOMPARE(autosave.interval(), Autosave::defaultInterval);
    autosave.setInterval(50ms);
    const QString copy = autosave.autosavePath();
    QVERIFY(copy.endsWith(QStringLiteral(".topolab.yaml")));
    QVERIFY(copy.startsWith(folder + QStringLiteral("/single-region-")));

    QVERIFY(doc->setLabel(firstComponent(*doc), QStringLiteral("First edit")));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(copy), 1000);
    QTRY_COMPARE_WITH_TIMEOUT(fileBytes(copy), bytes(*doc), 1000);

    const QJsonObject sidecar = QJsonDocument::fromJson(fileBytes(autosave.sidecarPath())).object();
    QCOMPARE(sidecar.value(QStringLiteral("originalPath")).toString(),
             QFileInfo(examplePath()).absoluteFilePath());
    QCOMPARE(sidecar.value(QStringLiteral("displayName")).toString(), doc->displayName());
    QCOMPARE(sidecar.value(QStringLiteral("version")).toString(),
             QString::fromUtf8(topolab::versionString));

    QVERIFY(doc->setLabel(firstComponent(*doc), QStringLiteral("Second edit")));
    QVERIFY(fileBytes(copy) != bytes(*doc));
    QTRY_COMPARE_WITH_TIMEOUT(fileBytes(copy), bytes(*doc), 1000);

    // Undo back to the saved state: nothing to keep.
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QVERIFY(!doc->isModified());
    QVERIFY(!QFile::exists(copy));
    QVERIFY(!QFile::exists(autosave.sidecarPath()));

    QVERIFY(doc->setLabel(firstComponent(*doc), QStringLiteral("Third edit")));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(copy), 1000);
    QVERIFY(!doc->saveAs(dir.filePath(QStringLiteral("saved.topolab.yaml"))));
    QVERIFY(!QFile::exists(copy));
    QVERIFY(Autosave::recoverable(folder).isEmpty());
    QVERIFY(autosave.autosavePath() != copy); // the name follows the new path
}

void TestAutosave::untitledDocumentGetsSessionName()
{
    QTemporaryDir dir;
    TopologyDocument doc{QStringLiteral(TOPOLAB_EXAMPLES)};
    QVERIFY(doc.newFromTemplate(TopologyDocument::Template::SingleRegion).empty());
    Autosave first(&doc, dir.path());
    Autosave second(&doc, dir.path());
    QVERIFY(QFileInfo(first.autosavePath()).fileName().startsWith(QStringLiteral("untitled-")));
    QVERIFY(first.autosavePath() != second.autosavePath());

    QVERIFY(doc.setLabel(firstComponent(doc), QStringLiteral("Edited")));
    QVERIFY(first.writeNow());
    const QList<Autosave::Entry> entries = Autosave::recoverable(dir.path());
    QCOMPARE(entries.size(), 1);
    QVERIFY(entries.front().originalPath.isEmpty());
    QCOMPARE(entries.front().displayName, doc.displayName());

    first.discard();
    QVERIFY(Autosave::recoverable(dir.path()).isEmpty());
}

void TestAutosave::recoversLeftoverAfterCrash()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("autosave"));
    QByteArray lost;
    {
        auto doc = openExample();
        QVERIFY(doc);
        auto autosave = std::make_unique<Autosave>(doc.get(), folder);
        autosave->setInterval(50ms);
        QVERIFY(doc->setLabel(firstComponent(*doc), QStringLiteral("Unsaved work")));
        lost = bytes(*doc);
        QTRY_COMPARE_WITH_TIMEOUT(fileBytes(autosave->autosavePath()), lost, 1000);
        autosave.reset(); // the process dies: no discard()
    }

    const QList<Autosave::Entry> entries = Autosave::recoverable(folder);
    QCOMPARE(entries.size(), 1);
    const Autosave::Entry entry = entries.front();
    QCOMPARE(entry.originalPath, QFileInfo(examplePath()).absoluteFilePath());
    QCOMPARE(entry.displayName, QStringLiteral("single-region.topolab.yaml"));
    QCOMPARE(entry.version, QString::fromUtf8(topolab::versionString));
    QVERIFY(entry.written.isValid());
    QVERIFY(entry.written <= QDateTime::currentDateTimeUtc());

    TopologyDocument recovered{QStringLiteral(TOPOLAB_EXAMPLES)};
    Autosave autosave(&recovered, folder);
    autosave.setInterval(50ms);
    QSignalSpy modified(&recovered, &TopologyDocument::modifiedChanged);
    QVERIFY(Autosave::recover(entry, &recovered));
    QCOMPARE(bytes(recovered), lost);
    // Until the recovered work is saved or autosaved again, the leftover is its only copy.
    QCOMPARE(fileBytes(entry.autosavePath), lost);
    QVERIFY(recovered.isModified());
    QCOMPARE(modified.size(), 1);
    QCOMPARE(autosave.autosavePath(), entry.autosavePath); // keeps updating the same leftover

    // A further edit, then undo: still modified, the leftover follows and keeps its origin.
    QVERIFY(recovered.setLabel(firstComponent(recovered), QStringLiteral("More work")));
    QTRY_COMPARE_WITH_TIMEOUT(fileBytes(entry.autosavePath), bytes(recovered), 1000);
    recovered.undoStack()->undo();
    QVERIFY(recovered.isModified());
    QCOMPARE(Autosave::recoverable(folder).front().originalPath, entry.originalPath);

    // The window saves to the original target (here a copy, to leave the example alone).
    QVERIFY(!recovered.saveAs(dir.filePath(QStringLiteral("single-region.topolab.yaml"))));
    QVERIFY(!recovered.isModified());
    QVERIFY(Autosave::recoverable(folder).isEmpty());
    QCOMPARE(fileBytes(dir.filePath(QStringLiteral("single-region.topolab.yaml"))), lost);
}

void TestAutosave::recoverableSkipsCorruptSidecarsAndSortsNewestFirst()
{
    QTemporaryDir dir;
    TopologyDocument older{QStringLiteral(TOPOLAB_EXAMPLES)};
    TopologyDocument newer{QStringLiteral(TOPOLAB_EXAMPLES)};
    QVERIFY(older.newFromTemplate(TopologyDocument::Template::SingleRegion).empty());
    QVERIFY(newer.newFromTemplate(TopologyDocument::Template::MultiRegion).empty());
    Autosave olderAutosave(&older, dir.path());
    Autosave newerAutosave(&newer, dir.path());
    QVERIFY(older.setLabel(firstComponent(older), QStringLiteral("Older")));
    QVERIFY(newer.setLabel(firstComponent(newer), QStringLiteral("Newer")));
    QVERIFY(olderAutosave.writeNow());
    QTest::qWait(5);
    QVERIFY(newerAutosave.writeNow());

    // Garbage, a sidecar without a time, and a sidecar whose copy is gone.
    QFile garbage(dir.filePath(QStringLiteral("garbage.json")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("{ not json");
    garbage.close();
    touch(dir.filePath(QStringLiteral("garbage.topolab.yaml")));
    QFile incomplete(dir.filePath(QStringLiteral("incomplete.json")));
    QVERIFY(incomplete.open(QIODevice::WriteOnly));
    incomplete.write(R"({"originalPath": "", "displayName": "x"})");
    incomplete.close();
    touch(dir.filePath(QStringLiteral("incomplete.topolab.yaml")));
    QVERIFY(QFile::copy(olderAutosave.sidecarPath(), dir.filePath(QStringLiteral("orphan.json"))));

    const QList<Autosave::Entry> entries = Autosave::recoverable(dir.path());
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).autosavePath, newerAutosave.autosavePath());
    QCOMPARE(entries.at(1).autosavePath, olderAutosave.autosavePath());
    QVERIFY(entries.at(0).written > entries.at(1).written);

    TopologyDocument broken{QStringLiteral(TOPOLAB_EXAMPLES)};
    Autosave::Entry garbageEntry;
    garbageEntry.autosavePath = dir.filePath(QStringLiteral("garbage.topolab.yaml"));
    QVERIFY(!Autosave::recover(garbageEntry, &broken));
    QVERIFY(!broken.isModified());

    Autosave::remove(entries.at(1));
    QCOMPARE(Autosave::recoverable(dir.path()).size(), 1);
}

void TestAutosave::recentFilesOrderAndDeduplication()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    RecentFiles recent(settings);
    QSignalSpy changed(&recent, &RecentFiles::changed);
    const QString a = dir.filePath(QStringLiteral("a.topolab.yaml"));
    const QString b = dir.filePath(QStringLiteral("b.topolab.yaml"));
    touch(a);
    touch(b);
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));

    recent.add(a);
    recent.add(b);
    QCOMPARE(recent.list(), QStringList({b, a}));
    recent.add(dir.filePath(QStringLiteral("sub/../a.topolab.yaml"))); // same file
    QCOMPARE(recent.list(), QStringList({a, b}));
    QCOMPARE(changed.size(), 3);
    recent.add(a); // already first: no change
    QCOMPARE(changed.size(), 3);

    // Stored in the settings file, read back by a new instance.
    settings.sync();
    QSettings reread(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QCOMPARE(reread.value(QStringLiteral("recentFiles")).toStringList(), QStringList({a, b}));
    QCOMPARE(RecentFiles(reread).list(), QStringList({a, b}));

    recent.remove(b);
    QCOMPARE(recent.list(), QStringList({a}));
    recent.clear();
    QVERIFY(recent.list().isEmpty());
    QCOMPARE(changed.size(), 5);
}

void TestAutosave::recentFilesLimitAndVanishedFiles()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    RecentFiles recent(settings);
    QStringList files;
    for (int i = 0; i < 12; ++i) {
        files.append(dir.filePath(QStringLiteral("file%1.topolab.yaml").arg(i)));
        touch(files.back());
        recent.add(files.back());
    }
    QCOMPARE(recent.list().size(), RecentFiles::maxCount);
    QCOMPARE(recent.list().front(), files.at(11));
    QCOMPARE(recent.list().back(), files.at(2));

    QVERIFY(QFile::remove(files.at(11)));
    QVERIFY(QFile::remove(files.at(5)));
    QCOMPARE(recent.list().size(), RecentFiles::maxCount - 2);
    QCOMPARE(recent.list().front(), files.at(10));
    QVERIFY(!recent.list().contains(files.at(5)));

    // A vanished file frees its slot for the next one.
    const QString next = dir.filePath(QStringLiteral("next.topolab.yaml"));
    touch(next);
    recent.add(next);
    QCOMPARE(recent.list().size(), RecentFiles::maxCount - 1);
    QCOMPARE(settings.value(QStringLiteral("recentFiles")).toStringList(), recent.list());
}

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
