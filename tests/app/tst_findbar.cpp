// The find bar over the canvas: what matches in which order, Next and Previous going round,
// Escape and the close button, the matches following the document while the bar is open, and in
// the window: Ctrl+F, typing with the completions open, Enter selecting and centring a match.

#include "canvas/designscene.h"
#include "canvas/designview.h"
#include "document/topologydocument.h"
#include "gui/designeractions.h"
#include "gui/findbar.h"
#include "gui/mainwindow.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace topolab;
using namespace topolab::app;

namespace {

QString examplePath(const QString &name)
{
    return QStringLiteral(TOPOLAB_EXAMPLES "/") + name + QStringLiteral(".topolab.yaml");
}

// Keys as the window system delivers them: to the open popup, else to the focus widget.
void pressKey(QWidget *window, Qt::Key key, Qt::KeyboardModifiers modifiers = {})
{
    QTest::keyClick(window->windowHandle(), key, modifiers);
}

void typeText(QWidget *window, const QString &text)
{
    for (QChar c : text)
        QTest::keyClick(window->windowHandle(), c.toLatin1());
}

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list.append(QString::fromLatin1(text));
    return list;
}

} // namespace

class TestFindBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void matchesExactThenPrefixThenAnywhere();
    void nextAndPreviousGoRound();
    void escapeAndCloseButtonHide();
    void hiddenBarCatchesUpWhenShown();
    void findInTheWindow();
    void matchesFollowTheDocument();

private:
    std::unique_ptr<MainWindow> makeWindow();

    QTemporaryDir mSettingsDir;
    QTemporaryDir mAutosaveDir;
};

void TestFindBar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("topolab-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_findbar"));
    QVERIFY(mSettingsDir.isValid());
    QVERIFY(mAutosaveDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, mSettingsDir.path());
    QVERIFY(QSettings().fileName().startsWith(mSettingsDir.path()));
}

std::unique_ptr<MainWindow> TestFindBar::makeWindow()
{
    auto window = std::make_unique<MainWindow>(mAutosaveDir.path());
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        return nullptr;
    return window;
}

void TestFindBar::matchesExactThenPrefixThenAnywhere()
{
    TopologyDocument document;
    QVERIFY(document.open(examplePath(QStringLiteral("single-region"))).empty());
    QVERIFY(!document.renameId(QStringLiteral("static"), QStringLiteral("app")));
    QVERIFY(document.setLabel(QStringLiteral("db-1"), QStringLiteral("Application data")));
    FindBar bar(&document);

    // The id itself, then ids that start with the text, then ids, labels or kinds holding it.
    const QStringList app = strings({"app", "app-1", "app-2", "app-3", "db-1"});
    QCOMPARE(bar.matches(QStringLiteral("app")), app);
    QCOMPARE(bar.matches(QStringLiteral("  APP ")), app);
    // In document order within a group, regions first.
    QCOMPARE(bar.matches(QStringLiteral("1")),
             strings({"nyc1", "lb-1", "app-1", "db-1", "vol-1", "backup-1"}));
    // By kind and by label.
    QCOMPARE(bar.matches(QStringLiteral("server")), strings({"app-1", "app-2", "app-3"}));
    QCOMPARE(bar.matches(QStringLiteral("nightly")), strings({"backup-1"}));
    QCOMPARE(bar.matches(QStringLiteral("region")), strings({"nyc1"}));
    QCOMPARE(bar.matches(QStringLiteral("   ")), QStringList());
    QCOMPARE(bar.matches(QStringLiteral("no-such-thing")), QStringList());

    bar.activate();
    bar.edit()->setText(QStringLiteral("server"));
    QCOMPARE(bar.resultLabel()->text(), QStringLiteral("3 matches"));
    bar.edit()->setText(QStringLiteral("nightly"));
    QCOMPARE(bar.resultLabel()->text(), QStringLiteral("1 match"));
    bar.edit()->setText(QStringLiteral("zzz"));
    QCOMPARE(bar.resultLabel()->text(), QStringLiteral("No match"));
    bar.edit()->clear();
    QCOMPARE(bar.resultLabel()->text(), QString());
}

void TestFindBar::nextAndPreviousGoRound()
{
    TopologyDocument document;
    QVERIFY(document.open(examplePath(QStringLiteral("single-region"))).empty());
    FindBar bar(&document);
    QSignalSpy found(&bar, &FindBar::elementFound);
    bar.activate();
    bar.edit()->setText(QStringLiteral("app-"));

    bar.findPrevious();
    QCOMPARE(found.takeFirst().at(0).toString(), QStringLiteral("app-3"));
    QCOMPARE(bar.resultLabel()->text(), QStringLiteral("3 of 3"));
    bar.findNext();
    QCOMPARE(found.takeFirst().at(0).toString(), QStringLiteral("app-1"));
    QCOMPARE(bar.resultLabel()->text(), QStringLiteral("1 of 3"));
    bar.findNext();
    bar.findNext();
    bar.findNext();
    QCOMPARE(found.takeLast().at(0).toString(), QStringLiteral("app-1"));
    // Enter in the field is Next.
    QTest::keyClick(bar.edit(), Qt::Key_Return);
    QCOMPARE(found.takeLast().at(0).toString(), QStringLiteral("app-2"));

    // Typing starts over.
    bar.edit()->setText(QStringLiteral("lb"));
    bar.findNext();
    QCOMPARE(found.takeLast().at(0).toString(), QStringLiteral("lb-1"));
    QCOMPARE(bar.resultLabel()->text(), QStringLiteral("1 of 2"));

    // Nothing to find: no signal.
    found.clear();
    bar.edit()->setText(QStringLiteral("zzz"));
    bar.findNext();
    bar.findPrevious();
    QCOMPARE(found.size(), 0);
}

void TestFindBar::escapeAndCloseButtonHide()
{
    TopologyDocument document;
    FindBar bar(&document);
    QSignalSpy closed(&bar, &FindBar::closed);
    bar.activate();
    QVERIFY(!bar.isHidden());
    QTest::keyClick(bar.edit(), Qt::Key_Escape);
    QVERIFY(bar.isHidden());
    QCOMPARE(closed.size(), 1);

    bar.activate();
    QToolButton *close = nullptr;
    for (QToolButton *button : bar.findChildren<QToolButton *>()) {
        if (button->toolTip().startsWith(QStringLiteral("Close")))
            close = button;
    }
    QVERIFY(close);
    close->click();
    QVERIFY(bar.isHidden());
    QCOMPARE(closed.size(), 2);
}

void TestFindBar::hiddenBarCatchesUpWhenShown()
{
    TopologyDocument document;
    QVERIFY(document.open(examplePath(QStringLiteral("single-region"))).empty());
    FindBar bar(&document);
    QSignalSpy found(&bar, &FindBar::elementFound);
    bar.activate();
    bar.edit()->setText(QStringLiteral("app-"));
    bar.findNext();
    bar.findNext();
    QCOMPARE(found.takeLast().at(0).toString(), QStringLiteral("app-2"));
    bar.hide();

    // Changes while hidden: the matches and completions are brought up to date on showing.
    QVERIFY(document.removeElements({QStringLiteral("app-1")}));
    QVERIFY(!document.renameId(QStringLiteral("www"), QStringLiteral("app-www")));
    bar.activate();
    // app-www comes first: in document order, where www was.
    QCOMPARE(bar.matches(QStringLiteral("app-")), strings({"app-www", "app-2", "app-3"}));
    QCOMPARE(bar.resultLabel()->text(), QStringLiteral("2 of 3"));
    QCOMPARE(bar.edit()->selectedText(), QStringLiteral("app-"));
    bar.findNext();
    QCOMPARE(found.takeLast().at(0).toString(), QStringLiteral("app-3"));
    bar.findNext();
    QCOMPARE(found.takeLast().at(0).toString(), QStringLiteral("app-www"));
    QStringList completions;
    auto *model = bar.edit()->completer()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        completions.append(model->index(row, 0).data().toString());
    QVERIFY(completions.contains(QStringLiteral("app-www")));
    QVERIFY(!completions.contains(QStringLiteral("app-1")));
    QVERIFY(!completions.contains(QStringLiteral("www")));
}

void TestFindBar::findInTheWindow()
{
    const auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(examplePath(QStringLiteral("single-region"))));
    FindBar *bar = window->findBar();
    QVERIFY(!bar->isVisible());

    window->actions()->find->trigger();
    QVERIFY(bar->isVisible());
    QCOMPARE(QApplication::focusWidget(), bar->edit());

    typeText(window.get(), QStringLiteral("app-"));
    QCOMPARE(bar->edit()->text(), QStringLiteral("app-"));
    QCOMPARE(bar->resultLabel()->text(), QStringLiteral("3 matches"));
    // The completions list the matching ids.
    const QStringList apps = strings({"app-1", "app-2", "app-3"});
    QCompleter *completer = bar->edit()->completer();
    QVERIFY(completer);
    QVERIFY(completer->popup()->isVisible());
    QStringList offered;
    for (int row = 0; row < completer->completionModel()->rowCount(); ++row)
        offered.append(completer->completionModel()->index(row, 0).data().toString());
    QCOMPARE(offered, apps);

    // Enter goes to the first match, with the completions open.
    pressKey(window.get(), Qt::Key_Return);
    QVERIFY(!completer->popup()->isVisible());
    QCOMPARE(window->scene()->selectedIds(), strings({"app-1"}));
    QCOMPARE(bar->resultLabel()->text(), QStringLiteral("1 of 3"));
    DesignView *view = window->view();
    const auto distanceFromCentre = [view, &window](const char *id) {
        const QPointF centre = view->mapToScene(view->viewport()->rect().center());
        const QPointF item = window->scene()->elementRect(QString::fromLatin1(id)).center();
        return QLineF(centre, item).length() * view->zoom(); // in pixels
    };
    QVERIFY2(distanceFromCentre("app-1") < 4,
             qPrintable(QString::number(distanceFromCentre("app-1"))));

    // Enter again: the next one, brought from out of sight to the middle.
    view->centerOn(window->scene()->elementRect(QStringLiteral("www")).center());
    QVERIFY(distanceFromCentre("app-2") > 50);
    pressKey(window.get(), Qt::Key_Return);
    QCOMPARE(window->scene()->selectedIds(), strings({"app-2"}));
    QCOMPARE(bar->resultLabel()->text(), QStringLiteral("2 of 3"));
    QVERIFY2(distanceFromCentre("app-2") < 4,
             qPrintable(QString::number(distanceFromCentre("app-2"))));

    // Escape closes the bar and gives the canvas the keyboard; the selection stays.
    pressKey(window.get(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QCOMPARE(QApplication::focusWidget(), view);
    QCOMPARE(window->scene()->selectedIds(), strings({"app-2"}));

    // Ctrl+F brings it back with the text selected, ready to be typed over.
    pressKey(window.get(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->edit()->selectedText(), QStringLiteral("app-"));
    typeText(window.get(), QStringLiteral("db"));
    QCOMPARE(bar->edit()->text(), QStringLiteral("db"));
    QCOMPARE(bar->resultLabel()->text(), QStringLiteral("2 matches"));
}

void TestFindBar::matchesFollowTheDocument()
{
    const auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(examplePath(QStringLiteral("single-region"))));
    FindBar *bar = window->findBar();
    window->actions()->find->trigger();
    bar->edit()->setText(QStringLiteral("app-"));
    pressKey(window.get(), Qt::Key_Return);
    pressKey(window.get(), Qt::Key_Return);
    QCOMPARE(window->scene()->selectedIds(), strings({"app-2"}));

    // A removed match is skipped.
    QVERIFY(window->document()->removeElements({QStringLiteral("app-3")}));
    QCOMPARE(bar->resultLabel()->text(), QStringLiteral("2 of 2"));
    pressKey(window.get(), Qt::Key_Return);
    QCOMPARE(window->scene()->selectedIds(), strings({"app-1"}));
    QCOMPARE(bar->resultLabel()->text(), QStringLiteral("1 of 2"));

    // Removing the one shown: Next goes on with the one after it.
    pressKey(window.get(), Qt::Key_Return);
    QCOMPARE(window->scene()->selectedIds(), strings({"app-2"}));
    window->document()->undoStack()->undo(); // app-3 is back
    QCOMPARE(bar->resultLabel()->text(), QStringLiteral("2 of 3"));
    QVERIFY(window->document()->removeElements({QStringLiteral("app-2")}));
    QCOMPARE(bar->resultLabel()->text(), QStringLiteral("2 matches"));
    pressKey(window.get(), Qt::Key_Return);
    QCOMPARE(window->scene()->selectedIds(), strings({"app-3"}));

    // An added match is found.
    const QString added = window->document()->addComponent(core::ComponentKind::AppServer,
                                                           QPointF(0, 0), QStringLiteral("nyc1"));
    QVERIFY2(added.startsWith(QStringLiteral("app-")), qPrintable(added));
    QCOMPARE(bar->matches(bar->edit()->text()).size(), 3);
    int steps = 0;
    while (window->scene()->selectedIds() != QStringList{added} && steps < 3) {
        pressKey(window.get(), Qt::Key_Return);
        ++steps;
    }
    QCOMPARE(window->scene()->selectedIds(), QStringList{added});

    // A renamed match is found under its new id.
    QVERIFY(!window->document()->renameId(QStringLiteral("app-1"), QStringLiteral("web-1")));
    QCOMPARE(bar->matches(bar->edit()->text()).size(), 2);
    QVERIFY2(bar->resultLabel()->text().endsWith(QStringLiteral(" of 2")),
             qPrintable(bar->resultLabel()->text()));
    bar->edit()->setText(QStringLiteral("web"));
    pressKey(window.get(), Qt::Key_Return);
    QCOMPARE(window->scene()->selectedIds(), strings({"web-1"}));

    // Another file's elements replace them all.
    bar->edit()->setText(QStringLiteral("app-"));
    QVERIFY(window->openFile(examplePath(QStringLiteral("multi-region"))));
    QCOMPARE(bar->resultLabel()->text(), QStringLiteral("6 matches"));
    pressKey(window.get(), Qt::Key_Return);
    QCOMPARE(window->scene()->selectedIds(), strings({"app-nyc-1"}));
}

QTEST_MAIN(TestFindBar)
#include "tst_findbar.moc"
