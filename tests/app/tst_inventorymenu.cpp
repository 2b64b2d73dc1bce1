// Deploy › Hosts… in the main window: the last entry of the Deploy menu opens the hosts dialog
// on the window's document, and a second time raises the same one.
#include "windowtesthelpers.h"

#include "deploy/hostseditdialog.h"
#include "deploy/hostseditmodel.h"

#include <QMenu>
#include <QMenuBar>
#include <QTest>

using namespace topolab::app;
using namespace windowtest;

class TestInventoryMenu : public QObject, public WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startSuite(QStringLiteral("tst_inventorymenu")); }
    void init() { startTest(); }
    void cleanup() { closeDialogs(); }
    void hostsEndsTheDeployMenu();
};

void TestInventoryMenu::hostsEndsTheDeployMenu()
{
    const auto window = makeWindow();
    QVERIFY(window);
    QMenu *deploy = nullptr;
    for (QAction *action : window->menuBar()->actions()) {
        if (action->text() == QStringLiteral("&Deploy"))
            deploy = action->menu();
    }
    QVERIFY(deploy);
    QAction *hosts = deploy->actions().constLast();
    QCOMPARE(hosts->text(), QStringLiteral("&Hosts…"));
    QCOMPARE(hosts->objectName(), QStringLiteral("deployHosts"));

    QVERIFY(!window->findChild<HostsEditDialog *>());
    hosts->trigger();
    auto *dialog = window->findChild<HostsEditDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->model()->document(), window->document());
    hosts->trigger();
    QCOMPARE(window->findChildren<HostsEditDialog *>().size(), 1);
}

QTEST_MAIN(TestInventoryMenu)
#include "tst_inventorymenu.moc"
