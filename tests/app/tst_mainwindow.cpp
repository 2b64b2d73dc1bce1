// The designer's window as the user meets it: its menus, docks and shortcuts, the title with the
// modified marker, the selection shown in the inspector and the status bar, the issue count, the
// Edit actions following the selection, single points of failure and the Simulate and Deploy
// reports, the layout, canvas settings and appearance a second window restores. Runs on the
// offscreen platform with its own settings and autosave folder. The file flows have their own
// suite (tst_windowfiles), and so has the find bar (tst_findbar).

#include "windowtesthelpers.h"

#include "canvas/designscene.h"
#include "canvas/designview.h"
#include "designer/historydock.h"
#include "designer/inspectordock.h"
#include "designer/issuespanel.h"
#include "designer/palettedock.h"
#include "gui/appearance.h"
#include "gui/componentitem.h"
#include "gui/designeractions.h"
#include "gui/findbar.h"
#include "gui/reportdialog.h"
#include "gui/statusindicators.h"

#include <QAction>
#include <QClipboard>
#include <QDockWidget>
#include <QHash>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace topolab;
using namespace topolab::app;
using namespace windowtest;

namespace {

// Keys as the window system delivers them: to the open popup, else to the focus widget.
void pressKey(QWidget *window, Qt::Key key, Qt::KeyboardModifiers modifiers = {})
{
    QTest::keyClick(window->windowHandle(), key, modifiers);
}

} // namespace

class TestMainWindow : public QObject, public WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void menusDocksAndShortcuts();
    void titleShowsFileAndModifiedState();
    void selectionFillsInspectorAndStatusBar();
    void issueCountFollowsValidation();
    void editActionsFollowSelection();
    void singlePointsAndReports();
    void settingsAreRestored();
    void appearanceIsAppliedAndRemembered();
};

void TestMainWindow::initTestCase()
{
    startSuite(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    startTest();
}

void TestMainWindow::cleanup()
{
    closeDialogs();
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
        {window->paletteDock(), "paletteDock"}, {window->inspectorDock(), "inspectorDock"},
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
