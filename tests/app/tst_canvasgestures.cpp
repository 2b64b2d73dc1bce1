// The editable canvas under the mouse and keyboard: selecting, moving, moving into and out of
// regions, carrying a region's members, resizing by the grip, cancelling with Escape, nudging
// with the arrows, and the first move of a file without a layout. Every gesture is driven
// through the view's viewport and must be one undo step that restores the saved bytes.

#include "canvastesthelpers.h"

#include "canvas/movedrag.h"
#include "gui/autolayout.h"

#include <QTemporaryDir>

using namespace topolab;
using namespace topolab::app;
using namespace canvastest;

namespace {

QPointF layoutCentre(const TopologyDocument &document, const QString &id)
{
    const auto box = document.layoutBox(id);
    return box ? QPointF(box->x, box->y) : QPointF(-1e9, -1e9);
}

QRectF layoutRect(const TopologyDocument &document, const QString &id)
{
    const auto box = document.layoutBox(id);
    return box ? QRectF(box->x, box->y, box->width, box->height) : QRectF();
}

QString regionOf(const TopologyDocument &document, const QString &id)
{
    const core::Component *component = document.component(id);
    return component ? QString::fromStdString(component->region) : QStringLiteral("?");
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// No `layout` section: the canvas places everything itself.
const QByteArray unplacedTopology = R"(topolab: 1
name: Unplaced
regions:
  - {id: fra1, label: Frankfurt 1}
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer, region: fra1}
  - {id: app-1, kind: app_server, region: fra1}
  - {id: app-2, kind: app_server, region: fra1}
  - {id: db-1, kind: database, region: fra1}
  - {id: files, kind: object_storage}
links:
  - {from: www, to: lb-1}
  - {from: lb-1, to: app-1}
  - {from: lb-1, to: app-2}
  - {from: app-1, to: db-1}
  - {from: app-2, to: db-1}
  - {from: app-1, to: files}
)";

} // namespace

class TestCanvasGestures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clickSelectsAndCtrlClickToggles();
    void moveSnapsThePressedComponentToTheGrid();
    void rubberBandSelectsThenSelectionMovesTogether();
    void ctrlDragMovesWithTheSelection();
    void dropIntoAnotherRegionReparents();
    void regionlessServiceJoinsAndLeavesRegions();
    void requiredMemberDraggedOutGrowsItsRegion();
    void regionCarriesItsMembers();
    void resizeByGripNeverSmallerThanMembers();
    void escapeCancelsMoveInProgress();
    void arrowKeysNudgeAsOneStep();
    void firstMoveFreezesAutomaticPlacement();
};

void TestCanvasGestures::clickSelectsAndCtrlClickToggles()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QByteArray before = bytes(canvas.document);
    const QString app1 = QStringLiteral("app-1");
    const QString app2 = QStringLiteral("app-2");
    const QString app3 = QStringLiteral("app-3");
    const QString nyc1 = QStringLiteral("nyc1");

    canvas.click(canvas.centreOf(app1));
    QCOMPARE(canvas.scene.selectedIds(), QStringList{app1});
    canvas.click(canvas.centreOf(app2), Qt::ControlModifier);
    QCOMPARE(canvas.scene.selectedIds(), (QStringList{app1, app2}));
    canvas.click(canvas.headerOf(nyc1), Qt::ControlModifier);
    QCOMPARE(canvas.scene.selectedIds(), (QStringList{nyc1, app1, app2}));
    // Ctrl+click on a selected element takes it out again.
    canvas.click(canvas.centreOf(app1), Qt::ControlModifier);
    QCOMPARE(canvas.scene.selectedIds(), (QStringList{nyc1, app2}));
    // A plain click selects only what it hits; one on empty canvas clears the selection.
    canvas.click(canvas.centreOf(app3));
    QCOMPARE(canvas.scene.selectedIds(), QStringList{app3});
    canvas.click(QPointF(1000, 100));
    QVERIFY(canvas.scene.selectedIds().isEmpty());

    // Selecting is not an edit.
    QCOMPARE(canvas.undo()->count(), 0);
    QCOMPARE(bytes(canvas.document), before);
}

void TestCanvasGestures::moveSnapsThePressedComponentToTheGrid()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QString id = QStringLiteral("app-1");
    const QByteArray before = bytes(canvas.document);
    QCOMPARE(layoutCentre(canvas.document, id), QPointF(180, 370));
    const QPointF lb = layoutCentre(canvas.document, QStringLiteral("lb-1"));

    // 180 + 133 = 313 → 320, 370 + 47 = 417 → 420.
    canvas.dragBy(canvas.centreOf(id), QPointF(133, 47));
    QCOMPARE(layoutCentre(canvas.document, id), QPointF(320, 420));
    QCOMPARE(canvas.rectOf(id).center(), QPointF(320, 420));
    QCOMPARE(regionOf(canvas.document, id), QStringLiteral("nyc1"));
    QCOMPARE(layoutCentre(canvas.document, QStringLiteral("lb-1")), lb);
    QCOMPARE(canvas.scene.selectedIds(), QStringList{id});
    QVERIFY(!canvas.scene.activeDrag());
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;

    // Undone, the item is back where the file puts it.
    canvas.undo()->undo();
    QCOMPARE(canvas.rectOf(id).center(), QPointF(180, 370));

    // A press and release without travel is a click: no edit.
    canvas.click(canvas.centreOf(id));
    QCOMPARE(canvas.undo()->index(), 0);
    QCOMPARE(bytes(canvas.document), before);
}

void TestCanvasGestures::rubberBandSelectsThenSelectionMovesTogether()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QStringList apps{QStringLiteral("app-1"), QStringLiteral("app-2"),
                           QStringLiteral("app-3")};
    // From the empty inside of nyc1, left of the app servers, to below-right of the last one:
    // the row of app servers and nothing else lies wholly inside.
    canvas.dragBy(QPointF(60, 320), QPointF(775, 100));
    QCOMPARE(canvas.scene.selectedIds(), apps);
    QCOMPARE(canvas.undo()->count(), 0);

    const QByteArray before = bytes(canvas.document);
    QHash<QString, QPointF> start;
    for (const QString &id : apps)
        start.insert(id, layoutCentre(canvas.document, id));
    // Dragging app-2 by (55, -38): its centre 440, 370 snaps to 500, 340; the others keep
    // their offsets to it.
    canvas.dragBy(canvas.centreOf(QStringLiteral("app-2")), QPointF(55, -38));
    for (const QString &id : apps) {
        QCOMPARE(layoutCentre(canvas.document, id), start.value(id) + QPointF(60, -30));
        QCOMPARE(canvas.rectOf(id).center(), start.value(id) + QPointF(60, -30));
        QCOMPARE(regionOf(canvas.document, id), QStringLiteral("nyc1"));
    }
    QCOMPARE(layoutCentre(canvas.document, QStringLiteral("lb-1")), QPointF(310, 230));
    QCOMPARE(canvas.scene.selectedIds(), apps);
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;
    canvas.undo()->undo();
    for (const QString &id : apps)
        QCOMPARE(canvas.rectOf(id).center(), start.value(id));
}

void TestCanvasGestures::ctrlDragMovesWithTheSelection()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QString db1 = QStringLiteral("db-1");
    const QString db2 = QStringLiteral("db-2");
    canvas.click(canvas.centreOf(db1));
    const QByteArray before = bytes(canvas.document);

    // Ctrl+dragging an unselected element adds it to the selection and moves both. db-2's
    // centre 570, 510 lies between grid points: 570 + 0 → 580, 510 + 31 → 540.
    canvas.dragBy(canvas.centreOf(db2), QPointF(0, 31), Qt::ControlModifier);
    QCOMPARE(sorted(canvas.scene.selectedIds()), (QStringList{db1, db2}));
    QCOMPARE(layoutCentre(canvas.document, db1), QPointF(320, 540));
    QCOMPARE(layoutCentre(canvas.document, db2), QPointF(580, 540));
    verifyOneStep(canvas, before);
}

void TestCanvasGestures::dropIntoAnotherRegionReparents()
{
    Canvas canvas(examplePath(QStringLiteral("multi-region")));
    QVERIFY(canvas.ready());
    canvas.view.setZoom(0.5);
    const QString id = QStringLiteral("app-nyc-1");
    const QByteArray before = bytes(canvas.document);
    QCOMPARE(regionOf(canvas.document, id), QStringLiteral("nyc3"));

    // From 130, 370 to 1460, 580, the empty lower right of ams3.
    const QPointF from = canvas.centreOf(id);
    const QPointF travel(1330, 210);
    QTest::mousePress(canvas.viewport(), Qt::LeftButton, {}, canvas.at(from));
    for (int i = 1; i <= 6; ++i)
        moveTo(canvas.viewport(), canvas.at(from + travel * i / 6), Qt::LeftButton);
    QVERIFY(dynamic_cast<MoveDrag *>(canvas.scene.activeDrag()));
    QCOMPARE(canvas.rectOf(id).center(), QPointF(1460, 580));
    // Not yet in the document.
    QCOMPARE(bytes(canvas.document), before);
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(from + travel));

    QCOMPARE(regionOf(canvas.document, id), QStringLiteral("ams3"));
    QCOMPARE(layoutCentre(canvas.document, id), QPointF(1460, 580));
    QVERIFY(canvas.document.componentsInRegion(QStringLiteral("ams3")).contains(id));
    QCOMPARE(layoutRect(canvas.document, QStringLiteral("nyc3")), QRectF(0, 150, 760, 570));
    QCOMPARE(layoutRect(canvas.document, QStringLiteral("ams3")), QRectF(960, 150, 760, 570));
    // The move and the change of region are one step: undo takes back both.
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;
    canvas.undo()->undo();
    QCOMPARE(regionOf(canvas.document, id), QStringLiteral("nyc3"));
    QCOMPARE(canvas.rectOf(id).center(), QPointF(130, 370));
}

void TestCanvasGestures::regionlessServiceJoinsAndLeavesRegions()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    canvas.view.setZoom(0.5);
    const QString id = QStringLiteral("backup-1"); // may live inside a region or outside
    const QByteArray before = bytes(canvas.document);

    // Out of nyc1 (x 20 to 860) to the empty canvas on its right: 760, 650 → 1060, 660.
    canvas.dragBy(canvas.centreOf(id), QPointF(300, 0));
    QCOMPARE(layoutCentre(canvas.document, id), QPointF(1060, 660));
    QCOMPARE(regionOf(canvas.document, id), QString());
    QCOMPARE(layoutRect(canvas.document, QStringLiteral("nyc1")), QRectF(20, 150, 840, 570));
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;

    // And back in.
    const QByteArray outside = bytes(canvas.document);
    canvas.dragBy(canvas.centreOf(id), QPointF(-300, 0));
    QCOMPARE(regionOf(canvas.document, id), QStringLiteral("nyc1"));
    QCOMPARE(layoutCentre(canvas.document, id), QPointF(760, 660));
    verifyOneStep(canvas, outside, 1);
}

void TestCanvasGestures::requiredMemberDraggedOutGrowsItsRegion()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    canvas.view.setZoom(0.5);
    const QString id = QStringLiteral("app-3"); // an app server lives in a region
    const QByteArray before = bytes(canvas.document);

    canvas.dragBy(canvas.centreOf(id), QPointF(400, 0));
    QCOMPARE(layoutCentre(canvas.document, id), QPointF(1100, 380));
    QCOMPARE(regionOf(canvas.document, id), QStringLiteral("nyc1"));
    const QRectF region = layoutRect(canvas.document, QStringLiteral("nyc1"));
    QCOMPARE(region.topLeft(), QPointF(20, 150));
    QVERIFY2(
        region.contains(canvas.rectOf(id)),
        qPrintable(QStringLiteral("%1 < %2").arg(region.right()).arg(canvas.rectOf(id).right())));
    QCOMPARE(canvas.rectOf(QStringLiteral("nyc1")), region);
    verifyOneStep(canvas, before);
}

void TestCanvasGestures::regionCarriesItsMembers()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    canvas.view.setZoom(0.5);
    const QString region = QStringLiteral("nyc1");
    const QStringList members = canvas.document.componentsInRegion(region);
    QCOMPARE(members.size(), 11);
    QHash<QString, QPointF> start;
    for (const QString &id : members)
        start.insert(id, layoutCentre(canvas.document, id));
    const QByteArray before = bytes(canvas.document);

    // By the header; the corner 20, 150 moves by (203, 97) → 223, 247 → 220, 240.
    canvas.dragBy(canvas.headerOf(region), QPointF(203, 97));
    QCOMPARE(canvas.scene.selectedIds(), QStringList{region});
    const QPointF delta(200, 90);
    QCOMPARE(layoutRect(canvas.document, region), QRectF(QPointF(220, 240), QSizeF(840, 570)));
    QCOMPARE(canvas.rectOf(region), QRectF(QPointF(220, 240), QSizeF(840, 570)));
    for (const QString &id : members) {
        QCOMPARE(layoutCentre(canvas.document, id), start.value(id) + delta);
        QCOMPARE(canvas.rectOf(id).center(), start.value(id) + delta);
        QCOMPARE(regionOf(canvas.document, id), region);
    }
    QCOMPARE(layoutCentre(canvas.document, QStringLiteral("www")), QPointF(440, 60));
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;
    canvas.undo()->undo();
    for (const QString &id : members)
        QCOMPARE(canvas.rectOf(id).center(), start.value(id));
}

void TestCanvasGestures::resizeByGripNeverSmallerThanMembers()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    canvas.view.setZoom(0.5);
    const QString region = QStringLiteral("nyc1");
    QVERIFY(canvas.scene.regionItem(region)->gripRect().isEmpty()); // only when selected
    canvas.click(canvas.headerOf(region));
    QCOMPARE(canvas.scene.selectedIds(), QStringList{region});
    QVERIFY(!canvas.scene.regionItem(region)->gripRect().isEmpty());
    const QByteArray before = bytes(canvas.document);

    // Larger: the corner 860, 720 moves by (157, 83) → 1017, 803 → 1020, 800.
    canvas.dragBy(canvas.gripOf(region), QPointF(157, 83));
    QCOMPARE(layoutRect(canvas.document, region), QRectF(20, 150, 1000, 650));
    QCOMPARE(canvas.rectOf(region), QRectF(20, 150, 1000, 650));
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;

    // Far too small: it stops where its members need it, padding included.
    const QByteArray larger = bytes(canvas.document);
    qreal right = 0;
    qreal bottom = 0;
    for (const QString &id : canvas.document.componentsInRegion(region)) {
        right = std::max(right, canvas.rectOf(id).right() + AutoLayout::regionPadding);
        bottom = std::max(bottom, canvas.rectOf(id).bottom() + AutoLayout::regionPadding);
    }
    canvas.dragBy(canvas.gripOf(region), QPointF(-900, -700));
    const QRectF shrunk = layoutRect(canvas.document, region);
    QCOMPARE(shrunk, QRectF(QPointF(20, 150), QPointF(right, bottom)));
    for (const QString &id : canvas.document.componentsInRegion(region))
        QVERIFY2(shrunk.contains(canvas.rectOf(id)), qPrintable(id));
    verifyOneStep(canvas, larger, 1);
    if (QTest::currentTestFailed())
        return;
    canvas.undo()->undo();
    canvas.undo()->undo();
    QCOMPARE(bytes(canvas.document), before);
}

void TestCanvasGestures::escapeCancelsMoveInProgress()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QString id = QStringLiteral("lb-2");
    const QByteArray before = bytes(canvas.document);
    const QRectF start = canvas.rectOf(id);

    // 570, 230 moved by (96, 64) → 666, 294 → 660, 300.
    const QPointF from = canvas.centreOf(id);
    QTest::mousePress(canvas.viewport(), Qt::LeftButton, {}, canvas.at(from));
    for (int i = 1; i <= 4; ++i)
        moveTo(canvas.viewport(), canvas.at(from + QPointF(24, 16) * i), Qt::LeftButton);
    QVERIFY(canvas.scene.activeDrag());
    QCOMPARE(canvas.rectOf(id).center(), QPointF(660, 300));
    QTest::keyClick(&canvas.view, Qt::Key_Escape);
    QVERIFY(!canvas.scene.activeDrag());
    QCOMPARE(canvas.rectOf(id), start);
    // The rest of the gesture does nothing.
    moveTo(canvas.viewport(), canvas.at(from + QPointF(200, 100)), Qt::LeftButton);
    QCOMPARE(canvas.rectOf(id), start);
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(from + QPointF(200, 100)));
    QCOMPARE(canvas.rectOf(id), start);
    QCOMPARE(bytes(canvas.document), before);
    QCOMPARE(canvas.undo()->count(), 0);

    // Escape cancels a region's move too, members included: 20, 150 + (203, 97) → 220, 240.
    canvas.view.setZoom(0.5);
    const QString region = QStringLiteral("nyc1");
    const QRectF member = canvas.rectOf(QStringLiteral("db-1"));
    const QPointF header = canvas.headerOf(region);
    QTest::mousePress(canvas.viewport(), Qt::LeftButton, {}, canvas.at(header));
    for (int i = 1; i <= 4; ++i)
        moveTo(canvas.viewport(), canvas.at(header + QPointF(203, 97) * i / 4), Qt::LeftButton);
    QCOMPARE(canvas.rectOf(QStringLiteral("db-1")), member.translated(200, 90));
    QTest::keyClick(&canvas.view, Qt::Key_Escape);
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {},
                        canvas.at(header + QPointF(203, 97)));
    QCOMPARE(canvas.rectOf(QStringLiteral("db-1")), member);
    QCOMPARE(canvas.rectOf(region), QRectF(20, 150, 840, 570));
    QCOMPARE(bytes(canvas.document), before);
    QCOMPARE(canvas.undo()->count(), 0);
}

void TestCanvasGestures::arrowKeysNudgeAsOneStep()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QString id = QStringLiteral("vol-2");
    canvas.click(canvas.centreOf(id));
    QCOMPARE(canvas.scene.selectedIds(), QStringList{id});
    const QByteArray before = bytes(canvas.document);

    QTest::keyClick(&canvas.view, Qt::Key_Right);
    QTest::keyClick(&canvas.view, Qt::Key_Right);
    QTest::keyClick(&canvas.view, Qt::Key_Down);
    QTest::keyClick(&canvas.view, Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(layoutCentre(canvas.document, id), QPointF(570 + 40 - 1, 650 + 20));
    QCOMPARE(canvas.rectOf(id).center(), QPointF(609, 670));
    verifyOneStep(canvas, before);
}

void TestCanvasGestures::firstMoveFreezesAutomaticPlacement()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("unplaced.topolab.yaml"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(unplacedTopology);
    }
    Canvas canvas(path);
    QVERIFY(canvas.ready());
    QVERIFY(canvas.scene.hasAutomaticPlacement());
    const QByteArray before = bytes(canvas.document);
    QVERIFY(!before.contains("layout:"));

    const QStringList ids{QStringLiteral("fra1"),  QStringLiteral("www"),   QStringLiteral("lb-1"),
                          QStringLiteral("app-1"), QStringLiteral("app-2"), QStringLiteral("db-1"),
                          QStringLiteral("files")};
    QHash<QString, QRectF> shown;
    for (const QString &id : ids) {
        shown.insert(id, canvas.rectOf(id));
        QVERIFY2(!shown.value(id).isEmpty(), qPrintable(id));
        QVERIFY(!canvas.document.layoutBox(id));
    }
    // The automatic layout keeps members inside their region.
    for (const QString &id : canvas.document.componentsInRegion(QStringLiteral("fra1")))
        QVERIFY2(shown.value(QStringLiteral("fra1")).contains(shown.value(id)), qPrintable(id));

    const QString moved = QStringLiteral("app-2");
    const QPointF expected = canvas.scene.snapped(canvas.centreOf(moved) + QPointF(47, 23));
    canvas.dragBy(canvas.centreOf(moved), QPointF(47, 23));

    QCOMPARE(canvas.rectOf(moved).center(), expected);
    QCOMPARE(layoutCentre(canvas.document, moved), expected);
    QVERIFY(!canvas.scene.hasAutomaticPlacement());
    for (const QString &id : ids) {
        QVERIFY2(canvas.document.layoutBox(id), qPrintable(id));
        if (id != moved)
            QCOMPARE(canvas.rectOf(id), shown.value(id)); // nothing else jumped
    }
    QCOMPARE(layoutRect(canvas.document, QStringLiteral("fra1")),
             shown.value(QStringLiteral("fra1")));
    QVERIFY(bytes(canvas.document).contains("layout:"));
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;

    // Undone, the file has no layout again and the canvas shows the automatic placement.
    canvas.undo()->undo();
    QVERIFY(canvas.scene.hasAutomaticPlacement());
    for (const QString &id : ids)
        QCOMPARE(canvas.rectOf(id), shown.value(id));
}

QTEST_MAIN(TestCanvasGestures)
#include "tst_canvasgestures.moc"
