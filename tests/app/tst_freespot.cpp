// FreeSpot: boxes added from the keyboard go beside what is there, never on top of it.
#include "canvas/freespot.h"

#include <QTest>

using topolab::app::FreeSpot;

class TestFreeSpot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyCanvasTakesThePreferredGridPoint();
    void occupiedPointMovesBesideTheBox();
    void successiveBoxesNeverOverlap();
};

namespace {

QRectF boxAt(const QPointF &centre, const QSizeF &size)
{
    QRectF box(QPointF(0, 0), size);
    box.moveCenter(centre);
    return box;
}

} // namespace

void TestFreeSpot::emptyCanvasTakesThePreferredGridPoint()
{
    QCOMPARE(FreeSpot::near(QPointF(103, 47), QSizeF(160, 60), {}, 20), QPointF(100, 40));
}

void TestFreeSpot::occupiedPointMovesBesideTheBox()
{
    const QSizeF size(160, 60);
    const QList<QRectF> taken{boxAt(QPointF(100, 40), size)};
    const QPointF spot = FreeSpot::near(QPointF(100, 40), size, taken, 20);
    // Same row, to the right, one box and a margin away.
    QCOMPARE(spot.y(), 40.0);
    QVERIFY(spot.x() >= 100 + 160 + 20);
    QVERIFY(!boxAt(spot, size).intersects(taken.front()));
}

void TestFreeSpot::successiveBoxesNeverOverlap()
{
    const QSizeF size(160, 60);
    QList<QRectF> taken;
    for (int i = 0; i < 30; ++i) {
        const QPointF spot = FreeSpot::near(QPointF(0, 0), size, taken, 20);
        const QRectF box = boxAt(spot, size);
        for (const QRectF &other : std::as_const(taken))
            QVERIFY2(!box.intersects(other), qPrintable(QStringLiteral("box %1").arg(i)));
        QCOMPARE(std::fmod(spot.x(), 20.0), 0.0);
        taken.append(box);
    }
    // They stay close: 30 boxes within a few rings of the start.
    QRectF all;
    for (const QRectF &box : std::as_const(taken))
        all = all.united(box);
    QVERIFY(all.width() < 12 * 200);
    QVERIFY(all.height() < 12 * 100);
}

QTEST_GUILESS_MAIN(TestFreeSpot)
#include "tst_freespot.moc"
