// The canvas's link routes: orthogonal, from border to border, and never through a box, also
// where only a search over the lanes between the boxes finds the way (gridRoute).
#include "canvas/gridroute.h"
#include "canvas/linkrouter.h"

#include <QTest>

using namespace topolab::app;

namespace {

QList<QPointF> pointsOf(const QPainterPath &path)
{
    QList<QPointF> points;
    for (int i = 0; i < path.elementCount(); ++i)
        points.append(path.elementAt(i));
    return points;
}

bool onBorder(const QRectF &box, QPointF p)
{
    const bool x = qFuzzyCompare(p.x(), box.left()) || qFuzzyCompare(p.x(), box.right());
    const bool y = qFuzzyCompare(p.y(), box.top()) || qFuzzyCompare(p.y(), box.bottom());
    return (x && p.y() >= box.top() - 1e-6 && p.y() <= box.bottom() + 1e-6)
           || (y && p.x() >= box.left() - 1e-6 && p.x() <= box.right() + 1e-6);
}

// Every segment across or down, none of zero length.
bool orthogonal(const QList<QPointF> &points)
{
    for (int i = 1; i < points.size(); ++i) {
        const QPointF d = points[i] - points[i - 1];
        if ((d.x() != 0) == (d.y() != 0))
            return false;
    }
    return points.size() >= 2;
}

QRectF box(qreal x, qreal y)
{
    return {x, y, 160, 52};
}

} // namespace

class TestLinkRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stackedBoxesJoinStraightDown();
    void boxInTheWayIsGoneRound();
    void wallWithAGapIsPassedThroughTheGap();
    void searchFindsTheShortestWayWithFewBends();
    void enclosedTargetKeepsTheDirectRoute();
    void overlappingBoxesHaveNoSearchedRoute();
};

void TestLinkRouter::stackedBoxesJoinStraightDown()
{
    const QRectF a = box(0, 0), b = box(0, 200);
    const QList<QPointF> points = pointsOf(LinkRouter::route(a, b, LinkStyle::Orthogonal, {}, 0));
    QCOMPARE(points, (QList<QPointF>{{80, 52}, {80, 200}}));
}

void TestLinkRouter::boxInTheWayIsGoneRound()
{
    const QRectF a = box(0, 0), b = box(0, 300), middle = box(0, 150);
    const QPainterPath path = LinkRouter::route(a, b, LinkStyle::Orthogonal, {middle}, 0);
    QVERIFY(!LinkRouter::crosses(path, {middle}));
    const QList<QPointF> points = pointsOf(path);
    QVERIFY(orthogonal(points));
    QVERIFY(onBorder(a, points.first()));
    QVERIFY(onBorder(b, points.last()));
}

void TestLinkRouter::wallWithAGapIsPassedThroughTheGap()
{
    // A row of boxes under the source with one gap wide enough for a lane, far from the
    // straight line; the boxes also block going round either end within reach, and a second
    // row under the gap forces another turn: no shape of two bends gets past.
    const QRectF a = box(400, 0), b = box(400, 500);
    QList<QRectF> walls;
    for (int i = -2; i <= 6; ++i) {
        if (i != 0)
            walls.append(QRectF(i * 200, 150, 200, 52)); // touching: no lane between them
    }
    walls.append(QRectF(-300, 300, 400, 52)); // under the gap at x 0–200
    walls.append(box(200, 300));
    walls.append(box(400, 300));
    walls.append(box(600, 300));
    QPainterPath path = gridRoute(a, b, walls, LinkRouter::detourClearance);
    QVERIFY(!path.isEmpty());
    QVERIFY(!LinkRouter::crosses(path, walls));
    const QList<QPointF> points = pointsOf(path);
    QVERIFY(orthogonal(points));
    QVERIFY(onBorder(a, points.first()));
    QVERIFY(onBorder(b, points.last()));
    // Through the gap in the first row.
    bool throughGap = false;
    for (int i = 1; i < points.size(); ++i) {
        const QPointF p = points[i - 1], q = points[i];
        if (p.x() == q.x() && p.x() > 0 && p.x() < 200 && std::min(p.y(), q.y()) < 150
            && std::max(p.y(), q.y()) > 202)
            throughGap = true;
    }
    QVERIFY(throughGap);
    // And the router takes it when its simple shapes fail.
    path = LinkRouter::route(a, b, LinkStyle::Orthogonal, walls, 0);
    QVERIFY(!LinkRouter::crosses(path, walls));
}

void TestLinkRouter::searchFindsTheShortestWayWithFewBends()
{
    // Nothing in the way: down and across with one bend, not a staircase.
    const QRectF a = box(0, 0), b = box(600, 400);
    const QList<QPointF> points = pointsOf(gridRoute(a, b, {box(300, 600)}, 18));
    QVERIFY(orthogonal(points));
    QCOMPARE(points.size(), 3);
    // The same input, the same route.
    QCOMPARE(pointsOf(gridRoute(a, b, {box(300, 600)}, 18)), points);
}

void TestLinkRouter::enclosedTargetKeepsTheDirectRoute()
{
    const QRectF a = box(0, 0), b = box(0, 400);
    const QList<QRectF> ring = {QRectF(-100, 300, 360, 60), QRectF(-100, 460, 360, 60),
                                QRectF(-100, 300, 60, 220), QRectF(200, 300, 60, 220)};
    QVERIFY(gridRoute(a, b, ring, 18).isEmpty());
    const QList<QPointF> points = pointsOf(LinkRouter::route(a, b, LinkStyle::Orthogonal, ring, 0));
    QCOMPARE(points, (QList<QPointF>{{80, 52}, {80, 400}}));
}

void TestLinkRouter::overlappingBoxesHaveNoSearchedRoute()
{
    QVERIFY(gridRoute(box(0, 0), box(100, 20), {}, 18).isEmpty());
}

QTEST_GUILESS_MAIN(TestLinkRouter)
#include "tst_linkrouter.moc"
