// The canvas widget itself: Ctrl+wheel zoom within its bounds and around the mouse, the zoom
// slots, fit to view, panning with the middle button or Space held, none of which edits the
// document, and centring on an element.

#include "canvastesthelpers.h"

#include <QCursor>
#include <QScrollBar>
#include <QSignalSpy>
#include <QWheelEvent>

using namespace topolab;
using namespace topolab::app;
using namespace canvastest;

namespace {

void wheel(const Canvas &canvas, QPoint pos, int steps, Qt::KeyboardModifiers modifiers)
{
    QWheelEvent event(pos, canvas.viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120 * steps),
                      Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas.viewport(), &event);
}

// The viewport rectangle the whole drawing takes.
QRect drawingOnScreen(const Canvas &canvas)
{
    return canvas.view.mapFromScene(canvas.scene.contentRect()).boundingRect();
}

} // namespace

class TestCanvasView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ctrlWheelZoomsWithinBounds();
    void ctrlWheelKeepsThePointUnderTheMouse();
    void plainWheelScrolls();
    void zoomSlots();
    void fitToViewShowsEverything_data();
    void fitToViewShowsEverything();
    void middleDragPans();
    void spaceDragPans();
    void focusElementSelectsAndCentres();
};

void TestCanvasView::ctrlWheelZoomsWithinBounds()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    QSignalSpy zoomed(&canvas.view, &DesignView::zoomChanged);
    const QByteArray before = bytes(canvas.document);
    const QPoint centre = canvas.viewport()->rect().center();
    QCOMPARE(canvas.view.zoom(), 1.0);

    wheel(canvas, centre, 1, Qt::ControlModifier);
    QCOMPARE(canvas.view.zoom(), 1.25);
    QCOMPARE(zoomed.size(), 1);
    QCOMPARE(zoomed.last().at(0).toReal(), 1.25);
    wheel(canvas, centre, -2, Qt::ControlModifier);
    QCOMPARE(canvas.view.zoom(), 0.8);

    for (int i = 0; i < 40; ++i)
        wheel(canvas, centre, 1, Qt::ControlModifier);
    QCOMPARE(canvas.view.zoom(), DesignView::maximumZoom);
    const int emitted = int(zoomed.size());
    wheel(canvas, centre, 1, Qt::ControlModifier); // at the bound: no change, no signal
    QCOMPARE(zoomed.size(), emitted);

    for (int i = 0; i < 40; ++i)
        wheel(canvas, centre, -1, Qt::ControlModifier);
    QCOMPARE(canvas.view.zoom(), DesignView::minimumZoom);
    QCOMPARE(canvas.view.transform().m22(), DesignView::minimumZoom);

    QCOMPARE(bytes(canvas.document), before);
    QCOMPARE(canvas.undo()->count(), 0);
}

void TestCanvasView::ctrlWheelKeepsThePointUnderTheMouse()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QPoint mouse(300, 200);
    // The mouse is over the canvas at `mouse`, as the window system reports it.
    QCursor::setPos(canvas.viewport()->mapToGlobal(mouse));
    QTest::mouseMove(canvas.viewport(), mouse);
    QCoreApplication::processEvents();
    const QPointF under = canvas.view.mapToScene(mouse);

    wheel(canvas, mouse, 3, Qt::ControlModifier);
    QCOMPARE(canvas.view.zoom(), 1.953125);
    const QPointF after = canvas.view.mapToScene(mouse);
    QVERIFY2(QLineF(under, after).length() <= 1.0, qPrintable(QStringLiteral("%1,%2 → %3,%4")
                                                                  .arg(under.x())
                                                                  .arg(under.y())
                                                                  .arg(after.x())
                                                                  .arg(after.y())));
}

void TestCanvasView::plainWheelScrolls()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    QScrollBar *vertical = canvas.view.verticalScrollBar();
    const int value = vertical->value();
    wheel(canvas, canvas.viewport()->rect().center(), -1, {});
    QVERIFY(vertical->value() > value);
    QCOMPARE(canvas.view.zoom(), 1.0);
}

void TestCanvasView::zoomSlots()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QPointF centre = canvas.view.visibleCentre();
    canvas.view.zoomIn();
    QCOMPARE(canvas.view.zoom(), 1.25);
    // The slots zoom around the middle of the view.
    QVERIFY(QLineF(canvas.view.visibleCentre(), centre).length() <= 1.0);
    canvas.view.zoomOut();
    canvas.view.zoomOut();
    QCOMPARE(canvas.view.zoom(), 0.8);
    canvas.view.setZoom(10);
    QCOMPARE(canvas.view.zoom(), DesignView::maximumZoom);
    canvas.view.setZoom(0.001);
    QCOMPARE(canvas.view.zoom(), DesignView::minimumZoom);
    canvas.view.resetZoom();
    QCOMPARE(canvas.view.zoom(), 1.0);
    QVERIFY(QLineF(canvas.view.visibleCentre(), centre).length() <= 2.0);
}

void TestCanvasView::fitToViewShowsEverything_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<qreal>("startZoom");
    QTest::newRow("multi-region from 4") << QStringLiteral("multi-region") << 4.0;
    QTest::newRow("multi-region from 0.05") << QStringLiteral("multi-region") << 0.05;
    QTest::newRow("single-region from 2") << QStringLiteral("single-region") << 2.0;
}

void TestCanvasView::fitToViewShowsEverything()
{
    QFETCH(QString, example);
    QFETCH(qreal, startZoom);
    Canvas canvas(examplePath(example));
    QVERIFY(canvas.ready());
    QCoreApplication::processEvents(); // the legend follows the scene's first change
    canvas.view.setZoom(startZoom);
    canvas.view.centerOn(-3000, -3000);

    canvas.view.fitToView();
    const QRect drawing = drawingOnScreen(canvas);
    const QRect area = canvas.viewport()->rect();
    QVERIFY2(area.contains(drawing), qPrintable(QStringLiteral("%1,%2 %3×%4")
                                                    .arg(drawing.x())
                                                    .arg(drawing.y())
                                                    .arg(drawing.width())
                                                    .arg(drawing.height())));
    QVERIFY(canvas.view.zoom() <= 1.0);
    QVERIFY(canvas.view.zoom() >= DesignView::minimumZoom);
    // It uses the room: the drawing spans most of the width or the height.
    QVERIFY(drawing.width() >= area.width() * 0.8 || drawing.height() >= area.height() * 0.6
            || canvas.view.zoom() == 1.0);
    // The link legend in the corner does not cover the drawing.
    for (QWidget *child :
         canvas.view.findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (child->metaObject()->className() != QByteArrayLiteral("topolab::app::LinkLegend"))
            continue;
        QVERIFY(child->isVisible());
        const QRect legendArea(
            canvas.viewport()->mapFrom(&canvas.view, child->geometry().topLeft()), child->size());
        QVERIFY2(!legendArea.intersects(drawing),
                 qPrintable(QStringLiteral("legend top %1, drawing bottom %2")
                                .arg(legendArea.top())
                                .arg(drawing.bottom())));
    }
}

void TestCanvasView::middleDragPans()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    QScrollBar *horizontal = canvas.view.horizontalScrollBar();
    QScrollBar *vertical = canvas.view.verticalScrollBar();
    const int x = horizontal->value();
    const int y = vertical->value();
    const QByteArray before = bytes(canvas.document);
    const QRectF app = canvas.rectOf(QStringLiteral("app-1"));

    // Even from on top of a component: the middle button never moves anything.
    const QPoint from = canvas.at(canvas.centreOf(QStringLiteral("app-1")));
    QTest::mousePress(canvas.viewport(), Qt::MiddleButton, {}, from);
    QVERIFY(canvas.view.isPanning());
    for (int i = 1; i <= 4; ++i)
        moveTo(canvas.viewport(), from + QPoint(30 * i, 20 * i), Qt::MiddleButton);
    QTest::mouseRelease(canvas.viewport(), Qt::MiddleButton, {}, from + QPoint(120, 80));
    QVERIFY(!canvas.view.isPanning());
    QCOMPARE(horizontal->value(), x - 120);
    QCOMPARE(vertical->value(), y - 80);
    QCOMPARE(canvas.rectOf(QStringLiteral("app-1")), app);
    QVERIFY(canvas.scene.selectedIds().isEmpty());
    QCOMPARE(bytes(canvas.document), before);
    QCOMPARE(canvas.undo()->count(), 0);
}

void TestCanvasView::spaceDragPans()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    QScrollBar *horizontal = canvas.view.horizontalScrollBar();
    QScrollBar *vertical = canvas.view.verticalScrollBar();
    const int x = horizontal->value();
    const int y = vertical->value();
    const QByteArray before = bytes(canvas.document);
    const QRectF lb = canvas.rectOf(QStringLiteral("lb-1"));

    QTest::keyPress(&canvas.view, Qt::Key_Space);
    QCOMPARE(canvas.viewport()->cursor().shape(), Qt::OpenHandCursor);
    const QPoint from = canvas.at(canvas.centreOf(QStringLiteral("lb-1")));
    QTest::mousePress(canvas.viewport(), Qt::LeftButton, {}, from);
    QVERIFY(canvas.view.isPanning());
    QCOMPARE(canvas.viewport()->cursor().shape(), Qt::ClosedHandCursor);
    for (int i = 1; i <= 4; ++i)
        moveTo(canvas.viewport(), from - QPoint(25 * i, 10 * i), Qt::LeftButton);
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, from - QPoint(100, 40));
    QVERIFY(!canvas.view.isPanning());
    QCOMPARE(canvas.viewport()->cursor().shape(), Qt::OpenHandCursor);
    QTest::keyRelease(&canvas.view, Qt::Key_Space);
    QCOMPARE(canvas.viewport()->cursor().shape(), Qt::ArrowCursor);

    QCOMPARE(horizontal->value(), x + 100);
    QCOMPARE(vertical->value(), y + 40);
    QCOMPARE(canvas.rectOf(QStringLiteral("lb-1")), lb);
    QVERIFY(canvas.scene.selectedIds().isEmpty()); // no rubber band, no selection either
    QCOMPARE(bytes(canvas.document), before);
    QCOMPARE(canvas.undo()->count(), 0);

    // Space let go, the left button moves again.
    canvas.dragBy(canvas.centreOf(QStringLiteral("lb-1")), QPointF(0, -43));
    QCOMPARE(canvas.undo()->count(), 1);
}

void TestCanvasView::focusElementSelectsAndCentres()
{
    Canvas canvas(examplePath(QStringLiteral("multi-region")));
    QVERIFY(canvas.ready());
    canvas.view.setZoom(0.2);
    canvas.view.focusElement(QStringLiteral("vol-ams"));
    QCOMPARE(canvas.scene.selectedIds(), QStringList{QStringLiteral("vol-ams")});
    QCOMPARE(canvas.view.zoom(), 0.75);
    const QPointF shown = canvas.view.visibleCentre();
    const QPointF box = canvas.centreOf(QStringLiteral("vol-ams"));
    // Within a few pixels: the item's bounding rectangle, badge included, is what is centred.
    QVERIFY2(QLineF(shown, box).length() * canvas.view.zoom() <= 5.0,
             qPrintable(QStringLiteral("%1,%2 for %3,%4")
                            .arg(shown.x())
                            .arg(shown.y())
                            .arg(box.x())
                            .arg(box.y())));
    canvas.view.focusElement(QStringLiteral("no-such-thing"));
    QCOMPARE(canvas.scene.selectedIds(), QStringList{QStringLiteral("vol-ams")});
}

QTEST_MAIN(TestCanvasView)
#include "tst_canvasview.moc"
