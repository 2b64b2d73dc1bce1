// The minimap beside a main view of a big scene (1,000 items): it shows the whole scene, its
// frame follows the main view's zoom and scroll, a click or drag centres the main view at the
// point under the mouse, it never selects or moves items, and it paints items at low detail
// without antialiasing, repainting only around the frame when the main view scrolls.
#include "designer/minimapview.h"

#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace topolab::app;

namespace {

constexpr int columns = 40;
constexpr int rows = 25; // 1,000 items
const QRectF sceneArea(0, 0, 4000, 3000);

// What the items were asked to paint in the minimap.
struct PaintLog
{
    QWidget *viewport = nullptr; // the minimap's
    int painted = 0;
    qreal maxDetail = 0;
    bool antialiased = false;
};

class ProbeItem : public QGraphicsRectItem
{
public:
    ProbeItem(const QRectF &rect, PaintLog *log)
        : QGraphicsRectItem(rect)
        , mLog(log)
    {
        setFlags(ItemIsSelectable | ItemIsMovable);
        setBrush(Qt::darkGreen);
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override
    {
        if (widget && widget == mLog->viewport) {
            ++mLog->painted;
            mLog->maxDetail = std::max(
                mLog->maxDetail, option->levelOfDetailFromTransform(painter->worldTransform()));
            mLog->antialiased
                = mLog->antialiased || painter->testRenderHint(QPainter::Antialiasing);
        }
        QGraphicsRectItem::paint(painter, option, widget);
    }

private:
    PaintLog *mLog;
};

bool near(qreal a, qreal b, qreal tolerance)
{
    return std::abs(a - b) <= tolerance;
}

} // namespace

class TestMinimap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheWholeScene();
    void frameFollowsZoomAndScroll();
    void clickCentresTheMainView();
    void dragCentresTheMainView();
    void neverEditsTheScene();
    void paintsCheaply();
    void followsANewSceneAndALostView();

private:
    // Where the main view's centre is, in scene coordinates.
    QPointF mainCentre() const { return mMain->mapToScene(mMain->viewport()->rect().center()); }
    void settle() { QTest::qWait(50); } // posted paints and the queued frame check run

    std::unique_ptr<QWidget> mWindow;
    std::unique_ptr<QGraphicsScene> mScene;
    QGraphicsView *mMain = nullptr;
    MinimapView *mMinimap = nullptr;
    PaintLog mLog;
};

void TestMinimap::init()
{
    mScene = std::make_unique<QGraphicsScene>(sceneArea);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c)
            mScene->addItem(new ProbeItem(QRectF(c * 100 + 20, r * 120 + 40, 60, 40), &mLog));
    }
    mWindow = std::make_unique<QWidget>();
    auto *layout = new QHBoxLayout(mWindow.get());
    mMain = new QGraphicsView(mScene.get());
    mMain->setFixedSize(400, 300);
    mMinimap = new MinimapView;
    layout->addWidget(mMain);
    layout->addWidget(mMinimap, 0, Qt::AlignLeft | Qt::AlignTop);
    mMinimap->setSourceView(mMain);
    mLog = PaintLog{};
    mLog.viewport = mMinimap->viewport();
    mWindow->resize(700, 360);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    settle();
}

void TestMinimap::cleanup()
{
    mWindow.reset();
    mScene.reset();
}

void TestMinimap::showsTheWholeScene()
{
    QCOMPARE(mMinimap->sizeHint(), QSize(220, 150));
    QCOMPARE(mMinimap->size(), QSize(220, 150));
    QCOMPARE(mMinimap->scene(), mScene.get());
    const QRect shown = mMinimap->viewport()->rect();
    const QPoint topLeft = mMinimap->mapFromScene(sceneArea.topLeft());
    const QPoint bottomRight = mMinimap->mapFromScene(sceneArea.bottomRight());
    QVERIFY(shown.contains(topLeft));
    QVERIFY(shown.contains(bottomRight));
    // Scaled to fit: the scene fills the width or the height, keeping its aspect ratio.
    const qreal scale = mMinimap->transform().m11();
    QCOMPARE(mMinimap->transform().m22(), scale);
    QVERIFY2(bottomRight.x() - topLeft.x() >= shown.width() - 6
                 || bottomRight.y() - topLeft.y() >= shown.height() - 6,
             qPrintable(QStringLiteral("scale %1").arg(scale)));
}

void TestMinimap::frameFollowsZoomAndScroll()
{
    const qreal scale = mMinimap->transform().m11();
    mMain->centerOn(sceneArea.topLeft());
    QRect frame = mMinimap->frameRect();
    const QPoint origin = mMinimap->mapFromScene(sceneArea.topLeft());
    QVERIFY2(near(frame.left(), origin.x(), 1) && near(frame.top(), origin.y(), 1),
             qPrintable(QStringLiteral("%1,%2").arg(frame.left()).arg(frame.top())));
    const qreal width = mMain->viewport()->width() * scale;
    QVERIFY2(near(frame.width(), width, 2), qPrintable(QString::number(frame.width())));

    // Zoomed in twice as far, the main view shows half as much.
    mMain->scale(2, 2);
    frame = mMinimap->frameRect();
    QVERIFY2(near(frame.width(), width / 2, 2), qPrintable(QString::number(frame.width())));
    QVERIFY2(near(frame.height(), mMain->viewport()->height() * scale / 2, 2),
             qPrintable(QString::number(frame.height())));

    // At 2x, scroll value v shows the scene from v / 2.
    mMain->horizontalScrollBar()->setValue(2000);
    mMain->verticalScrollBar()->setValue(1600);
    frame = mMinimap->frameRect();
    const QPoint corner = mMinimap->mapFromScene(QPointF(1000, 800));
    QVERIFY2(near(frame.left(), corner.x(), 2) && near(frame.top(), corner.y(), 2),
             qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                            .arg(frame.left())
                            .arg(frame.top())
                            .arg(corner.x())
                            .arg(corner.y())));

    // And the frame is drawn there, in the highlight colour.
    const QImage image = mMinimap->viewport()->grab().toImage();
    const QColor highlight = mMinimap->palette().color(QPalette::Highlight);
    QCOMPARE(image.pixelColor(frame.left(), frame.center().y()).rgb(), highlight.rgb());
    QCOMPARE(image.pixelColor(frame.center().x(), frame.top()).rgb(), highlight.rgb());
    QVERIFY(image.pixelColor(frame.left() - 4, frame.center().y()).rgb() != highlight.rgb());
}

void TestMinimap::clickCentresTheMainView()
{
    mMain->centerOn(sceneArea.topLeft());
    const QPoint at = mMinimap->mapFromScene(QPointF(2500, 1500));
    const QPointF target = mMinimap->mapToScene(at);
    QVERIFY(QLineF(mainCentre(), target).length() > 1000);

    QTest::mouseClick(mMinimap->viewport(), Qt::LeftButton, {}, at);
    const QPointF centre = mainCentre();
    QVERIFY2(near(centre.x(), target.x(), 2) && near(centre.y(), target.y(), 2),
             qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                            .arg(centre.x())
                            .arg(centre.y())
                            .arg(target.x())
                            .arg(target.y())));
    // The frame went along.
    QVERIFY(near(mMinimap->frameRect().center().x(), at.x(), 2));
    QVERIFY(near(mMinimap->frameRect().center().y(), at.y(), 2));
}

void TestMinimap::dragCentresTheMainView()
{
    mMain->scale(1.5, 1.5);
    const QPoint from = mMinimap->mapFromScene(QPointF(1000, 800));
    const QPoint to = mMinimap->mapFromScene(QPointF(3000, 2000));
    QTest::mousePress(mMinimap->viewport(), Qt::LeftButton, {}, from);
    QVERIFY(near(mainCentre().x(), mMinimap->mapToScene(from).x(), 2));
    QTest::mouseMove(mMinimap->viewport(), (from + to) / 2);
    QTest::mouseMove(mMinimap->viewport(), to);
    const QPointF target = mMinimap->mapToScene(to);
    QVERIFY2(near(mainCentre().x(), target.x(), 2) && near(mainCentre().y(), target.y(), 2),
             qPrintable(QStringLiteral("%1,%2 vs %3,%4")
                            .arg(mainCentre().x())
                            .arg(mainCentre().y())
                            .arg(target.x())
                            .arg(target.y())));
    QTest::mouseRelease(mMinimap->viewport(), Qt::LeftButton, {}, to);

    // After the release a mere move leaves the main view alone.
    QTest::mouseMove(mMinimap->viewport(), from);
    QVERIFY(near(mainCentre().x(), target.x(), 2));
}

void TestMinimap::neverEditsTheScene()
{
    QVERIFY(!mMinimap->isInteractive());
    QGraphicsItem *item = mScene->items(QPointF(2050, 1500)).value(0);
    QVERIFY(item);
    const QPointF before = item->pos();
    const QPoint at = mMinimap->mapFromScene(item->sceneBoundingRect().center());
    QTest::mousePress(mMinimap->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseMove(mMinimap->viewport(), at + QPoint(20, 10));
    QTest::mouseRelease(mMinimap->viewport(), Qt::LeftButton, {}, at + QPoint(20, 10));
    QVERIFY(!item->isSelected());
    QCOMPARE(item->pos(), before);
    QVERIFY(mScene->selectedItems().isEmpty());
}

void TestMinimap::paintsCheaply()
{
    mLog.painted = 0;
    mMinimap->viewport()->repaint();
    QCOMPARE(mLog.painted, columns * rows);
    // Below 0.3, where canvas items leave out their text and decorations.
    QVERIFY2(mLog.maxDetail < 0.3, qPrintable(QString::number(mLog.maxDetail)));
    QVERIFY(!mLog.antialiased);

    // A scroll of the main view repaints the minimap around the frame only.
    mMain->centerOn(QPointF(2000, 1500));
    settle();
    mLog.painted = 0;
    mMain->horizontalScrollBar()->setValue(mMain->horizontalScrollBar()->value() + 200);
    settle();
    QVERIFY2(mLog.painted > 0, "the frame's old and new places are repainted");
    QVERIFY2(mLog.painted < columns * rows / 10, qPrintable(QString::number(mLog.painted)));
}

void TestMinimap::followsANewSceneAndALostView()
{
    QGraphicsScene other(QRectF(0, 0, 800, 600));
    other.addRect(QRectF(100, 100, 50, 50));
    mMain->setScene(&other);
    QTRY_COMPARE(mMinimap->scene(), &other);
    // The drawing fills the minimap, not the scene's wide margins around it.
    const QRect shown = mMinimap->viewport()->rect();
    QVERIFY(shown.contains(mMinimap->mapFromScene(QPointF(100, 100))));
    QVERIFY(shown.contains(mMinimap->mapFromScene(QPointF(150, 150))));
    QVERIFY(!shown.contains(mMinimap->mapFromScene(QPointF(800, 600))));
    QVERIFY(near(mMinimap->frameRect().width(),
                 mMain->viewport()->width() * mMinimap->transform().m11(), 2));

    delete mMain;
    mMain = nullptr;
    QCOMPARE(mMinimap->sourceView(), nullptr);
    QCOMPARE(mMinimap->scene(), nullptr);
    QVERIFY(mMinimap->frameRect().isNull());
}

QTEST_MAIN(TestMinimap)
#include "tst_minimap.moc"
