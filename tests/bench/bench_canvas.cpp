// The editable canvas with 1,000 components (the generated multi-region topology of bench_core,
// 10 regions of about 100): opening a file up to the first picture, repainting the whole view,
// and dragging a region of 100 components with the mouse, step by step and on release.
// Budgets: open + first paint ≤ 1 s, a repaint ≤ 16 ms, a drag step well under 16 ms.
#include "benchtopology.h"

#include "canvas/designscene.h"
#include "canvas/designview.h"
#include "canvas/movedrag.h"
#include "document/topologydocument.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QTemporaryDir>
#include <QUndoStack>

#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>

using namespace topolab::app;

namespace {

constexpr int regions = 10;
constexpr int appsPerRegion = 93; // 10 × (93 + 6) + 3 + 10 backups = 1,003 components
const QSize pictureSize(1600, 1000);

// The topology file, written once: without a layout (placed by the canvas's automatic layout,
// as a generated file is) or with the layout that placement gives (as the designer saves it).
QString topologyFile(bool laidOut)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(laidOut ? QStringLiteral("laid-out.topolab.yaml")
                                              : QStringLiteral("auto.topolab.yaml"));
    if (QFile::exists(path))
        return path;
    std::string text = topolab::bench::multiRegionYaml(regions, appsPerRegion);
    if (laidOut) {
        QFile plain(dir.filePath(QStringLiteral("plain.topolab.yaml")));
        if (!plain.open(QIODevice::WriteOnly))
            throw std::runtime_error("cannot write the benchmark topology");
        plain.write(text.data(), qint64(text.size()));
        plain.close();
        TopologyDocument document;
        if (!document.open(plain.fileName()).empty())
            throw std::runtime_error("benchmark topology does not open");
        DesignScene scene(&document);
        document.beginCompoundEdit(QStringLiteral("Freeze"));
        scene.freezeAutomaticPlacement();
        document.endCompoundEdit();
        text = document.serialized();
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write the benchmark topology");
    file.write(text.data(), qint64(text.size()));
    return path;
}

// A view laid out at the picture's size without a window on screen; render() paints it.
void prepare(DesignView &view)
{
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(pictureSize);
    view.show();
}

// What a paint event of the whole widget draws (QWidget::render, not QGraphicsView::render,
// which paints the scene without the view's caches and exposure handling): the canvas with its
// scroll bars and legend, as after a zoom step.
void paint(DesignView &view, QImage &image)
{
    QPainter painter(&image);
    view.QWidget::render(&painter);
}

// What a repaint of the canvas draws: its viewport, without the scroll bars and legend, which
// are widgets of their own and repaint only when they change.
void paintCanvas(DesignView &view, QImage &image)
{
    QPainter painter(&image);
    view.viewport()->render(&painter);
}

// A document open on a view, at fit-to-view or centred at 100 %.
struct Canvas
{
    explicit Canvas(bool laidOut)
    {
        if (!document.open(topologyFile(laidOut)).empty())
            throw std::runtime_error("benchmark topology does not open");
        scene = std::make_unique<DesignScene>(&document);
        view = std::make_unique<DesignView>(scene.get());
        prepare(*view);
        view->fitToView();
    }

    TopologyDocument document;
    std::unique_ptr<DesignScene> scene;
    std::unique_ptr<DesignView> view;
    QImage image{pictureSize, QImage::Format_ARGB32_Premultiplied};
};

void setCounters(benchmark::State &state, const TopologyDocument &document)
{
    state.counters["components"] = double(document.topology().components.size());
    state.counters["links"] = double(document.topology().links.size());
}

// Open the file, build the scene, fit the view and paint it once into a 1600 × 1000 picture.
void BM_OpenAndFirstPaint(benchmark::State &state)
{
    const bool laidOut = state.range(0) != 0;
    const QString path = topologyFile(laidOut);
    QImage image(pictureSize, QImage::Format_ARGB32_Premultiplied);
    double open = 0;
    double build = 0;
    double painted = 0;
    std::size_t components = 0;
    for (auto _ : state) {
        QElapsedTimer clock;
        clock.start();
        auto document = std::make_unique<TopologyDocument>();
        if (!document->open(path).empty())
            throw std::runtime_error("benchmark topology does not open");
        const qint64 t1 = clock.nsecsElapsed();
        auto scene = std::make_unique<DesignScene>(document.get());
        auto view = std::make_unique<DesignView>(scene.get());
        prepare(*view);
        view->fitToView();
        const qint64 t2 = clock.nsecsElapsed();
        paint(*view, image);
        const qint64 t3 = clock.nsecsElapsed();
        state.SetIterationTime(double(t3) / 1e9);
        open += double(t1) / 1e6;
        build += double(t2 - t1) / 1e6;
        painted += double(t3 - t2) / 1e6;
        components = document->topology().components.size();
        // Tearing down is not part of opening.
        view.reset();
        scene.reset();
        document.reset();
    }
    const double n = double(state.iterations());
    state.counters["open_ms"] = open / n;
    state.counters["scene_ms"] = build / n;
    state.counters["paint_ms"] = painted / n;
    state.counters["components"] = double(components);
}

// A full repaint of the canvas: arg 0 at fit-to-view, arg 1 at 100 % on the middle of a region.
// Arg 1: 100 % on the middle of a region; arg 0: fit to view, as the canvas opens.
void showForRepaint(Canvas &canvas, const benchmark::State &state)
{
    if (state.range(0) == 1) {
        canvas.view->resetZoom();
        canvas.view->centerOn(canvas.scene->elementRect(QStringLiteral("r4")).center());
    }
}

void BM_Repaint(benchmark::State &state)
{
    Canvas canvas(true);
    showForRepaint(canvas, state);
    for (auto _ : state)
        paintCanvas(*canvas.view, canvas.image);
    state.counters["zoom"] = canvas.view->zoom();
    setCounters(state, canvas.document);
}

// The same with the scroll bars and the legend around the canvas, as after a zoom step.
void BM_RepaintWithScrollBars(benchmark::State &state)
{
    Canvas canvas(true);
    showForRepaint(canvas, state);
    for (auto _ : state)
        paint(*canvas.view, canvas.image);
    state.counters["zoom"] = canvas.view->zoom();
    setCounters(state, canvas.document);
}

void sendMouse(QWidget *viewport, QEvent::Type type, QPoint pos, Qt::MouseButton button,
               Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, viewport->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(viewport, &event);
}

// Dragging region r4 by its header at 50 %, where the whole region is in view: the region and
// its 99 members move, and about 400 links follow them (2 LBs × 93 app servers, the app servers
// to their database and to offsite, www, the tunnel, the backup). One mouse move of the drag,
// with arg 1 followed by a full repaint (a real drag repaints only what changed).
void BM_DragRegionStep(benchmark::State &state)
{
    const bool repaint = state.range(0) != 0;
    Canvas canvas(true);
    canvas.view->setZoom(0.5);
    const QRectF region = canvas.scene->elementRect(QStringLiteral("r4"));
    canvas.view->centerOn(region.center());
    QWidget *viewport = canvas.view->viewport();
    const QPoint press = canvas.view->mapFromScene(QPointF(region.center().x(), region.top() + 12));
    sendMouse(viewport, QEvent::MouseButtonPress, press, Qt::LeftButton, Qt::LeftButton);
    sendMouse(viewport, QEvent::MouseMove, press + QPoint(20, 10), Qt::NoButton, Qt::LeftButton);
    auto *drag = dynamic_cast<MoveDrag *>(canvas.scene->activeDrag());
    if (!drag || drag->movingIds().size() != 100)
        throw std::runtime_error("the region drag did not start");
    int step = 0;
    for (auto _ : state) {
        // Back and forth, a new grid position every step.
        const int x = 20 + 11 * (step % 40 < 20 ? step % 40 : 40 - step % 40);
        sendMouse(viewport, QEvent::MouseMove, press + QPoint(x, 10 + step % 7), Qt::NoButton,
                  Qt::LeftButton);
        if (repaint)
            paint(*canvas.view, canvas.image);
        ++step;
    }
    state.counters["moving"] = double(drag->movingIds().size());
    state.counters["zoom"] = canvas.view->zoom();
    sendMouse(viewport, QEvent::MouseButtonRelease, press, Qt::LeftButton, Qt::NoButton);
    setCounters(state, canvas.document);
}

// The release of that drag: the one undo command that moves 100 elements (undone, untimed,
// before the next round).
void BM_DragRegionRelease(benchmark::State &state)
{
    Canvas canvas(true);
    canvas.view->setZoom(0.5);
    const QRectF region = canvas.scene->elementRect(QStringLiteral("r4"));
    canvas.view->centerOn(region.center());
    QWidget *viewport = canvas.view->viewport();
    const QPoint press = canvas.view->mapFromScene(QPointF(region.center().x(), region.top() + 12));
    const QByteArray before = QByteArray::fromStdString(canvas.document.serialized());
    for (auto _ : state) {
        state.PauseTiming();
        sendMouse(viewport, QEvent::MouseButtonPress, press, Qt::LeftButton, Qt::LeftButton);
        sendMouse(viewport, QEvent::MouseMove, press + QPoint(60, 30), Qt::NoButton,
                  Qt::LeftButton);
        state.ResumeTiming();
        sendMouse(viewport, QEvent::MouseButtonRelease, press + QPoint(60, 30), Qt::LeftButton,
                  Qt::NoButton);
        // Links the moved boxes used to be in the way of are rerouted once control is back.
        QCoreApplication::processEvents();
        state.PauseTiming();
        if (canvas.document.undoStack()->count() != 1)
            throw std::runtime_error("the region drag was not one undo step");
        canvas.document.undoStack()->undo();
        canvas.document.undoStack()->clear();
        QCoreApplication::processEvents();
        state.ResumeTiming();
    }
    if (QByteArray::fromStdString(canvas.document.serialized()) != before)
        throw std::runtime_error("undo did not restore the document");
    setCounters(state, canvas.document);
}

} // namespace

BENCHMARK(BM_OpenAndFirstPaint)
    ->ArgName("laid_out")
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Repaint)->ArgName("at_100")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RepaintWithScrollBars)
    ->ArgName("at_100")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DragRegionStep)->ArgName("repaint")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DragRegionRelease)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    // Widgets without a display: the offscreen platform, unless told otherwise.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
