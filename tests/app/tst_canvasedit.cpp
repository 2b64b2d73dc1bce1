// The Edit menu's work on the canvas selection (CanvasEditor): copy and paste with fresh ids
// and the links among the copies, pasting again cascades, paste at the mouse, duplicate, cut,
// delete, select all, align, distribute and automatic layout. Each is one undo step that
// restores the saved bytes.

#include "canvastesthelpers.h"

#include "canvas/canvaseditor.h"
#include "gui/linkitem.h"

#include <QClipboard>
#include <QCursor>
#include <QMimeData>
#include <QSignalSpy>

using namespace topolab;
using namespace topolab::app;
using namespace canvastest;

namespace {

QPointF layoutCentre(const TopologyDocument &document, const QString &id)
{
    const auto box = document.layoutBox(id);
    return box ? QPointF(box->x, box->y) : QPointF(-1e9, -1e9);
}

QString regionOf(const TopologyDocument &document, const QString &id)
{
    const core::Component *component = document.component(id);
    return component ? QString::fromStdString(component->region) : QStringLiteral("?");
}

// "from>to" for every link of the document that touches one of `ids`.
QStringList linksTouching(const TopologyDocument &document, const QStringList &ids)
{
    QStringList links;
    for (const core::Link &link : document.topology().links) {
        const QString from = QString::fromStdString(link.from);
        const QString to = QString::fromStdString(link.to);
        if (ids.contains(from) || ids.contains(to))
            links.append(from + QLatin1Char('>') + to);
    }
    links.sort();
    return links;
}

QString kindOf(const TopologyDocument &document, const QString &id)
{
    const std::string_view name = core::kindName(document.component(id)->kind);
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

// The mouse away from the canvas: a paste from the keyboard.
void parkMouse()
{
    QCursor::setPos(-4000, -4000);
    QCoreApplication::processEvents();
}

} // namespace

class TestCanvasEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void copyPasteGivesFreshIdsAndKeepsInnerLinks();
    void pasteLandsUnderTheMouse();
    void pasteJoinsTheRegionUnderTheMouse();
    void pasteOfRegionBringsItsMembers();
    void duplicateKeepsLinksAmongCopies();
    void cutRemovesAndPastesBack();
    void deleteThenUndoRestoresBytes();
    void selectAllAlignDistributeAndArrange();
    void readOnlyCanvasIsNotEdited();
};

void TestCanvasEdit::copyPasteGivesFreshIdsAndKeepsInnerLinks()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    CanvasEditor editor(&canvas.scene, &canvas.view);
    parkMouse();
    const QStringList originals{QStringLiteral("lb-1"), QStringLiteral("app-1"),
                                QStringLiteral("app-2")};
    canvas.scene.selectIds(originals);
    QVERIFY(editor.hasSelection());
    const QByteArray before = bytes(canvas.document);

    editor.copy();
    QVERIFY(CanvasEditor::clipboardHasFragment());
    QCOMPARE(bytes(canvas.document), before);
    QCOMPARE(canvas.undo()->count(), 0);

    editor.paste();
    const QStringList first = canvas.scene.selectedIds();
    QCOMPARE(first.size(), 3);
    for (const QString &id : first)
        QVERIFY2(!originals.contains(id) && canvas.scene.componentItem(id), qPrintable(id));
    // Each copy: the kind, the region and, from the keyboard, 40 down and right.
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(kindOf(canvas.document, first.at(i)), kindOf(canvas.document, originals.at(i)));
        QCOMPARE(regionOf(canvas.document, first.at(i)), QStringLiteral("nyc1"));
        QCOMPARE(layoutCentre(canvas.document, first.at(i)),
                 layoutCentre(canvas.document, originals.at(i)) + QPointF(40, 40));
        QCOMPARE(canvas.rectOf(first.at(i)).center(),
                 canvas.rectOf(originals.at(i)).center() + QPointF(40, 40));
    }
    // The links among the copies come along, those to the rest of the drawing do not.
    const QStringList inner{first.at(0) + QLatin1Char('>') + first.at(1),
                            first.at(0) + QLatin1Char('>') + first.at(2)};
    QCOMPARE(linksTouching(canvas.document, first), inner);
    QCOMPARE(canvas.scene.linkItem(first.at(0), first.at(1))->kind(), core::LinkKind::Request);
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;

    // Pasted again, the next copies step further, with fresh ids again.
    const QByteArray once = bytes(canvas.document);
    editor.paste();
    const QStringList second = canvas.scene.selectedIds();
    QCOMPARE(second.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!originals.contains(second.at(i)) && !first.contains(second.at(i)));
        QCOMPARE(layoutCentre(canvas.document, second.at(i)),
                 layoutCentre(canvas.document, originals.at(i)) + QPointF(80, 80));
    }
    QCOMPARE(linksTouching(canvas.document, second).size(), 2);
    verifyOneStep(canvas, once, 1);
    if (QTest::currentTestFailed())
        return;
    canvas.undo()->undo();
    canvas.undo()->undo();
    QCOMPARE(bytes(canvas.document), before);
}

void TestCanvasEdit::pasteLandsUnderTheMouse()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    CanvasEditor editor(&canvas.scene, &canvas.view);
    const QStringList originals{QStringLiteral("db-1"), QStringLiteral("db-2")};
    canvas.scene.selectIds(originals);
    editor.copy();
    const QByteArray before = bytes(canvas.document);

    // The middle of the copied centres is 440, 510; the mouse is over 1000, 305, right of nyc1.
    QCursor::setPos(canvas.viewport()->mapToGlobal(canvas.at(QPointF(1000, 305))));
    QCoreApplication::processEvents();
    const QPointF mouse = canvas.view.mapToScene(canvas.viewport()->mapFromGlobal(QCursor::pos()));
    const QPointF offset = canvas.scene.snapped(mouse - QPointF(440, 510));
    QCOMPARE(offset, QPointF(560, -200));
    editor.paste();
    const QStringList pasted = canvas.scene.selectedIds();
    QCOMPARE(pasted.size(), 2);
    QCOMPARE(layoutCentre(canvas.document, pasted.at(0)), QPointF(310, 510) + offset);
    QCOMPARE(layoutCentre(canvas.document, pasted.at(1)), QPointF(570, 510) + offset);
    // Outside every region, as a drop from the palette there would be: not in nyc1, which the
    // copies would be drawn outside of.
    QCOMPARE(regionOf(canvas.document, pasted.at(0)), QString());
    QCOMPARE(regionOf(canvas.document, pasted.at(1)), QString());
    QCOMPARE(linksTouching(canvas.document, pasted),
             QStringList{pasted.at(0) + QLatin1Char('>') + pasted.at(1)});
    verifyOneStep(canvas, before);
}

void TestCanvasEdit::pasteJoinsTheRegionUnderTheMouse()
{
    Canvas canvas(examplePath(QStringLiteral("multi-region")));
    QVERIFY(canvas.ready());
    canvas.view.setZoom(0.5);
    CanvasEditor editor(&canvas.scene, &canvas.view);
    canvas.scene.selectIds({QStringLiteral("app-nyc-1")});
    editor.copy();
    const QByteArray before = bytes(canvas.document);

    // Into ams3's empty lower right.
    QCursor::setPos(canvas.viewport()->mapToGlobal(canvas.at(QPointF(1460, 580))));
    QCoreApplication::processEvents();
    editor.paste();
    const QStringList pasted = canvas.scene.selectedIds();
    QCOMPARE(pasted.size(), 1);
    QCOMPARE(regionOf(canvas.document, pasted.front()), QStringLiteral("ams3"));
    QVERIFY(canvas.rectOf(QStringLiteral("ams3")).contains(canvas.rectOf(pasted.front())));
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;

    // Into its own region, beside the original: it stays there.
    QCursor::setPos(canvas.viewport()->mapToGlobal(canvas.at(QPointF(500, 590))));
    QCoreApplication::processEvents();
    editor.paste();
    QCOMPARE(regionOf(canvas.document, canvas.scene.selectedIds().value(0)),
             QStringLiteral("nyc3"));
    // Duplicated, it stays in the region it lands in.
    const QString app = canvas.scene.selectedIds().value(0);
    editor.duplicate();
    QCOMPARE(regionOf(canvas.document, canvas.scene.selectedIds().value(0)),
             QStringLiteral("nyc3"));
    QVERIFY(canvas.scene.selectedIds().value(0) != app);
}

void TestCanvasEdit::pasteOfRegionBringsItsMembers()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    CanvasEditor editor(&canvas.scene, &canvas.view);
    parkMouse();
    canvas.scene.selectIds({QStringLiteral("nyc1")});
    editor.copy();
    const QByteArray before = bytes(canvas.document);
    const int links = canvas.scene.linkCount();

    editor.paste();
    const QStringList pasted = canvas.scene.selectedIds();
    QCOMPARE(pasted.size(), 12); // the region and its eleven members
    const QString region = pasted.front();
    QVERIFY(canvas.document.region(region));
    QVERIFY(region != QStringLiteral("nyc1"));
    QCOMPARE(canvas.document.componentsInRegion(region).size(), 11);
    QCOMPARE(canvas.rectOf(region), canvas.rectOf(QStringLiteral("nyc1")).translated(40, 40));
    // The 17 links inside nyc1 are copied; the two from www are not.
    QCOMPARE(canvas.scene.linkCount(), links + 17);
    verifyOneStep(canvas, before);
}

void TestCanvasEdit::duplicateKeepsLinksAmongCopies()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    CanvasEditor editor(&canvas.scene, &canvas.view);
    const QStringList originals{QStringLiteral("db-1"), QStringLiteral("db-2"),
                                QStringLiteral("vol-1")};
    canvas.scene.selectIds(originals);
    const QByteArray before = bytes(canvas.document);

    editor.duplicate();
    const QStringList copies = canvas.scene.selectedIds();
    QCOMPARE(copies.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!originals.contains(copies.at(i)));
        QCOMPARE(kindOf(canvas.document, copies.at(i)), kindOf(canvas.document, originals.at(i)));
        QCOMPARE(layoutCentre(canvas.document, copies.at(i)),
                 layoutCentre(canvas.document, originals.at(i)) + QPointF(40, 40));
    }
    QCOMPARE(linksTouching(canvas.document, copies),
             (QStringList{copies.at(0) + QLatin1Char('>') + copies.at(1),
                          copies.at(0) + QLatin1Char('>') + copies.at(2)}));
    QCOMPARE(canvas.scene.linkItem(copies.at(0), copies.at(1))->kind(),
             core::LinkKind::Replication);
    QCOMPARE(canvas.scene.linkItem(copies.at(0), copies.at(2))->kind(), core::LinkKind::Storage);
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;

    // Duplicating the copies steps on from them.
    const QByteArray once = bytes(canvas.document);
    canvas.scene.selectIds(copies);
    editor.duplicate();
    const QStringList again = canvas.scene.selectedIds();
    QCOMPARE(again.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!originals.contains(again.at(i)) && !copies.contains(again.at(i)));
        QCOMPARE(layoutCentre(canvas.document, again.at(i)),
                 layoutCentre(canvas.document, originals.at(i)) + QPointF(80, 80));
    }
    verifyOneStep(canvas, once, 1);
}

void TestCanvasEdit::cutRemovesAndPastesBack()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    CanvasEditor editor(&canvas.scene, &canvas.view);
    parkMouse();
    const QString id = QStringLiteral("app-3");
    const int components = int(canvas.document.topology().components.size());
    const int links = canvas.scene.linkCount();
    canvas.scene.selectIds({id});
    const QByteArray before = bytes(canvas.document);

    editor.cut();
    QVERIFY(!canvas.document.component(id));
    QVERIFY(!canvas.scene.componentItem(id));
    QCOMPARE(int(canvas.document.topology().components.size()), components - 1);
    QCOMPARE(canvas.scene.linkCount(), links - 4); // from both LBs, to db-1 and static
    QVERIFY(CanvasEditor::clipboardHasFragment());
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;

    const QByteArray cut = bytes(canvas.document);
    editor.paste();
    const QStringList pasted = canvas.scene.selectedIds();
    QCOMPARE(pasted.size(), 1);
    QCOMPARE(kindOf(canvas.document, pasted.front()), QStringLiteral("app_server"));
    QCOMPARE(regionOf(canvas.document, pasted.front()), QStringLiteral("nyc1"));
    QCOMPARE(int(canvas.document.topology().components.size()), components);
    verifyOneStep(canvas, cut, 1);
}

void TestCanvasEdit::deleteThenUndoRestoresBytes()
{
    Canvas canvas(examplePath(QStringLiteral("multi-region")));
    QVERIFY(canvas.ready());
    CanvasEditor editor(&canvas.scene, &canvas.view);
    QSignalSpy messages(&editor, &CanvasEditor::message);
    const QByteArray before = bytes(canvas.document);

    // A region goes with its members and every link that touches them.
    canvas.scene.selectIds({QStringLiteral("ams3"), QStringLiteral("tinc")});
    editor.deleteSelection();
    QVERIFY(!canvas.document.region(QStringLiteral("ams3")));
    QVERIFY(!canvas.scene.regionItem(QStringLiteral("ams3")));
    QVERIFY(!canvas.scene.componentItem(QStringLiteral("app-ams-1")));
    QVERIFY(!canvas.scene.componentItem(QStringLiteral("tinc")));
    QVERIFY(canvas.scene.componentItem(QStringLiteral("app-nyc-1")));
    QCOMPARE(int(canvas.document.topology().components.size()), 22 - 8);
    QCOMPARE(canvas.scene.linkCount(), int(canvas.document.topology().links.size()));
    QVERIFY(canvas.scene.selectedIds().isEmpty());
    QCOMPARE(messages.size(), 1);
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;

    // Undone, every item is back where it was.
    canvas.undo()->undo();
    QCOMPARE(canvas.rectOf(QStringLiteral("app-ams-2")).center(), QPointF(1340, 370));
    QCOMPARE(canvas.rectOf(QStringLiteral("ams3")), QRectF(960, 150, 760, 570));
    QCOMPARE(canvas.scene.linkCount(), 38);

    // Nothing selected: nothing to delete.
    canvas.scene.clearSelection();
    editor.deleteSelection();
    QCOMPARE(canvas.undo()->index(), 0);
}

void TestCanvasEdit::selectAllAlignDistributeAndArrange()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    CanvasEditor editor(&canvas.scene, &canvas.view);
    QSignalSpy messages(&editor, &CanvasEditor::message);

    editor.selectAll();
    QCOMPARE(canvas.scene.selectedIds().size(), 13);

    // Two boxes to the left edge of the leftmost.
    const QStringList pair{QStringLiteral("lb-2"), QStringLiteral("static")};
    canvas.scene.selectIds(pair);
    QByteArray before = bytes(canvas.document);
    editor.align(TopologyDocument::Alignment::Left);
    QCOMPARE(canvas.rectOf(pair.at(0)).left(), canvas.rectOf(pair.at(1)).left());
    QCOMPARE(canvas.rectOf(pair.at(0)).left(), 570 - canvas.rectOf(pair.at(0)).width() / 2);
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;

    // Three boxes with equal gaps.
    canvas.undo()->clear();
    const QStringList row{QStringLiteral("app-1"), QStringLiteral("app-2"),
                          QStringLiteral("backup-1")};
    canvas.scene.selectIds(row);
    before = bytes(canvas.document);
    editor.distribute(TopologyDocument::Distribution::Vertical);
    const qreal gap1 = canvas.rectOf(row.at(1)).top() - canvas.rectOf(row.at(0)).bottom();
    const qreal gap2 = canvas.rectOf(row.at(2)).top() - canvas.rectOf(row.at(1)).bottom();
    QVERIFY2(qAbs(gap1 - gap2) <= 1, qPrintable(QStringLiteral("%1 %2").arg(gap1).arg(gap2)));
    verifyOneStep(canvas, before);
    if (QTest::currentTestFailed())
        return;

    // Too few to align: a message, no step.
    canvas.undo()->clear();
    canvas.scene.selectIds({QStringLiteral("www")});
    editor.align(TopologyDocument::Alignment::Top);
    QCOMPARE(canvas.undo()->count(), 0);
    QCOMPARE(messages.last().at(0).toString(),
             QStringLiteral("Select two or more elements to align them"));

    // Arrange the region of the selected component.
    canvas.scene.selectIds({QStringLiteral("app-1")});
    before = bytes(canvas.document);
    editor.autoLayout();
    verifyOneStep(canvas, before);
    for (const QString &id : canvas.document.componentsInRegion(QStringLiteral("nyc1")))
        QVERIFY2(canvas.rectOf(QStringLiteral("nyc1")).contains(canvas.rectOf(id)), qPrintable(id));
}

void TestCanvasEdit::readOnlyCanvasIsNotEdited()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    CanvasEditor editor(&canvas.scene, &canvas.view);
    parkMouse();
    canvas.scene.selectIds({QStringLiteral("app-1")});
    editor.copy();
    canvas.scene.setReadOnly(true);
    const QByteArray before = bytes(canvas.document);
    editor.paste();
    editor.duplicate();
    editor.cut();
    editor.deleteSelection();
    editor.autoLayout();
    editor.addKind(QStringLiteral("app_server"));
    QCOMPARE(bytes(canvas.document), before);
    QCOMPARE(canvas.undo()->count(), 0);
}

QTEST_MAIN(TestCanvasEdit)
#include "tst_canvasedit.moc"
