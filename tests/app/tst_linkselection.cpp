// Links on the canvas are selected by a click on their line and deleted on their own, one
// undo step; deleting a component together with its selected link removes each once.
#include "canvastesthelpers.h"

#include "canvas/canvaseditor.h"
#include "gui/linkitem.h"

#include <QTest>

using namespace topolab::app;
using namespace canvastest;

class TestLinkSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clickSelectsALinkAndDeleteRemovesIt();
    void linkWithItsDeletedEndGoesOnce();
};

namespace {

// A point on the link's line, away from both ends.
QPointF onLine(const LinkItem *link)
{
    const QPainterPath stroke = link->shape();
    const QRectF bounds = link->sceneBoundingRect();
    for (qreal t = 0.3; t < 0.8; t += 0.05) {
        for (qreal u = 0.05; u < 1; u += 0.05) {
            const QPointF p(bounds.left() + bounds.width() * t, bounds.top() + bounds.height() * u);
            if (stroke.contains(link->mapFromScene(p)))
                return p;
        }
    }
    return bounds.center();
}

} // namespace

void TestLinkSelection::clickSelectsALinkAndDeleteRemovesIt()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QByteArray before = bytes(canvas.document);
    LinkItem *link = canvas.scene.linkItem(QStringLiteral("db-1"), QStringLiteral("db-2"));
    QVERIFY(link);

    canvas.click(onLine(link));
    QCOMPARE(canvas.scene.selectedLinks().size(), 1);
    QCOMPARE(canvas.scene.selectedLinks().front(),
             qMakePair(QStringLiteral("db-1"), QStringLiteral("db-2")));
    QVERIFY(canvas.scene.selectedIds().isEmpty());

    CanvasEditor editor(&canvas.scene, &canvas.view);
    QVERIFY(editor.hasSelection());
    editor.deleteSelection();
    QVERIFY(!canvas.scene.linkItem(QStringLiteral("db-1"), QStringLiteral("db-2")));
    QVERIFY(canvas.document.component(QStringLiteral("db-1")));
    QVERIFY(canvas.document.component(QStringLiteral("db-2")));
    verifyOneStep(canvas, before);
}

void TestLinkSelection::linkWithItsDeletedEndGoesOnce()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QByteArray before = bytes(canvas.document);
    canvas.scene.linkItem(QStringLiteral("db-1"), QStringLiteral("db-2"))->setSelected(true);
    canvas.scene.componentItem(QStringLiteral("db-2"))->setSelected(true);

    CanvasEditor editor(&canvas.scene, &canvas.view);
    editor.deleteSelection();
    QVERIFY(!canvas.document.component(QStringLiteral("db-2")));
    QVERIFY(canvas.document.component(QStringLiteral("db-1")));
    verifyOneStep(canvas, before);
}

QTEST_MAIN(TestLinkSelection)
#include "tst_linkselection.moc"
