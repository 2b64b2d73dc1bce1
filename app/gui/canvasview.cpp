#include "canvasview.h"

#include "linklegend.h"
#include "topologyscene.h"

#include <QGraphicsItem>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace topolab::app {

namespace {

constexpr qreal minZoom = 0.05;
constexpr qreal maxZoom = 4.0;
constexpr qreal zoomStep = 1.25;
constexpr qreal focusZoom = 0.75;
constexpr int legendMargin = 12;

} // namespace

CanvasView::CanvasView(TopologyScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , mScene(scene)
    // A child of the view, not of the viewport: scrolling the viewport would move it along.
    , mLegend(new LinkLegend(this))
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setBackgroundBrush(palette().color(QPalette::Window));
    setFrameShape(QFrame::NoFrame);
    mLegend->hide();
}

void CanvasView::zoomIn()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    zoomBy(zoomStep);
    setTransformationAnchor(anchor);
}

void CanvasView::zoomOut()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    zoomBy(1 / zoomStep);
    setTransformationAnchor(anchor);
}

void CanvasView::fitToView()
{
    const QRectF content = mScene->sceneRect();
    if (content.isEmpty())
        return;
    // The legend floats over the bottom of the canvas: fit the topology into the space above it.
    const qreal reserved = !mLegend->isHidden() ? mLegend->height() + 2 * legendMargin : 0;
    const QRectF area = QRectF(viewport()->rect()).adjusted(0, 0, 0, -reserved);
    // Fitting a small topology should not blow it up past its natural size.
    const qreal scale = std::clamp(
        std::min(area.width() / content.width(), area.height() / content.height()), minZoom, 1.0);
    setTransform(QTransform::fromScale(scale, scale));
    mFitting = true;
    updateSceneRect();
    centerOn(content.center() + QPointF(0, reserved / 2 / scale));
}

void CanvasView::focusElement(const QString &id)
{
    QGraphicsItem *item = mScene->elementItem(id);
    if (!item)
        return;
    mScene->clearSelection();
    item->setSelected(true);
    // Far out on a large topology a selected box is a speck; come close enough to read it.
    if (zoom() < focusZoom)
        zoomBy(focusZoom / zoom());
    centerOn(item);
}

void CanvasView::showWholeTopology()
{
    mLegend->setVisible(mScene->linkCount() > 0);
    placeLegend();
    fitToView();
}

void CanvasView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setBackgroundBrush(palette().color(QPalette::Window));
}

void CanvasView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const QPoint delta = event->angleDelta();
    if (delta.y() != 0)
        zoomBy(std::pow(zoomStep, delta.y() / 120.0));
    event->accept();
}

// The viewport, not the view, is what the legend sits in and the topology is fitted to; it
// changes size on its own when the scroll bars come and go.
bool CanvasView::viewportEvent(QEvent *event)
{
    const bool handled = QGraphicsView::viewportEvent(event);
    if (event->type() != QEvent::Resize)
        return handled;
    placeLegend();
    // Until the user zooms, the whole topology stays in view as the window changes size.
    if (mFitting)
        fitToView();
    else
        updateSceneRect();
    return handled;
}

void CanvasView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, minZoom, maxZoom);
    scale(target / zoom(), target / zoom());
    mFitting = false;
    updateSceneRect();
}

// Extends the scrollable area below the topology by the legend's height, so that the legend
// never has to cover the bottom row.
void CanvasView::updateSceneRect()
{
    const qreal reserved = !mLegend->isHidden() ? mLegend->height() + 2 * legendMargin : 0;
    setSceneRect(mScene->sceneRect().adjusted(0, 0, 0, reserved / zoom()));
}

void CanvasView::placeLegend()
{
    mLegend->adjustSize();
    const QRect area = viewport()->geometry();
    mLegend->move(area.left() + legendMargin, area.bottom() - mLegend->height() - legendMargin);
    mLegend->raise();
}

} // namespace topolab::app
