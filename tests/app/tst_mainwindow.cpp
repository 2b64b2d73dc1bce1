// The designer's window as the user meets it: its menus, docks and shortcuts, the title with the
// modified marker, the File flow (New from a template, Open, a file that fails to load, Save and
// Save As, crash recovery, files dropped on it), the selection shown in the inspector and the
// status bar, the Edit actions following the selection, the Simulate and Deploy reports, the
// layout, canvas settings and appearance a second window restores. Runs on the offscreen platform
// with its own settings and autosave folder. The find bar has its own suite (tst_findbar).

#include "canvas/designscene.h"
#include "canvas/designview.h"
#include "designer/autosave.h"
#include "designer/historydock.h"
#include "designer/inspectordock.h"
#include "designer/issuespanel.h"
#include "designer/palettedock.h"
#include "document/topologydocument.h"
#include "gui/appearance.h"
#include "gui/componentitem.h"
#include "gui/designeractions.h"
#include "gui/documentfiles.h"
#include "gui/findbar.h"
#include "gui/mainwindow.h"
#include "gui/reportdialog.h"
#include "gui/statusindicators.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUrl>

#include <functional>
#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace topolab;
using namespace topolab::app;

namespace {

QString examplePath(const QString &name)
{
    return QStringLiteral(TOPOLAB_EXAMPLES "/") + name + QStringLiteral(".topolab.yaml");
}

QString dataPath(const QString &name)
{
    return QStringLiteral(TOPOLAB_TEST_DATA "/cli/") + name + QStringLiteral(".topolab.yaml");
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray bytes(const TopologyDocument *document)
{
    return QByteArray::fromStdString(document->serialized());
}

// A menu title or button text as read, without its mnemonic.
QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}

// What a modal dialog shown by an action came to.
struct Modal
{
    bool answered = false; // a dialog of the expected type was shown and answered
    QStringList others;    // the titles of modal dialogs of another type (rejected)
};

// Runs `trigger`. The first modal dialog of type Dialog it shows goes to `answer`, which should
// close it (it is rejected if it does not); any other modal dialog, also one that `answer`
// brings up, is rejected and reported, so that a test never hangs on a box it did not expect.
template<typename Dialog>
Modal answerModal(const std::function<void()> &trigger, const std::function<void(Dialog *)> &answer)
{
    Modal modal;
    QPointer<QWidget> pending; // answered once the poll has returned
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        QWidget *active = QApplication::activeModalWidget();
        if (!active || active == pending)
            return;
        auto *expected = qobject_cast<Dialog *>(active);
        if (expected && !modal.answered) {
            modal.answered = true;
            pending = expected;
            // Not from this slot: a timer does not fire again while its slot runs, and the
            // answer may open a modal box of its own.
            QTimer::singleShot(0, expected, [expected, &answer, &pending] {
                pending = nullptr;
                answer(expected);
            });
            return;
        }
        modal.others.append(active->windowTitle());
        if (auto *dialog = qobject_cast<QDialog *>(active))
            dialog->reject();
        else
            active->close();
    });
    poll.start();
    trigger();
    poll.stop();
    return modal;
}

// Clicks the button of a message box whose text, without mnemonic, is `text`.
bool clickButton(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *button : box->buttons()) {
        if (plain(button->text()) == text) {
            button->click();
            return true;
        }
    }
    return false;
}

// Answers a file dialog with `path`, typed into its name field. (selectFile() leaves the field
// alone while it has the focus.)
void chooseFile(QFileDialog *dialog, const QString &path)
{
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    if (name)
        name->setText(path);
    else
        dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept();
}

// Keys as the window system delivers them: to the open popup, else to the focus widget.
void pressKey(QWidget *window, Qt::Key key, Qt::KeyboardModifiers modifiers = {})
{
    QTest::keyClick(window->windowHandle(), key, modifiers);
}

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

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void menusDocksAndShortcuts();
    void titleShowsFileAndModifiedState();
    void malformedFileKeepsDocumentAndListsErrors();
    void newFromTemplateAsksBeforeDiscarding();
    void saveAsWritesAtomically();
    void openThenSaveIsByteIdentical_data();
    void openThenSaveIsByteIdentical();
    void recentFilesReopen();
    void crashCopyIsRecoveredAsTheOriginalFile();
    void crashCopyCanBeDiscardedOrKept();
    void selectionFillsInspectorAndStatusBar();
    void issueCountFollowsValidation();
    void editActionsFollowSelection();
    void droppedFilesOpen();
    void singlePointsAndReports();
    void settingsAreRestored();
    void appearanceIsAppliedAndRemembered();

private:
    // A shown window on this suite's autosave folder.
    std::unique_ptr<MainWindow> makeWindow();

    QTemporaryDir mSettingsDir;
    std::unique_ptr<QTemporaryDir> mAutosaveDir;
    std::unique_ptr<QTemporaryDir> mFilesDir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("topolab-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY(mSettingsDir.isValid());
    // Settings go to a folder of this run, never to the user's.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, mSettingsDir.path());
    QVERIFY2(QSettings().fileName().startsWith(mSettingsDir.path()),
             qPrintable(QSettings().fileName()));
}

void TestMainWindow::init()
{
    QSettings().clear();
    mAutosaveDir = std::make_unique<QTemporaryDir>();
    mFilesDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mAutosaveDir->isValid());
    QVERIFY(mFilesDir->isValid());
}

void TestMainWindow::cleanup()
{
    // Message boxes left open by a failed check.
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog *>(widget))
            widget->close();
    }
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow()
{
    auto window = std::make_unique<MainWindow>(mAutosaveDir->path());
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    window->activateWindow();
    return window;
}

// ---- The window's parts

void TestMainWindow::menusDocksAndShortcuts()
{
    const auto window = makeWindow();
    QVERIFY(window);

    QStringList menus;
    for (QAction *action : window->menuBar()->actions())
        menus.append(plain(action->text()));
    QCOMPARE(menus, QStringList({QStringLiteral("File"), QStringLiteral("Edit"),
                                 QStringLiteral("View"), QStringLiteral("Simulate"),
                                 QStringLiteral("Deploy"), QStringLiteral("Help")}));

    // The docks by the names the saved layout knows them by.
    const std::pair<QDockWidget *, const char *> docks[] = {
        {window->paletteDock(), "PaletteDock"}, {window->inspectorDock(), "InspectorDock"},
        {window->issuesDock(), "issuesDock"},   {window->historyDock(), "historyDock"},
        {window->minimapDock(), "minimapDock"},
    };
    for (const auto &[dock, name] : docks) {
        QVERIFY(dock);
        QCOMPARE(dock->objectName(), QString::fromLatin1(name));
        QCOMPARE(window->findChild<QDockWidget *>(QString::fromLatin1(name)), dock);
        QVERIFY2(window->dockWidgetArea(dock) != Qt::NoDockWidgetArea, name);
        // Each can be brought back from View > Panels.
        QVERIFY(window->actions()->panelsMenu()->actions().contains(dock->toggleViewAction()));
    }

    DesignerActions *a = window->actions();
    const std::pair<QAction *, const char *> shortcuts[] = {
        {a->newBlank, "Ctrl+N"},     {a->open, "Ctrl+O"},      {a->save, "Ctrl+S"},
        {a->saveAs, "Ctrl+Shift+S"}, {a->undo, "Ctrl+Z"},      {a->redo, "Ctrl+Shift+Z"},
        {a->cut, "Ctrl+X"},          {a->copy, "Ctrl+C"},      {a->paste, "Ctrl+V"},
        {a->duplicate, "Ctrl+D"},    {a->remove, "Del"},       {a->selectAll, "Ctrl+A"},
        {a->find, "Ctrl+F"},         {a->fitToView, "Ctrl+0"}, {a->quit, "Ctrl+Q"},
        {a->zoomIn, "Ctrl++"},       {a->zoomOut, "Ctrl+-"},   {a->resetZoom, "Ctrl+1"},
        {a->rename, "F2"},           {a->canvasHelp, "F1"},    {a->exportPicture, "Ctrl+Shift+E"},
    };
    for (const auto &[action, keys] : shortcuts) {
        const QKeySequence sequence(QString::fromLatin1(keys), QKeySequence::PortableText);
        QVERIFY2(action->shortcuts().contains(sequence),
                 qPrintable(plain(action->text()) + QStringLiteral(": ")
                            + QKeySequence::listToString(action->shortcuts())));
    }

    // A key sequence that two enabled actions share triggers neither: Qt calls it ambiguous.
    // Checked with nothing selected, then with a selection, a clipboard and the find bar open.
    // A key one action holds twice is ambiguous as well.
    const auto clashes = [&window](int atLeast) {
        QHash<QKeySequence, QStringList> owners;
        for (QAction *action : window->findChildren<QAction *>()) {
            if (!action->isEnabled() || action->shortcutContext() == Qt::WidgetShortcut)
                continue;
            for (const QKeySequence &sequence : action->shortcuts())
                owners[sequence].append(plain(action->text()));
        }
        QStringList found;
        for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
            if (it.value().size() > 1)
                found.append(it.key().toString() + QStringLiteral(": ")
                             + it.value().join(QStringLiteral(" and ")));
        }
        if (owners.size() < atLeast)
            found.append(QStringLiteral("only %1 shortcuts").arg(owners.size()));
        return found;
    };
    QVERIFY2(clashes(15).isEmpty(), qPrintable(clashes(15).join(QStringLiteral("; "))));
    QVERIFY(window->openFile(examplePath(QStringLiteral("single-region"))));
    window->scene()->selectIds(
        {QStringLiteral("app-1"), QStringLiteral("app-2"), QStringLiteral("app-3")});
    a->copy->trigger();
    a->find->trigger();
    QVERIFY(a->paste->isEnabled());
    QVERIFY(a->distributeVertically->isEnabled());
    QVERIFY2(clashes(20).isEmpty(), qPrintable(clashes(20).join(QStringLiteral("; "))));

    // The keys reach their actions through the window.
    window->findBar()->hide();
    window->view()->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    pressKey(window.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(window->findBar()->isVisible());
    QCOMPARE(QApplication::focusWidget(), window->findBar()->edit());
    window->view()->setFocus();
    pressKey(window.get(), Qt::Key_Delete);
    QCOMPARE(window->document()->topology().components.size(), std::size_t(9));
    pressKey(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(window->document()->topology().components.size(), std::size_t(12));
    pressKey(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(window->document()->topology().components.size(), std::size_t(9));
}

void TestMainWindow::titleShowsFileAndModifiedState()
{
    const auto window = makeWindow();
    QVERIFY(window);
    TopologyDocument *document = window->document();
    QCOMPARE(window->windowTitle(), QStringLiteral("Untitled[*] — Topolab"));
    QVERIFY(!window->isWindowModified());

    const QString id = document->addRegion(QRectF(0, 0, 400, 300));
    QVERIFY(!id.isEmpty());
    QVERIFY(window->isWindowModified());
    document->undoStack()->undo();
    QVERIFY(!window->isWindowModified());
    document->undoStack()->redo();
    QVERIFY(window->isWindowModified());

    const QString path = mFilesDir->filePath(QStringLiteral("drawn.topolab.yaml"));
    const Modal saved
        = answerModal<QFileDialog>([&window] { window->actions()->save->trigger(); },
                                   [&path](QFileDialog *dialog) { chooseFile(dialog, path); });
    QVERIFY(saved.answered);
    QCOMPARE(saved.others, QStringList());
    QCOMPARE(document->filePath(), path);
    QCOMPARE(window->windowTitle(), QStringLiteral("drawn.topolab.yaml[*] — Topolab"));
    QCOMPARE(window->windowFilePath(), path);
    QVERIFY(!window->isWindowModified());

    QVERIFY(window->openFile(examplePath(QStringLiteral("multi-region"))));
    QCOMPARE(window->windowTitle(), QStringLiteral("multi-region.topolab.yaml[*] — Topolab"));
    QVERIFY(!window->isWindowModified());
    window->scene()->selectIds({QStringLiteral("www")});
    window->actions()->remove->trigger();
    QVERIFY(window->isWindowModified());
    QCOMPARE(window->windowTitle(), QStringLiteral("multi-region.topolab.yaml[*] — Topolab"));
}

// ---- Files

void TestMainWindow::malformedFileKeepsDocumentAndListsErrors()
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

void TestMainWindow::newFromTemplateAsksBeforeDiscarding()
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

void TestMainWindow::saveAsWritesAtomically()
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

void TestMainWindow::openThenSaveIsByteIdentical_data()
{
    QTest::addColumn<QString>("example");
    QTest::newRow("single-region") << QStringLiteral("single-region");
    QTest::newRow("multi-region") << QStringLiteral("multi-region");
}

void TestMainWindow::openThenSaveIsByteIdentical()
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

void TestMainWindow::recentFilesReopen()
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

void TestMainWindow::crashCopyIsRecoveredAsTheOriginalFile()
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

void TestMainWindow::crashCopyCanBeDiscardedOrKept()
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

// ---- Selection and issues (the find bar has its own suite)

void TestMainWindow::selectionFillsInspectorAndStatusBar()
{
    const auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(examplePath(QStringLiteral("single-region"))));
    QLabel *status = window->statusIndicators()->selectionLabel();
    QCOMPARE(status->text(), QStringLiteral("12 components, 19 links, 1 region"));
    QCOMPARE(window->inspectorDock()->selection(), QStringList());

    // A click on the box, as the user selects.
    DesignView *view = window->view();
    const QPointF centre = window->scene()->elementRect(QStringLiteral("app-2")).center();
    view->centerOn(centre);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(centre));
    QCOMPARE(window->scene()->selectedIds(), QStringList({QStringLiteral("app-2")}));
    QCOMPARE(window->inspectorDock()->selection(), QStringList({QStringLiteral("app-2")}));
    QCOMPARE(window->inspectorDock()->idEdit()->text(), QStringLiteral("app-2"));
    QCOMPARE(status->text(), QStringLiteral("app-2 — App server in nyc1"));

    // A rename keeps the same box selected, under its new name everywhere.
    QVERIFY(!window->document()->renameId(QStringLiteral("app-2"), QStringLiteral("web-2")));
    QCOMPARE(window->scene()->selectedIds(), QStringList({QStringLiteral("web-2")}));
    QCOMPARE(window->inspectorDock()->selection(), QStringList({QStringLiteral("web-2")}));
    QCOMPARE(status->text(), QStringLiteral("web-2 — App server in nyc1"));
    QVERIFY(window->actions()->rename->isEnabled());

    window->scene()->selectIds({QStringLiteral("nyc1")});
    QCOMPARE(status->text(), QStringLiteral("Region nyc1 — 11 members"));

    window->scene()->selectIds({QStringLiteral("lb-1"), QStringLiteral("lb-2")});
    QCOMPARE(status->text(), QStringLiteral("2 selected"));
    QCOMPARE(window->inspectorDock()->selection(),
             QStringList({QStringLiteral("lb-1"), QStringLiteral("lb-2")}));

    // A removed selection is no longer shown anywhere.
    window->actions()->remove->trigger();
    QVERIFY2(window->inspectorDock()->selection().isEmpty(),
             qPrintable(window->inspectorDock()->selection().join(u',')));
    QCOMPARE(status->text(), QStringLiteral("10 components, 11 links, 1 region"));
}

void TestMainWindow::issueCountFollowsValidation()
{
    const auto window = makeWindow();
    QVERIFY(window);
    QToolButton *issues = window->statusIndicators()->issuesButton();
    // A blank canvas has no way in for the users yet.
    QCOMPARE(issues->text(), QStringLiteral("1 warning"));

    TopologyDocument *document = window->document();
    const QString id = document->addComponent(core::ComponentKind::AppServer, QPointF(200, 200));
    QVERIFY(!id.isEmpty());
    int errors = 0;
    int warnings = 0;
    for (const core::Diagnostic &d : document->diagnostics())
        (d.severity == core::Severity::Error ? errors : warnings)++;
    QVERIFY(errors >= 1);
    QString expected
        = errors == 1 ? QStringLiteral("1 error") : QStringLiteral("%1 errors").arg(errors);
    if (warnings > 0)
        expected += warnings == 1 ? QStringLiteral(", 1 warning")
                                  : QStringLiteral(", %1 warnings").arg(warnings);
    QCOMPARE(issues->text(), expected);

    // A click shows the Issues dock, listing them.
    window->historyDock()->raise();
    window->issuesDock()->hide();
    issues->click();
    QVERIFY(window->issuesDock()->isVisible());
    QCOMPARE(window->issuesDock()->list()->topLevelItemCount(), errors + warnings);

    document->undoStack()->undo();
    QCOMPARE(issues->text(), QStringLiteral("1 warning"));

    // A valid topology without findings says so.
    QVERIFY(window->openFile(examplePath(QStringLiteral("single-region"))));
    QCOMPARE(issues->text(), QStringLiteral("No problems"));
}

// ---- Actions following the document

void TestMainWindow::editActionsFollowSelection()
{
    const auto window = makeWindow();
    QVERIFY(window);
    DesignerActions *a = window->actions();
    DesignScene *scene = window->scene();
    QVERIFY(!a->exportPicture->isEnabled());

    QVERIFY(window->openFile(examplePath(QStringLiteral("single-region"))));
    QVERIFY(a->exportPicture->isEnabled());
    QList<QAction *> selectionActions{a->cut, a->copy, a->duplicate, a->remove};
    const QList<QAction *> aligns{a->alignLeft, a->alignHorizontalCentre, a->alignRight,
                                  a->alignTop,  a->alignVerticalCentre,   a->alignBottom};
    const QList<QAction *> distributes{a->distributeHorizontally, a->distributeVertically};
    const auto enabled = [](const QList<QAction *> &actions) {
        int count = 0;
        for (QAction *action : actions)
            count += action->isEnabled();
        return count;
    };

    QCOMPARE(enabled(selectionActions), 0);
    QVERIFY(!a->rename->isEnabled());
    QCOMPARE(enabled(aligns), 0);
    QCOMPARE(enabled(distributes), 0);
    QVERIFY(a->selectAll->isEnabled());

    scene->selectIds({QStringLiteral("app-1")});
    QCOMPARE(enabled(selectionActions), 4);
    QVERIFY(a->rename->isEnabled());
    QCOMPARE(enabled(aligns), 0);

    scene->selectIds({QStringLiteral("app-1"), QStringLiteral("app-2")});
    QVERIFY(!a->rename->isEnabled());
    QCOMPARE(enabled(aligns), 6);
    QCOMPARE(enabled(distributes), 0);

    scene->selectIds({QStringLiteral("app-1"), QStringLiteral("app-2"), QStringLiteral("app-3")});
    QCOMPARE(enabled(aligns), 6);
    QCOMPARE(enabled(distributes), 2);

    // Copy fills the clipboard, and Paste follows it.
    QApplication::clipboard()->clear();
    QVERIFY(!a->paste->isEnabled());
    a->copy->trigger();
    QVERIFY(a->paste->isEnabled());

    // The actions do what they say on the selection.
    a->alignLeft->trigger();
    QVERIFY(window->document()->isModified());
    const qreal left = scene->elementRect(QStringLiteral("app-1")).left();
    QCOMPARE(scene->elementRect(QStringLiteral("app-2")).left(), left);
    QCOMPARE(scene->elementRect(QStringLiteral("app-3")).left(), left);
    scene->clearSelection();
    QCOMPARE(enabled(selectionActions), 0);
    QCOMPARE(enabled(aligns), 0);

    // A blank document has nothing to export; Select All then selects nothing.
    QApplication::clipboard()->clear();
    const Modal modal = answerModal<QMessageBox>(
        [a] { a->newBlank->trigger(); },
        [](QMessageBox *box) { box->button(QMessageBox::Discard)->click(); });
    QVERIFY(modal.answered);
    QVERIFY(!a->exportPicture->isEnabled());
    a->selectAll->trigger();
    QCOMPARE(enabled(selectionActions), 0);
}

void TestMainWindow::droppedFilesOpen()
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

void TestMainWindow::singlePointsAndReports()
{
    const auto window = makeWindow();
    QVERIFY(window);
    const QString path = dataPath(QStringLiteral("one-load-balancer"));
    QVERIFY(window->openFile(path));
    DesignScene *scene = window->scene();
    QAction *show = window->actions()->showSinglePoints;
    QVERIFY(show->isCheckable());
    QCOMPARE(scene->componentItem(QStringLiteral("lb-only"))->mark(), ComponentItem::Mark::None);

    show->trigger();
    QVERIFY(show->isChecked());
    QVERIFY(scene->singlePoints().contains(QStringLiteral("lb-only")));
    QCOMPARE(scene->componentItem(QStringLiteral("lb-only"))->mark(),
             ComponentItem::Mark::SinglePoint);
    // The pair of app servers covers each other.
    QCOMPARE(scene->componentItem(QStringLiteral("app-1"))->mark(), ComponentItem::Mark::None);
    QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("lb-only")),
             qPrintable(window->statusBar()->currentMessage()));

    show->trigger();
    QVERIFY(!show->isChecked());
    for (const core::Component &component : window->document()->topology().components) {
        QCOMPARE(scene->componentItem(QString::fromStdString(component.id))->mark(),
                 ComponentItem::Mark::None);
    }

    QString title;
    QString text;
    const auto readReport = [&title, &text](ReportDialog *dialog) {
        title = dialog->windowTitle();
        text = dialog->text();
        dialog->reject();
    };
    Modal modal = answerModal<ReportDialog>([&window] { window->actions()->analyze->trigger(); },
                                            readReport);
    QVERIFY(modal.answered);
    QCOMPARE(modal.others, QStringList());
    QCOMPARE(title, QStringLiteral("Analysis of one-load-balancer.topolab.yaml"));
    QVERIFY2(text.contains(QStringLiteral("Single points of failure on the request path")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Redundancy per tier")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("lb-only")));

    modal = answerModal<ReportDialog>([&window] { window->actions()->deployOrder->trigger(); },
                                      readReport);
    QVERIFY(modal.answered);
    QCOMPARE(title, QStringLiteral("Deploy Order of one-load-balancer.topolab.yaml"));
    // Dependencies first, each tier's ids sorted, empty tiers left out.
    QCOMPARE(text, QStringLiteral("1. storage and network: cdn, vol-1\n"
                                  "2. databases: db-1\n"
                                  "3. app servers: app-1, app-2\n"
                                  "4. load balancers: lb-only\n"
                                  "5. dns: www\n"));
    // The reports did not touch the document.
    QVERIFY(!window->document()->isModified());

    window->actions()->newBlank->trigger();
    modal = answerModal<ReportDialog>([&window] { window->actions()->deployOrder->trigger(); },
                                      readReport);
    QVERIFY(modal.answered);
    QCOMPARE(text, QStringLiteral("Nothing to deploy: the topology has no components yet."));
}

void TestMainWindow::settingsAreRestored()
{
    const QSize size(1100, 720);
    {
        const auto first = makeWindow();
        QVERIFY(first);
        // Defaults of a first start.
        DesignerActions *a = first->actions();
        QVERIFY(a->showGrid->isChecked());
        QVERIFY(a->snapToGrid->isChecked());
        QVERIFY(a->orthogonalLinks->isChecked());
        QVERIFY(first->minimapDock()->isVisible());

        first->resize(size);
        QTRY_COMPARE(first->size(), size);
        first->minimapDock()->close();
        a->showGrid->trigger();
        a->snapToGrid->trigger();
        a->straightLinks->trigger();
        a->showLegend->trigger();
        QCOMPARE(first->scene()->linkStyle(), LinkStyle::Straight);
        QVERIFY(!first->scene()->gridVisible());
        QVERIFY(first->close());
    }

    const auto second = makeWindow();
    QVERIFY(second);
    DesignerActions *a = second->actions();
    QCOMPARE(second->size(), size);
    QVERIFY(!second->minimapDock()->isVisible());
    QVERIFY(!second->minimapDock()->toggleViewAction()->isChecked());
    QVERIFY(second->paletteDock()->isVisible());
    QVERIFY(!a->showGrid->isChecked());
    QVERIFY(!second->scene()->gridVisible());
    QVERIFY(!a->snapToGrid->isChecked());
    QVERIFY(!second->scene()->snapToGrid());
    QVERIFY(a->straightLinks->isChecked());
    QVERIFY(!a->orthogonalLinks->isChecked());
    QCOMPARE(second->scene()->linkStyle(), LinkStyle::Straight);
    QVERIFY(!a->showLegend->isChecked());

    // A window that is not allowed to close keeps what was saved before.
    second->actions()->orthogonalLinks->trigger();
    second->actions()->newSingleRegion->trigger();
    second->scene()->selectIds({QStringLiteral("www")});
    second->actions()->remove->trigger();
    bool closed = true;
    const Modal modal = answerModal<QMessageBox>(
        [&second, &closed] { closed = second->close(); },
        [](QMessageBox *box) { box->button(QMessageBox::Cancel)->click(); });
    QVERIFY(modal.answered);
    QVERIFY(!closed);
    QVERIFY(second->isVisible());
    QCOMPARE(QSettings().value(QStringLiteral("canvas/links")).toString(),
             QStringLiteral("straight"));
}

void TestMainWindow::appearanceIsAppliedAndRemembered()
{
    const QString systemStyle = QApplication::style()->name();
    const QColor systemWindow = QApplication::palette().color(QPalette::Window);
    {
        const auto window = makeWindow();
        QVERIFY(window);
        DesignerActions *a = window->actions();
        QVERIFY(a->appearanceSystem->isChecked());
        const qint64 lightIcon = a->open->icon().cacheKey();

        a->appearanceDark->trigger();
        QVERIFY(a->appearanceDark->isChecked());
        QCOMPARE(Appearance::stored(), Appearance::Mode::Dark);
        QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 200);
        QTRY_VERIFY(window->palette().color(QPalette::Window).lightness() < 80);
        // The bundled icons are drawn again in the new text colour.
        QTRY_VERIFY(a->open->icon().cacheKey() != lightIcon);

        a->appearanceLight->trigger();
        QCOMPARE(Appearance::stored(), Appearance::Mode::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() < 80);
    }
    {
        // Remembered by the next window; the application applies it at start.
        const auto window = makeWindow();
        QVERIFY(window);
        QVERIFY(window->actions()->appearanceLight->isChecked());
        window->actions()->appearanceSystem->trigger();
        QCOMPARE(Appearance::stored(), Appearance::Mode::System);
    }
    QCOMPARE(QApplication::style()->name(), systemStyle);
    QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
