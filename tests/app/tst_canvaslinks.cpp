// Drawing links on the canvas: from a component's knob to another component. The rules table
// of core judges the target while the mouse is over it, the note at the cursor says what the
// link would be or why not, a link drawn against the flow is turned round, and a release adds
// the link as one undo step or nothing at all.

#include "canvastesthelpers.h"

#include "canvas/connectdrag.h"
#include "gui/linkitem.h"

#include "core/model/connectionrules.h"

#include <QScreen>
#include <QSignalSpy>

using namespace topolab;
using namespace topolab::app;
using namespace canvastest;

namespace {

bool linked(const TopologyDocument &document, const QString &from, const QString &to)
{
    for (const core::Link &link : document.topology().links) {
        if (QString::fromStdString(link.from) == from && QString::fromStdString(link.to) == to)
            return true;
    }
    return false;
}

QString reason(const TopologyDocument &document, const QString &from, const QString &to)
{
    return QString::fromStdString(
        core::checkNewLink(document.topology(), from.toStdString(), to.toStdString()).reason);
}

ConnectDrag *connectDrag(const Canvas &canvas)
{
    return dynamic_cast<ConnectDrag *>(canvas.scene.activeDrag());
}

// Presses on `from`'s knob and moves over `to`'s box without releasing.
void hover(const Canvas &canvas, const QString &from, const QString &to)
{
    const QPoint start = canvas.at(canvas.handleOf(from));
    const QPoint end = canvas.at(canvas.centreOf(to));
    QTest::mousePress(canvas.viewport(), Qt::LeftButton, {}, start);
    for (int i = 1; i <= 5; ++i)
        moveTo(canvas.viewport(), start + (end - start) * i / 5, Qt::LeftButton);
}

} // namespace

class TestCanvasLinks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptedLinkIsOneStep();
    void reverseDragIsTurnedRound();
    void refusedLinkShowsCoreReason();
    void duplicateLinkIsRefused();
    void releaseOnEmptyCanvasOrEscapeAddsNothing();
    void linksFollowMovedComponents();
    void readOnlyCanvasDrawsNoLinks();
    void targetMarkIsRepaintedAway();
};

void TestCanvasLinks::acceptedLinkIsOneStep()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QString lb = QStringLiteral("lb-1");
    const QString app = QStringLiteral("app-1");
    QVERIFY(canvas.document.disconnectComponents(lb, app));
    QVERIFY(!canvas.scene.linkItem(lb, app));
    const int links = canvas.scene.linkCount();
    const QByteArray before = bytes(canvas.document);
    QSignalSpy messages(&canvas.scene, &DesignScene::message);

    hover(canvas, lb, app);
    ConnectDrag *drag = connectDrag(canvas);
    QVERIFY(drag);
    QCOMPARE(drag->from(), lb);
    QCOMPARE(drag->noteText(), QStringLiteral("lb-1 → app-1: request link"));
    QCOMPARE(canvas.scene.componentItem(app)->mark(), ComponentItem::Mark::LinkAccepted);
    QCOMPARE(bytes(canvas.document), before);
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(canvas.centreOf(app)));

    QVERIFY(!canvas.scene.activeDrag());
    QVERIFY(linked(canvas.document, lb, app));
    QCOMPARE(canvas.scene.linkCount(), links + 1);
    LinkItem *link = canvas.scene.linkItem(lb, app);
    QVERIFY(link);
    QCOMPARE(link->kind(), core::LinkKind::Request);
    QCOMPARE(canvas.scene.componentItem(app)->mark(), ComponentItem::Mark::None);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).at(0).toString(), QStringLiteral("lb-1 → app-1: request link"));
    verifyOneStep(canvas, before, 1);
    if (QTest::currentTestFailed())
        return;
    canvas.undo()->undo();
    QVERIFY(!canvas.scene.linkItem(lb, app));
    QCOMPARE(canvas.scene.linkCount(), links);
}

void TestCanvasLinks::targetMarkIsRepaintedAway()
{
    // The ring round the target must leave the screen with the drag, accepted or refused, at
    // any zoom: checked on the pixels the window shows, not on a fresh rendering, with a second
    // view of the scene (the window's overview) that repaints first.
    const QList<QPair<QString, QString>> drags = {
        {QStringLiteral("backup-nyc"), QStringLiteral("offsite")}, // refused: already linked
        {QStringLiteral("app-nyc-1"), QStringLiteral("db-nyc-standby")},
    };
    for (const qreal zoom : {1.0, 0.64, 0.2}) {
        for (const auto &[from, to] : drags) {
            Canvas canvas(examplePath(QStringLiteral("multi-region")));
            QVERIFY(canvas.ready());
            QGraphicsView overview(&canvas.scene);
            overview.resize(200, 150);
            overview.scale(0.1, 0.1);
            overview.show();
            QVERIFY(QTest::qWaitForWindowExposed(&overview));
            canvas.view.setZoom(zoom);
            canvas.view.centerOn(canvas.centreOf(to));
            QCoreApplication::processEvents();
            const QRect ring = canvas.view.mapFromScene(canvas.scene.componentItem(to)->sceneBoundingRect())
                                   .boundingRect();
            const auto shown = [&] {
                const QImage window = canvas.view.screen()->grabWindow(canvas.view.winId()).toImage();
                const QPoint origin = canvas.viewport()->mapTo(&canvas.view, QPoint(0, 0));
                return window.copy(ring.translated(origin));
            };
            const QImage before = shown();
            hover(canvas, from, to);
            ComponentItem *target = canvas.scene.componentItem(to);
            QVERIFY(target->mark() != ComponentItem::Mark::None);
            QTRY_VERIFY(shown() != before);
            QTest::qWait(50); // both views have painted the ring
            QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(canvas.centreOf(to)));
            QCOMPARE(target->mark(), ComponentItem::Mark::None);
            QCoreApplication::sendPostedEvents(&canvas.scene); // the scene tells its views
            overview.viewport()->repaint();
            QTest::qWait(50);
            const QImage after = shown();
            const bool refused = from == QStringLiteral("backup-nyc");
            if (refused) {
                // Nothing changed: the picture is what it was before the drag.
                QVERIFY2(after == before, qPrintable(QStringLiteral("zoom %1").arg(zoom)));
                continue;
            }
            // A new request link's arrow now ends at the box (black); no green of the ring stays.
            int ringPixels = 0;
            for (int y = 0; y < after.height(); ++y) {
                for (int x = 0; x < after.width(); ++x) {
                    const QColor c = after.pixelColor(x, y);
                    ringPixels += c.green() > 120 && c.red() < 90 && c.blue() < 110;
                }
            }
            QVERIFY2(ringPixels < 4,
                     qPrintable(QStringLiteral("zoom %1: %2 pixels").arg(zoom).arg(ringPixels)));
        }
    }
}

void TestCanvasLinks::reverseDragIsTurnedRound()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QString lb = QStringLiteral("lb-2");
    const QString app = QStringLiteral("app-3");
    QVERIFY(canvas.document.disconnectComponents(lb, app));
    const QByteArray before = bytes(canvas.document);

    // From the app server's knob to the load balancer: requests flow the other way.
    hover(canvas, app, lb);
    QVERIFY(connectDrag(canvas));
    QCOMPARE(connectDrag(canvas)->noteText(),
             QStringLiteral("lb-2 → app-3: request link (drawn the way it flows)"));
    QCOMPARE(canvas.scene.componentItem(lb)->mark(), ComponentItem::Mark::LinkAccepted);
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(canvas.centreOf(lb)));

    QVERIFY(linked(canvas.document, lb, app));
    QVERIFY(!linked(canvas.document, app, lb));
    QVERIFY(canvas.scene.linkItem(lb, app));
    QVERIFY(!canvas.scene.linkItem(app, lb));
    verifyOneStep(canvas, before, 1);

    // Storage the other way round too: a volume dragged onto its database.
    canvas.undo()->clear();
    QVERIFY(canvas.document.disconnectComponents(QStringLiteral("db-2"), QStringLiteral("vol-2")));
    const QByteArray unlinked = bytes(canvas.document);
    hover(canvas, QStringLiteral("vol-2"), QStringLiteral("db-2"));
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {},
                        canvas.at(canvas.centreOf(QStringLiteral("db-2"))));
    // Both directions are allowed between a database and a volume: drawn as drawn.
    QVERIFY(linked(canvas.document, QStringLiteral("vol-2"), QStringLiteral("db-2")));
    QCOMPARE(canvas.scene.linkItem(QStringLiteral("vol-2"), QStringLiteral("db-2"))->kind(),
             core::LinkKind::Storage);
    verifyOneStep(canvas, unlinked, 1);
}

void TestCanvasLinks::refusedLinkShowsCoreReason()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QString dns = QStringLiteral("www");
    const QString db = QStringLiteral("db-1");
    const QByteArray before = bytes(canvas.document);
    const int links = canvas.scene.linkCount();
    QSignalSpy messages(&canvas.scene, &DesignScene::message);

    canvas.view.setZoom(0.5);
    hover(canvas, dns, db);
    QVERIFY(connectDrag(canvas));
    const QString why = reason(canvas.document, dns, db);
    QCOMPARE(why, QStringLiteral("'www' (dns) cannot connect to 'db-1' (database); a dns "
                                 "connects to: load_balancer"));
    QCOMPARE(connectDrag(canvas)->noteText(), why);
    QCOMPARE(canvas.scene.componentItem(db)->mark(), ComponentItem::Mark::LinkRefused);
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(canvas.centreOf(db)));

    QVERIFY(!canvas.scene.activeDrag());
    QCOMPARE(canvas.scene.linkCount(), links);
    QCOMPARE(canvas.scene.componentItem(db)->mark(), ComponentItem::Mark::None);
    QCOMPARE(bytes(canvas.document), before);
    QCOMPARE(canvas.undo()->count(), 0);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).at(0).toString(), QStringLiteral("Not linked: ") + why);

    // Nothing links to DNS, whichever end the drag starts from.
    hover(canvas, db, dns);
    QCOMPARE(connectDrag(canvas)->noteText(), reason(canvas.document, db, dns));
    QVERIFY(connectDrag(canvas)->noteText().startsWith(QStringLiteral("nothing connects to dns")));
    QCOMPARE(canvas.scene.componentItem(dns)->mark(), ComponentItem::Mark::LinkRefused);
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, canvas.at(canvas.centreOf(dns)));
    QCOMPARE(bytes(canvas.document), before);
    QCOMPARE(canvas.undo()->count(), 0);
}

void TestCanvasLinks::duplicateLinkIsRefused()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QByteArray before = bytes(canvas.document);
    hover(canvas, QStringLiteral("lb-1"), QStringLiteral("app-2"));
    QCOMPARE(connectDrag(canvas)->noteText(),
             QStringLiteral("'lb-1' and 'app-2' are already connected"));
    QCOMPARE(canvas.scene.componentItem(QStringLiteral("app-2"))->mark(),
             ComponentItem::Mark::LinkRefused);
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {},
                        canvas.at(canvas.centreOf(QStringLiteral("app-2"))));
    QCOMPARE(bytes(canvas.document), before);
    QCOMPARE(canvas.undo()->count(), 0);
}

void TestCanvasLinks::releaseOnEmptyCanvasOrEscapeAddsNothing()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QString lb = QStringLiteral("lb-1");
    const QByteArray before = bytes(canvas.document);
    const int items = int(canvas.scene.items().size());

    // Over nothing, the note invites a release on a component.
    const QPoint start = canvas.at(canvas.handleOf(lb));
    const QPoint empty = canvas.at(QPointF(1000, 100));
    QTest::mousePress(canvas.viewport(), Qt::LeftButton, {}, start);
    moveTo(canvas.viewport(), empty, Qt::LeftButton);
    QVERIFY(connectDrag(canvas));
    QCOMPARE(connectDrag(canvas)->noteText(),
             QStringLiteral("Release on a component to link lb-1 to it"));
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {}, empty);
    QVERIFY(!canvas.scene.activeDrag());
    QCOMPARE(int(canvas.scene.items().size()), items); // the rubber line and note are gone
    QCOMPARE(bytes(canvas.document), before);

    // Escape over an accepted target: no link, no mark left behind.
    QVERIFY(canvas.document.disconnectComponents(lb, QStringLiteral("app-1")));
    canvas.undo()->clear();
    const QByteArray unlinked = bytes(canvas.document);
    hover(canvas, lb, QStringLiteral("app-1"));
    QCOMPARE(canvas.scene.componentItem(QStringLiteral("app-1"))->mark(),
             ComponentItem::Mark::LinkAccepted);
    QTest::keyClick(&canvas.view, Qt::Key_Escape);
    QVERIFY(!canvas.scene.activeDrag());
    QCOMPARE(canvas.scene.componentItem(QStringLiteral("app-1"))->mark(),
             ComponentItem::Mark::None);
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {},
                        canvas.at(canvas.centreOf(QStringLiteral("app-1"))));
    QCOMPARE(bytes(canvas.document), unlinked);
    QCOMPARE(canvas.undo()->count(), 0);
    QCOMPARE(int(canvas.scene.items().size()), items - 1); // one link fewer
}

void TestCanvasLinks::linksFollowMovedComponents()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    const QString id = QStringLiteral("db-1");
    LinkItem *link = canvas.scene.linkItem(QStringLiteral("db-1"), QStringLiteral("vol-1"));
    QVERIFY(link);
    const QRectF volume = canvas.rectOf(QStringLiteral("vol-1"));
    auto touches = [&](const QRectF &box) {
        return link->sceneBoundingRect().intersects(box.adjusted(-2, -2, 2, 2));
    };
    QVERIFY(touches(canvas.rectOf(id)));
    QVERIFY(touches(volume));

    // db-1 from 310, 510 to 100 left: the link leaves from where the box is now.
    canvas.view.setZoom(0.5);
    canvas.dragBy(canvas.centreOf(id), QPointF(-200, 0));
    QCOMPARE(canvas.rectOf(id).center(), QPointF(120, 520));
    QCOMPARE(canvas.scene.linkItem(QStringLiteral("db-1"), QStringLiteral("vol-1")), link);
    QVERIFY(touches(canvas.rectOf(id)));
    QVERIFY(touches(volume));
    QVERIFY(link->sceneBoundingRect().left() < 310 - 75);
    canvas.undo()->undo();
    QVERIFY(touches(canvas.rectOf(id)));
    QVERIFY(link->sceneBoundingRect().left() > 120);
}

void TestCanvasLinks::readOnlyCanvasDrawsNoLinks()
{
    Canvas canvas(examplePath(QStringLiteral("single-region")));
    QVERIFY(canvas.ready());
    canvas.scene.setReadOnly(true);
    QVERIFY(canvas.document.disconnectComponents(QStringLiteral("lb-1"), QStringLiteral("app-1")));
    canvas.undo()->clear();
    const QByteArray before = bytes(canvas.document);
    hover(canvas, QStringLiteral("lb-1"), QStringLiteral("app-1"));
    QVERIFY(!canvas.scene.activeDrag());
    QTest::mouseRelease(canvas.viewport(), Qt::LeftButton, {},
                        canvas.at(canvas.centreOf(QStringLiteral("app-1"))));
    QCOMPARE(bytes(canvas.document), before);
    QCOMPARE(canvas.undo()->count(), 0);
}

QTEST_MAIN(TestCanvasLinks)
#include "tst_canvaslinks.moc"
