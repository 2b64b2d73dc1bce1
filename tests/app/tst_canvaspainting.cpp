// The canvas's shortcuts to a fast repaint look the same as the slow way they replace: fills in
// bands, arrow heads from pictures, region frames on whole pixels, and every link drawn by one
// item far out (LinkOverview), which must also keep links selectable, repainted where they
// change, and whole in exported pictures.
#include "canvastesthelpers.h"

#include "gui/arrowheads.h"
#include "gui/bandedfill.h"
#include "gui/linkitem.h"
#include "gui/linkoverview.h"
#include "gui/pictureexport.h"

#include <QImage>
#include <QPainter>
#include <QPicture>
#include <QSignalSpy>
#include <QStyleOptionGraphicsItem>
#include <QTest>

using namespace canvastest;
namespace core = topolab::core;

namespace {

QImage blankImage(QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    return image;
}

int countPixels(const QImage &image, QRgb colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) == colour;
    }
    return count;
}

// Pixels whose channels differ by more than `tolerance` between two pictures of one size.
int differingPixels(const QImage &a, const QImage &b, int tolerance)
{
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            const int d = std::max({std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                                    std::abs(qBlue(p) - qBlue(q))});
            count += d > tolerance;
        }
    }
    return count;
}

// Drawn on whole pixels, an edge that smoothing spreads over two pixels lands on one of them:
// where a pixel is partly covered in one drawing and not at all in the other, its tone differs
// by up to this much.
constexpr int smoothingTolerance = 80;

bool near(QRgb p, QRgb q, int tolerance)
{
    return std::abs(qRed(p) - qRed(q)) <= tolerance && std::abs(qGreen(p) - qGreen(q)) <= tolerance
           && std::abs(qBlue(p) - qBlue(q)) <= tolerance;
}

// Pixels of `a` with no pixel of `b` within one pixel's distance that matches them, and the
// other way round: what differs between two drawings of one thing beyond the half-pixel shift
// of drawing on whole pixels.
int differingBeyondAPixel(const QImage &a, const QImage &b, int tolerance)
{
    const auto oneWay = [tolerance](const QImage &from, const QImage &to) {
        int count = 0;
        for (int y = 0; y < from.height(); ++y) {
            for (int x = 0; x < from.width(); ++x) {
                bool matched = false;
                for (int dy = -1; dy <= 1 && !matched; ++dy) {
                    for (int dx = -1; dx <= 1 && !matched; ++dx) {
                        const QPoint q(x + dx, y + dy);
                        matched = to.valid(q) && near(from.pixel(x, y), to.pixel(q), tolerance);
                    }
                }
                count += !matched;
            }
        }
        return count;
    };
    return oneWay(a, b) + oneWay(b, a);
}

QImage viewportPicture(DesignView &view)
{
    QImage image = blankImage(view.viewport()->size());
    QPainter painter(&image);
    view.viewport()->render(&painter);
    return image;
}

// A long vertical segment of a request link, for probing pixels on it.
const LinkItem *requestLinkWithVerticalRun(const DesignScene &scene, const TopologyDocument &doc,
                                           QLineF *run)
{
    for (const core::Link &link : doc.topology().links) {
        const LinkItem *item = scene.linkItem(QString::fromStdString(link.from),
                                              QString::fromStdString(link.to));
        if (!item || item->kind() != core::LinkKind::Request)
            continue;
        for (const QLineF &segment : item->segments()) {
            if (segment.dx() == 0 && std::abs(segment.dy()) >= 60) {
                *run = segment;
                return item;
            }
        }
    }
    return nullptr;
}

} // namespace

class TestCanvasPainting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bandedFillCoversTheRectangleExactly();
    void bandedFillStopsAtTheDevice();
    void frameIsOnePixelInside();
    void arrowHeadPictureMatchesTheFilledTriangle();
    void slantedArrowHeadIsLeftToTheCaller();
    void regionOnScreenMatchesTheVectorDrawing();
    void linksAreDrawnByTheOverviewFarOut();
    void overviewShowsTheLinksAndTheirSelection();
    void overviewRepaintsWhereALinkMoved();
    void pictureKeepsTheLinksWhenZoomedOut();
};

void TestCanvasPainting::bandedFillCoversTheRectangleExactly()
{
    QImage image = blankImage(QSize(40, 400));
    QPainter painter(&image);
    painter.scale(2, 2); // the filler works in device pixels whatever the transform
    {
        BandedFill pixels(&painter);
        QCOMPARE(pixels.devicePixels(QRectF(2.6, 1.4, 5, 150)), QRectF(5, 3, 10, 300));
        pixels.fill(QRectF(5, 3, 10, 300), QColor(Qt::red));
    }
    QCOMPARE(painter.worldTransform(), QTransform::fromScale(2, 2));
    painter.end();
    QCOMPARE(countPixels(image, qRgb(255, 0, 0)), 10 * 300);
    QCOMPARE(image.pixel(5, 3), qRgb(255, 0, 0));
    QCOMPARE(image.pixel(14, 302), qRgb(255, 0, 0));
    QCOMPARE(image.pixel(4, 3), qRgb(255, 255, 255));
    QCOMPARE(image.pixel(5, 303), qRgb(255, 255, 255));
}

void TestCanvasPainting::bandedFillStopsAtTheDevice()
{
    QImage image = blankImage(QSize(20, 100));
    QPainter painter(&image);
    BandedFill pixels(&painter);
    // Far beyond the picture on both sides, as a link across the drawing is at 100 %.
    pixels.fill(QRectF(3, -100000, 2, 300000), QColor(Qt::blue));
    pixels.fill(QRectF(-50, 500, 10, 10), QColor(Qt::blue)); // wholly outside: nothing
    QCOMPARE(countPixels(image, qRgb(0, 0, 255)), 2 * 100);
}

void TestCanvasPainting::frameIsOnePixelInside()
{
    QImage image = blankImage(QSize(30, 200));
    QPainter painter(&image);
    {
        BandedFill pixels(&painter);
        pixels.frame(QRectF(2, 2, 20, 150), QColor(Qt::black));
    }
    painter.end();
    QCOMPARE(countPixels(image, qRgb(0, 0, 0)), 2 * 20 + 2 * 148);
    QCOMPARE(image.pixel(2, 2), qRgb(0, 0, 0));
    QCOMPARE(image.pixel(21, 151), qRgb(0, 0, 0));
    QCOMPARE(image.pixel(3, 3), qRgb(255, 255, 255));
}

void TestCanvasPainting::arrowHeadPictureMatchesTheFilledTriangle()
{
    const QColor colour(0x1f, 0x6f, 0xd1);
    // Down, up, left and right, at the zooms the canvas offers.
    const QList<QPolygonF> heads = {
        QPolygonF({QPointF(20, 30), QPointF(15, 19), QPointF(25, 19)}),
        QPolygonF({QPointF(20, 10), QPointF(15, 21), QPointF(25, 21)}),
        QPolygonF({QPointF(10, 20), QPointF(21, 15), QPointF(21, 25)}),
        QPolygonF({QPointF(30, 20), QPointF(19, 15), QPointF(19, 25)}),
    };
    for (const qreal zoom : {0.5, 1.0, 2.0}) {
        for (const QPolygonF &head : heads) {
            QImage picture = blankImage(QSize(100, 100));
            QImage filled = picture;
            {
                QPainter painter(&picture);
                painter.setRenderHint(QPainter::Antialiasing);
                painter.scale(zoom, zoom);
                QVERIFY(drawArrowHead(&painter, head, colour));
            }
            {
                QPainter painter(&filled);
                painter.setRenderHint(QPainter::Antialiasing);
                painter.scale(zoom, zoom);
                painter.setPen(QPen(colour, 1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                painter.setBrush(colour);
                painter.drawPolygon(head);
            }
            // The same triangle, at most half a pixel away: only its smoothed edge may differ.
            const int inked = differingPixels(filled, blankImage(filled.size()), 0);
            QVERIFY(inked > 10);
            const int differing = differingBeyondAPixel(picture, filled, smoothingTolerance);
            // At most the two pixels where a straight side meets a corner, at each corner.
            QVERIFY2(differing <= 8,
                     qPrintable(QStringLiteral("zoom %1: %2 pixels").arg(zoom).arg(differing)));
        }
    }
}

void TestCanvasPainting::slantedArrowHeadIsLeftToTheCaller()
{
    QImage image = blankImage(QSize(50, 50));
    QPainter painter(&image);
    QVERIFY(!drawArrowHead(&painter, QPolygonF({QPointF(30, 30), QPointF(18, 24), QPointF(24, 18)}),
                           Qt::black));
    painter.rotate(30);
    QVERIFY(!drawArrowHead(&painter, QPolygonF({QPointF(20, 30), QPointF(15, 19), QPointF(25, 19)}),
                           Qt::black));
    painter.end();
    QCOMPARE(countPixels(image, qRgb(255, 255, 255)), 50 * 50);
}

void TestCanvasPainting::regionOnScreenMatchesTheVectorDrawing()
{
    // A region on screen is drawn in whole-pixel parts; through a QPicture (as into SVG or
    // PDF) it is one rounded rectangle. Both must look alike.
    Canvas canvas(examplePath(QStringLiteral("multi-region")));
    QVERIFY(canvas.ready());
    RegionItem *region = canvas.scene.regionItem(QStringLiteral("nyc3"));
    QVERIFY(region);
    for (const bool selected : {false, true}) {
        region->setSelected(selected);
        for (const qreal zoom : {0.5, 1.0, 1.5}) {
            const QSize size = (region->boundingRect().size() * zoom).toSize() + QSize(4, 4);
            QStyleOptionGraphicsItem option;
            option.state = selected ? QStyle::State_Selected : QStyle::State_None;
            option.exposedRect = region->boundingRect();
            QImage screen = blankImage(size);
            {
                QPainter painter(&screen);
                painter.scale(zoom, zoom);
                region->paint(&painter, &option, nullptr);
            }
            QPicture recording;
            {
                QPainter painter(&recording);
                painter.scale(zoom, zoom);
                region->paint(&painter, &option, nullptr);
            }
            QImage vector = blankImage(size);
            {
                QPainter painter(&vector);
                recording.play(&painter);
            }
            const int inked = differingPixels(vector, blankImage(size), 4);
            QVERIFY(inked > size.width() * size.height() / 2); // the tinted area
            // Below the header, whose text a recording replays with other hinting: the frame
            // and its two lower corners.
            const int header = int(std::ceil(40 * zoom));
            const QRect body(0, header, size.width(), size.height() - header);
            const int differing
                = differingBeyondAPixel(screen.copy(body), vector.copy(body), smoothingTolerance);
            // The see-through tint inside is the same, exactly.
            const QPoint inside = body.center();
            QCOMPARE(screen.pixel(inside), vector.pixel(inside));
            // At most the two pixels where a straight side meets a corner, at each corner.
            QVERIFY2(differing <= 8, qPrintable(QStringLiteral("zoom %1, selected %2: %3 pixels")
                                                     .arg(zoom)
                                                     .arg(selected)
                                                     .arg(differing)));
        }
    }
}

void TestCanvasPainting::linksAreDrawnByTheOverviewFarOut()
{
    Canvas canvas(examplePath(QStringLiteral("multi-region")));
    QVERIFY(canvas.ready());
    const LinkItem *link = canvas.scene.linkItem(QStringLiteral("www"), QStringLiteral("lb-nyc-1"));
    QVERIFY(link);
    QVERIFY(!(link->flags() & QGraphicsItem::ItemHasNoContents));

    canvas.view.setZoom(0.2);
    QVERIFY(link->flags() & QGraphicsItem::ItemHasNoContents);
    // Still there for the mouse and the selection.
    QVERIFY(link->isVisible());
    QVERIFY(link->flags() & QGraphicsItem::ItemIsSelectable);

    // A link added while far out is drawn by the overview too.
    QVERIFY(canvas.document.disconnectComponents(QStringLiteral("www"), QStringLiteral("lb-nyc-1")));
    QVERIFY(!canvas.document.connectComponents(QStringLiteral("www"), QStringLiteral("lb-nyc-1")));
    link = canvas.scene.linkItem(QStringLiteral("www"), QStringLiteral("lb-nyc-1"));
    QVERIFY(link);
    QVERIFY(link->flags() & QGraphicsItem::ItemHasNoContents);

    canvas.view.setZoom(1.0);
    QVERIFY(!(link->flags() & QGraphicsItem::ItemHasNoContents));
}

void TestCanvasPainting::overviewShowsTheLinksAndTheirSelection()
{
    Canvas canvas(examplePath(QStringLiteral("multi-region")));
    QVERIFY(canvas.ready());
    canvas.view.setZoom(0.25);
    canvas.view.centerOn(canvas.scene.contentRect().center());
    QLineF run;
    const LinkItem *link = requestLinkWithVerticalRun(canvas.scene, canvas.document, &run);
    QVERIFY(link);
    const QPoint middle = canvas.at(run.center());
    // Links lie under the regions' see-through tint: dark, not exactly their ink.
    const auto inked = [&](const QImage &picture) {
        for (int dx = -1; dx <= 1; ++dx) {
            if (qGray(picture.pixel(middle + QPoint(dx, 0))) < 60)
                return true;
        }
        return false;
    };
    QImage picture = viewportPicture(canvas.view);
    QVERIFY(inked(picture));
    // Without the overview nothing draws the links.
    QGraphicsItem *overview = nullptr;
    for (QGraphicsItem *item : canvas.scene.items()) {
        if (item->type() == LinkOverview::Type)
            overview = item;
    }
    QVERIFY(overview);
    overview->hide();
    QVERIFY(!inked(viewportPicture(canvas.view)));
    overview->show();

    // The halo of a selected link shows beside it.
    const QPoint beside = middle + QPoint(2, 0);
    const QRgb before = picture.pixel(beside);
    canvas.scene.clearSelection();
    const_cast<LinkItem *>(link)->setSelected(true);
    picture = viewportPicture(canvas.view);
    QVERIFY(picture.pixel(beside) != before);
    QVERIFY(inked(picture));
}

void TestCanvasPainting::overviewRepaintsWhereALinkMoved()
{
    Canvas canvas(examplePath(QStringLiteral("multi-region")));
    QVERIFY(canvas.ready());
    canvas.view.setZoom(0.25);
    QCoreApplication::processEvents();
    const LinkItem *link = canvas.scene.linkItem(QStringLiteral("www"), QStringLiteral("lb-nyc-1"));
    QVERIFY(link);
    const QRectF oldBounds = link->sceneBoundingRect();

    QSignalSpy changed(&canvas.scene, &QGraphicsScene::changed);
    const QPointF centre = canvas.centreOf(QStringLiteral("lb-nyc-1"));
    QVERIFY(canvas.document.moveElements({{QStringLiteral("lb-nyc-1"), centre + QPointF(0, 200)}}));
    QTRY_VERIFY(!changed.isEmpty());
    QCoreApplication::processEvents();
    const QRectF newBounds = link->sceneBoundingRect();
    QVERIFY(newBounds != oldBounds);
    // The link items draw nothing far out; the scene is still told to repaint where the link
    // was and where it is now, which is what the canvas repaints.
    QRectF repainted;
    for (const QList<QVariant> &call : std::as_const(changed)) {
        for (const QRectF &rect : call.at(0).value<QList<QRectF>>())
            repainted |= rect;
    }
    QVERIFY(repainted.contains(oldBounds.adjusted(1, 1, -1, -1)));
    QVERIFY(repainted.contains(newBounds.adjusted(1, 1, -1, -1)));
}

void TestCanvasPainting::pictureKeepsTheLinksWhenZoomedOut()
{
    Canvas canvas(examplePath(QStringLiteral("multi-region")));
    QVERIFY(canvas.ready());
    const auto render = [&] {
        PictureExport picture(canvas.scene);
        QImage image = blankImage(picture.size().toSize());
        QPainter painter(&image);
        picture.paint(&painter);
        return image;
    };
    const QImage near = render();
    canvas.view.setZoom(0.2);
    const QImage far = render();
    QCOMPARE(far.size(), near.size());
    QCOMPARE(differingPixels(far, near, 0), 0);
}

QTEST_MAIN(TestCanvasPainting)
#include "tst_canvaspainting.moc"
