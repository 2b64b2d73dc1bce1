// The designer window's file flows: a file that fails to load, New from a template with the
// question before a modified document is discarded, Save and Save As writing atomically and
// byte-identical round trips, Open Recent, crash recovery, and files dropped on the window. Runs
// on the offscreen platform with its own settings, autosave folder and folder for the files it
// writes. The window's menus, docks and commands have their own suite (tst_mainwindow).

#include "windowtesthelpers.h"

#include "canvas/designscene.h"
#include "canvas/designview.h"
#include "designer/autosave.h"
#include "designer/issuespanel.h"
#include "gui/designeractions.h"
#include "gui/documentfiles.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTreeWidget>
#include <QUrl>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace topolab;
using namespace topolab::app;
using namespace windowtest;

namespace {

// Sends a drag of `path` onto `target` at its middle, then the drop when the drag is accepted.
bool dropFile(QWidget *target, const QString &path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace

class TestWindowFiles : public QObject, public WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void malformedFileKeepsDocumentAndListsErrors();
    void newFromTemplateAsksBeforeDiscarding();
    void saveAsWritesAtomically();
    void openThenSaveIsByteIdentical_data();
    void openThenSaveIsByteIdentical();
    void recentFilesReopen();
    void crashCopyIsRecoveredAsTheOriginalFile();
    void crashCopyCanBeDiscardedOrKept();
    void droppedFilesOpen();
};

void TestWindowFiles::initTestCase()
{
    startSuite(QStringLiteral("tst_windowfiles"));
}

void TestWindowFiles::init()
{
    startTest();
}

void TestWindowFiles::cleanup()
{
    closeDialogs();
}

// ---- Opening

void TestWindowFiles::malformedFileKeepsDocumentAndListsErrors()
{
    const auto window = makeWindow();
    QVERIFY(window);
    const QString good = examplePath(QStringLiteral("single-region"));
    QVERIFY(window->openFile(good));
    const QByteArray before = bytes(window->document());
    const QString title = window->windowTitle();

    const QString bad = dataPath(QStringLiteral("syntax-error"));
    QVERIFY(!window->openFile(bad));
    QCOMPARE(bytes(window->document()), before);
    QCOMPARE(window->document()->filePath(), good);
    QCOMPARE(window->windowTitle(), title);
    QVERIFY(!window->isWindowModified());
    QCOMPARE(window->scene()->componentItem(QStringLiteral("lb-1")) != nullptr, true);

    auto *box = window->findChild<QMessageBox *>(QStringLiteral("loadErrorBox"));
    QVERIFY(box);
    QVERIFY(box->isVisible());
    // The window stays usable while the box is up.
    QCOMPARE(box->windowModality(), Qt::NonModal);
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
    QVERIFY2(box->text().contains(QFileInfo(bad).fileName()), qPrintable(box->text()));

    const QStringList lines = box->detailedText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    const QRegularExpression located(QLatin1Char('^') + QRegularExpression::escape(bad)
                                     + QStringLiteral(":(\\d+):(\\d+): error: \\S"));
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = located.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        QVERIFY(match.captured(1).toInt() >= 4); // the broken mapping opens on line 4
        QVERIFY(match.captured(2).toInt() >= 1);
    }

    IssuesPanel *issues = window->issuesDock();
    QVERIFY(issues->isVisible());
    QVERIFY(issues->showsLoadErrors());
    QCOMPARE(issues->list()->topLevelItemCount(), lines.size());
    for (int i = 0; i < lines.size(); ++i)
        QCOMPARE(issues->list()->topLevelItem(i)->text(0), lines.at(i));

    // Another failure updates the same box rather than stacking a second one.
    const QString missing = mFilesDir->filePath(QStringLiteral("gone.topolab.yaml"));
    QVERIFY(!window->openFile(missing));
    QCOMPARE(window->findChildren<QMessageBox *>(QStringLiteral("loadErrorBox")).size(), 1);
    box = window->findChild<QMessageBox *>(QStringLiteral("loadErrorBox"));
    QVERIFY(box->isVisible());
    QVERIFY2(box->detailedText().startsWith(missing + QLatin1Char(':')),
             qPrintable(box->detailedText()));
    QCOMPARE(bytes(window->document()), before);
}

// ---- New and Save

void TestWindowFiles::newFromTemplateAsksBeforeDiscarding()
{
    const auto window = makeWindow();
    QVERIFY(window);
    TopologyDocument *document = window->document();
    DesignerActions *a = window->actions();
    const auto noAnswer = [](QMessageBox *) {
    };

    // Unmodified: the template replaces the document without a question.
    Modal modal = answerModal<QMessageBox>([a] { a->newSingleRegion->trigger(); }, noAnswer);
    QVERIFY(!modal.answered);
    QCOMPARE(modal.others, QStringList());
    QCOMPARE(bytes(document), fileBytes(examplePath(QStringLiteral("single-region"))));
    QCOMPARE(document->filePath(), QString());
    QVERIFY(!document->isModified());
    QCOMPARE(window->windowTitle(), QStringLiteral("Untitled[*] — Topolab"));
    QVERIFY(window->scene()->componentItem(QStringLiteral("backup-1")));

    modal = answerModal<QMessageBox>([a] { a->newMultiRegion->trigger(); }, noAnswer);
    QVERIFY(!modal.answered);
    const QByteArray multi = fileBytes(examplePath(QStringLiteral("multi-region")));
    QCOMPARE(bytes(document), multi);

    // Modified: Cancel keeps the edit, Discard takes the template.
    window->scene()->selectIds({QStringLiteral("www")});
    a->remove->trigger();
    QVERIFY(document->isModified());
    const QByteArray edited = bytes(document);
    QVERIFY(edited != multi);
    QString question;
    modal = answerModal<QMessageBox>([a] { a->newSingleRegion->trigger(); },
                                     [&question](QMessageBox *box) {
                                         question = box->text();
                                         box->button(QMessageBox::Cancel)->click();
                                     });
    QVERIFY(modal.answered);
    QCOMPARE(question, QStringLiteral("Save the changes to Untitled?"));
    QCOMPARE(bytes(document), edited);
    QVERIFY(document->isModified());

    modal = answerModal<QMessageBox>(
        [a] { a->newSingleRegion->trigger(); },
        [](QMessageBox *box) { box->button(QMessageBox::Discard)->click(); });
    QVERIFY(modal.answered);
    QCOMPARE(modal.others, QStringList());
    QCOMPARE(bytes(document), fileBytes(examplePath(QStringLiteral("single-region"))));
    QVERIFY(!document->isModified());
    QVERIFY(!window->isWindowModified());

    // Blank empties the canvas.
    a->newBlank->trigger();
    QVERIFY(document->topology().components.empty());
    QCOMPARE(window->scene()->componentItem(QStringLiteral("www")), nullptr);
}

void TestWindowFiles::saveAsWritesAtomically()
{
    const auto window = makeWindow();
    QVERIFY(window);
    TopologyDocument *document = window->document();
    const QByteArray example = fileBytes(examplePath(QStringLiteral("single-region")));
    window->actions()->newSingleRegion->trigger();

    // A name without the extension gets it.
    const QString chosen = mFilesDir->filePath(QStringLiteral("shop"));
    const QString path = chosen + QStringLiteral(".topolab.yaml");
    QString suggested;
    const Modal modal
        = answerModal<QFileDialog>([&window] { window->actions()->saveAs->trigger(); },
                                   [&chosen, &suggested](QFileDialog *dialog) {
                                       suggested = dialog->selectedFiles().value(0);
                                       chooseFile(dialog, chosen);
                                   });
    QVERIFY(modal.answered);
    QCOMPARE(modal.others, QStringList());
    QVERIFY2(suggested.endsWith(QStringLiteral("/Single region.topolab.yaml")),
             qPrintable(suggested));
    QCOMPARE(document->filePath(), path);
    QCOMPARE(fileBytes(path), example);
    QVERIFY(!document->isModified());
    QCOMPARE(window->statusBar()->currentMessage(),
             QStringLiteral("Saved ") + QDir::toNativeSeparators(path));
    // Remembered in Open Recent.
    QStringList recent;
    for (QAction *action : window->actions()->recentMenu()->actions())
        recent.append(action->statusTip());
    QVERIFY2(recent.contains(QDir::toNativeSeparators(path)), qPrintable(recent.join(u',')));
    QCOMPARE(QDir(mFilesDir->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList({QStringLiteral("shop.topolab.yaml")}));

    // Saving again replaces the file by a new one in one step: a second name for the old file
    // still reads the old bytes, and no temporary file is left.
#ifdef Q_OS_UNIX
    const QString earlier = mFilesDir->filePath(QStringLiteral("earlier"));
    QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(earlier).constData()),
             0);
#endif
    window->scene()->selectIds({QStringLiteral("backup-1")});
    window->actions()->remove->trigger();
    QVERIFY(document->isModified());
    const Modal again
        = answerModal<QDialog>([&window] { window->actions()->save->trigger(); }, [](QDialog *) {});
    QVERIFY(!again.answered);
    QVERIFY(!document->isModified());
    QCOMPARE(fileBytes(path), bytes(document));
    QVERIFY(fileBytes(path) != example);
#ifdef Q_OS_UNIX
    QCOMPARE(fileBytes(earlier), example);
    QCOMPARE(QDir(mFilesDir->path()).entryList(QDir::Files | QDir::Hidden),
             QStringList({QStringLiteral("earlier"), QStringLiteral("shop.topolab.yaml")}));
#endif

    // A bare name that is an existing file's with the extension asks before replacing it.
    window->actions()->newMultiRegion->trigger();
    QVERIFY(!document->isModified());
    const QByteArray kept = fileBytes(path);
    const Modal replace
        = answerModal<QFileDialog>([&window] { window->actions()->saveAs->trigger(); },
                                   [&chosen](QFileDialog *dialog) { chooseFile(dialog, chosen); });
    QVERIFY(replace.answered);
    // The question (rejected: No), then the file dialog again (rejected: Cancel).
    QCOMPARE(replace.others.size(), 2);
    QCOMPARE(fileBytes(path), kept);
    QCOMPARE(document->filePath(), QString());
    window->actions()->newBlank->trigger();
    QVERIFY(window->openFile(path));

    // What was saved opens to the same bytes.
    QCOMPARE(bytes(document), kept);
}

void TestWindowFiles::openThenSaveIsByteIdentical_data()
{
    QTest::addColumn<QString>("example");
    QTest::newRow("single-region") << QStringLiteral("single-region");
    QTest::newRow("multi-region") << QStringLiteral("multi-region");
}

void TestWindowFiles::openThenSaveIsByteIdentical()
{
    QFETCH(QString, example);
    const auto window = makeWindow();
    QVERIFY(window);
    const QByteArray original = fileBytes(examplePath(example));
    QVERIFY(!original.isEmpty());
    const QString path = mFilesDir->filePath(example + QStringLiteral(".topolab.yaml"));
    QVERIFY(QFile::copy(examplePath(example), path));

    QVERIFY(window->openFile(path));
    window->actions()->save->trigger();
    QCOMPARE(fileBytes(path), original);

    const QString copy = mFilesDir->filePath(QStringLiteral("copy.topolab.yaml"));
    const Modal modal
        = answerModal<QFileDialog>([&window] { window->actions()->saveAs->trigger(); },
                                   [&copy](QFileDialog *dialog) { chooseFile(dialog, copy); });
    QVERIFY(modal.answered);
    QCOMPARE(fileBytes(copy), original);
    QVERIFY(window->openFile(copy));
    QCOMPARE(bytes(window->document()), original);
}

// ---- Open Recent, crash recovery and dropped files

void TestWindowFiles::recentFilesReopen()
{
    const auto window = makeWindow();
    QVERIFY(window);
    QMenu *recent = window->actions()->recentMenu();
    // Only the disabled Clear Menu.
    QCOMPARE(recent->actions().size(), 1);
    QVERIFY(!recent->actions().constFirst()->isEnabled());

    // An ampersand in a file name is shown, not taken for a mnemonic.
    const QString path = mFilesDir->filePath(QStringLiteral("R&D.topolab.yaml"));
    QVERIFY(QFile::copy(examplePath(QStringLiteral("single-region")), path));
    QVERIFY(window->openFile(path));
    QVERIFY(window->openFile(examplePath(QStringLiteral("multi-region"))));
    const QList<QAction *> entries = recent->actions();
    QCOMPARE(entries.size(), 4); // two files, a separator, Clear Menu
    QCOMPARE(entries.at(0)->text(), QStringLiteral("&1 multi-region.topolab.yaml"));
    QCOMPARE(entries.at(1)->text(), QStringLiteral("&2 R&&D.topolab.yaml"));
    QCOMPARE(entries.at(1)->statusTip(), QDir::toNativeSeparators(path));

    entries.at(1)->trigger();
    QCOMPARE(window->document()->filePath(), path);
    QCOMPARE(recent->actions().at(0)->text(), QStringLiteral("&1 R&&D.topolab.yaml"));
    recent->actions().constLast()->trigger();
    QCOMPARE(recent->actions().size(), 1);
}

void TestWindowFiles::crashCopyIsRecoveredAsTheOriginalFile()
{
    const QString path = mFilesDir->filePath(QStringLiteral("shop.topolab.yaml"));
    QVERIFY(QFile::copy(examplePath(QStringLiteral("single-region")), path));
    QByteArray edited;
    {
        auto crashed = makeWindow();
        QVERIFY(crashed);
        QVERIFY(crashed->openFile(path));
        crashed->scene()->selectIds({QStringLiteral("backup-1")});
        crashed->actions()->remove->trigger();
        edited = bytes(crashed->document());
        QVERIFY(crashed->files()->autosave()->writeNow());
        // Gone without closing: no question, no save, as after a crash.
    }
    QCOMPARE(Autosave::recoverable(mAutosaveDir->path()).size(), 1);
    QVERIFY(fileBytes(path) != edited);

    const auto window = makeWindow();
    QVERIFY(window);
    QString question;
    const Modal modal = answerModal<QMessageBox>([&window] { window->offerRecovery(); },
                                                 [&question](QMessageBox *box) {
                                                     question = box->informativeText();
                                                     clickButton(box, QStringLiteral("Recover"));
                                                 });
    QVERIFY(modal.answered);
    QCOMPARE(modal.others, QStringList());
    QVERIFY2(question.contains(QDir::toNativeSeparators(path)), qPrintable(question));
    TopologyDocument *document = window->document();
    QCOMPARE(bytes(document), edited);
    QVERIFY(document->isModified());
    QVERIFY(window->isWindowModified());
    QCOMPARE(document->filePath(), path);
    QCOMPARE(window->windowTitle(), QStringLiteral("shop.topolab.yaml[*] — Topolab"));
    QCOMPARE(window->scene()->componentItem(QStringLiteral("backup-1")), nullptr);
    // Still kept until it is saved, now as this window's copy.
    const QList<Autosave::Entry> kept = Autosave::recoverable(mAutosaveDir->path());
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.constFirst().originalPath, path);
    QCOMPARE(kept.constFirst().autosavePath, window->files()->autosave()->autosavePath());
    QCOMPARE(fileBytes(kept.constFirst().autosavePath), edited);

    // Save writes the original file, and the copy goes.
    window->actions()->save->trigger();
    QCOMPARE(fileBytes(path), edited);
    QVERIFY(!document->isModified());
    QCOMPARE(Autosave::recoverable(mAutosaveDir->path()).size(), 0);
}

void TestWindowFiles::crashCopyCanBeDiscardedOrKept()
{
    {
        auto crashed = makeWindow();
        QVERIFY(crashed);
        crashed->actions()->newMultiRegion->trigger();
        crashed->scene()->selectIds({QStringLiteral("www")});
        crashed->actions()->remove->trigger();
        QVERIFY(crashed->files()->autosave()->writeNow());
    }
    QCOMPARE(Autosave::recoverable(mAutosaveDir->path()).size(), 1);
    const QString leftover = Autosave::recoverable(mAutosaveDir->path()).constFirst().autosavePath;

    const auto window = makeWindow();
    QVERIFY(window);
    const QByteArray blank = bytes(window->document());
    Modal modal = answerModal<QMessageBox>(
        [&window] { window->offerRecovery(); },
        [](QMessageBox *box) { clickButton(box, QStringLiteral("Later")); });
    QVERIFY(modal.answered);
    QVERIFY(QFile::exists(leftover));
    QCOMPARE(bytes(window->document()), blank);

    modal = answerModal<QMessageBox>(
        [&window] { window->offerRecovery(); },
        [](QMessageBox *box) { clickButton(box, QStringLiteral("Discard")); });
    QVERIFY(modal.answered);
    QCOMPARE(modal.others, QStringList());
    QVERIFY(!QFile::exists(leftover));
    QCOMPARE(Autosave::recoverable(mAutosaveDir->path()).size(), 0);
    QCOMPARE(bytes(window->document()), blank);
    QVERIFY(!window->document()->isModified());

    // Nothing left: no question.
    modal = answerModal<QMessageBox>([&window] { window->offerRecovery(); }, [](QMessageBox *) {});
    QVERIFY(!modal.answered);
}

void TestWindowFiles::droppedFilesOpen()
{
    const auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->acceptDrops());
    QWidget *viewport = window->view()->viewport();
    QVERIFY(viewport->acceptDrops());

    // On the canvas.
    const QString single = examplePath(QStringLiteral("single-region"));
    QVERIFY(dropFile(viewport, single));
    QTRY_COMPARE(window->document()->filePath(), single);
    QCOMPARE(bytes(window->document()), fileBytes(single));

    // Anywhere else on the window.
    const QString multi = examplePath(QStringLiteral("multi-region"));
    QVERIFY(dropFile(window.get(), multi));
    QTRY_COMPARE(window->document()->filePath(), multi);
    QCOMPARE(bytes(window->document()), fileBytes(multi));

    // What is not a local file is refused at the door.
    QMimeData web;
    web.setUrls({QUrl(QStringLiteral("https://example.com/a.topolab.yaml"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window.get(), &enter);
    QVERIFY(!enter.isAccepted());
    QDragEnterEvent onCanvas(QPoint(10, 10), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &onCanvas);
    QVERIFY(!onCanvas.isAccepted());

    // A modified document asks first; Cancel keeps it.
    window->scene()->selectIds({QStringLiteral("www")});
    window->actions()->remove->trigger();
    const QByteArray edited = bytes(window->document());
    Modal modal = answerModal<QMessageBox>(
        [&] {
            QVERIFY(dropFile(viewport, single));
            QTest::qWait(50);
        },
        [](QMessageBox *box) { box->button(QMessageBox::Cancel)->click(); });
    QVERIFY(modal.answered);
    QCOMPARE(window->document()->filePath(), multi);
    QCOMPARE(bytes(window->document()), edited);

    // A file that fails to load: the error box, the document unchanged.
    modal = answerModal<QMessageBox>(
        [&] {
            QVERIFY(dropFile(window.get(), dataPath(QStringLiteral("syntax-error"))));
            QTest::qWait(50);
        },
        [](QMessageBox *box) { box->button(QMessageBox::Discard)->click(); });
    QVERIFY(modal.answered);
    QTRY_VERIFY(window->findChild<QMessageBox *>(QStringLiteral("loadErrorBox")));
    QCOMPARE(window->document()->filePath(), multi);
}

QTEST_MAIN(TestWindowFiles)
#include "tst_windowfiles.moc"
