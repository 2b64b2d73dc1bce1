#include "designview.h"

#include "designscene.h"

#include "gui/linklegend.h"
#include "gui/regionitem.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QMimeData>
#include <QScrollBar>
#include <QUrl>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace topolab::app {

namespace {

constexpr qreal zoomStep = 1.25;
constexpr qreal focusZoom = 0.75;
constexpr int legendMargin = 12;

} // namespace

DesignView::DesignView(DesignScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , mScene(scene)
    // A child of the view, not of the viewport: scrolling the viewport would move it along.
    , mLegend(new LinkLegend(this))
{
    setObjectName(QStringLiteral("canvas"));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setDragMode(RubberBandDrag);
    // A box dragged around elements selects those wholly inside it, as in drawing tools.
    setRubberBandSelectionMode(Qt::ContainsItemBoundingRect);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    // The dotted grid changes only with the zoom: drawn once, not on every repaint (it costs
    // as much as a thousand components).
    setCacheMode(CacheBackground);
    setFrameShape(QFrame::NoFrame);
    setAcceptDrops(true);
    setMouseTracking(true);
    connect(this, &DesignView::zoomChanged, scene, &DesignScene::setViewZoom);
    connect(scene, &QGraphicsScene::changed, this,
            [this] { mLegend->setVisible(mLegendWanted && mScene->linkCount() > 0); });
    placeLegend();
}

QPointF DesignView::visibleCentre() const
{
    return mapToScene(viewport()->rect().center());
}

void DesignView::zoomIn()
{
    zoomAroundCentre(zoomStep);
}

void DesignView::zoomOut()
{
    zoomAroundCentre(1 / zoomStep);
}

void DesignView::resetZoom()
{
    setZoom(1.0);
}

void DesignView::setZoom(qreal target)
{
    zoomAroundCentre(target / zoom());
}

void DesignView::fitToView()
{
    const QRectF content = mScene->contentRect().adjusted(-30, -30, 30, 30);
    if (mScene->contentRect().isEmpty()) {
        setTransform(QTransform());
        centerOn(0, 0);
        Q_EMIT zoomChanged(zoom());
        return;
    }
    // The legend floats over the bottom of the canvas: fit the drawing into the space above.
    const qreal reserved = !mLegend->isHidden() ? mLegend->height() + 2 * legendMargin : 0;
    const QRectF area = QRectF(viewport()->rect()).adjusted(0, 0, 0, -reserved);
    const qreal scale
        = std::clamp(std::min(area.width() / content.width(), area.height() / content.height()),
                     minimumZoom, 1.0);
    setTransform(QTransform::fromScale(scale, scale));
    centerOn(content.center() + QPointF(0, reserved / 2 / scale));
    Q_EMIT zoomChanged(zoom());
}

void DesignView::focusElement(const QString &id)
{
    QGraphicsItem *item = mScene->elementItem(id);
    if (!item)
        return;
    mScene->clearSelection();
    item->setSelected(true);
    // Far out on a large drawing a selected box is a speck; come close enough to read it.
    if (zoom() < focusZoom)
        zoomAroundCentre(focusZoom / zoom());
    centerOn(item);
}

void DesignView::setLegendVisible(bool visible)
{
    mLegendWanted = visible;
    mLegend->setVisible(visible && mScene->linkCount() > 0);
    placeLegend();
}

void DesignView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, minimumZoom, maximumZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    scale(target / zoom(), target / zoom());
    Q_EMIT zoomChanged(zoom());
}

void DesignView::zoomAroundCentre(qreal factor)
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    zoomBy(factor);
    setTransformationAnchor(anchor);
}

void DesignView::changeEvent(QEvent *event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        resetCachedContent();
        viewport()->update();
    }
}

void DesignView::wheelEvent(QWheelEvent *event)
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

QString DesignView::elementAt(const QPoint &pos) const
{
    const QPointF scenePos = mapToScene(pos);
    const QString component = mScene->componentAt(scenePos);
    if (!component.isEmpty())
        return component;
    for (QGraphicsItem *item : items(pos)) {
        if (item->type() == RegionItem::Type)
            return static_cast<RegionItem *>(item)->id();
    }
    return {};
}

void DesignView::contextMenuEvent(QContextMenuEvent *event)
{
    const QPoint pos
        = event->reason() == QContextMenuEvent::Mouse ? event->pos() : viewport()->rect().center();
    const QString id = elementAt(pos);
    if (!id.isEmpty() && !mScene->selectedIds().contains(id))
        mScene->selectIds({id});
    else if (id.isEmpty() && event->reason() == QContextMenuEvent::Mouse)
        mScene->clearSelection();
    Q_EMIT contextMenuRequested(event->globalPos(), mapToScene(pos));
    event->accept();
}

void DesignView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const QString id = elementAt(event->position().toPoint());
        if (!id.isEmpty()) {
            Q_EMIT elementDoubleClicked(id);
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void DesignView::beginPan(const QPoint &pos)
{
    mPanning = true;
    mPanFrom = pos;
    viewport()->setCursor(Qt::ClosedHandCursor);
}

void DesignView::endPan()
{
    mPanning = false;
    if (mSpaceHeld)
        viewport()->setCursor(Qt::OpenHandCursor);
    else
        viewport()->unsetCursor();
}

void DesignView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && mSpaceHeld)) {
        beginPan(event->position().toPoint());
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void DesignView::mouseMoveEvent(QMouseEvent *event)
{
    if (mPanning) {
        const QPoint delta = event->position().toPoint() - mPanFrom;
        mPanFrom = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DesignView::mouseReleaseEvent(QMouseEvent *event)
{
    if (mPanning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        endPan();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void DesignView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        mSpaceHeld = true;
        if (!mPanning)
            viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Space) {
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void DesignView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        mSpaceHeld = false;
        if (!mPanning)
            viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DesignView::focusOutEvent(QFocusEvent *event)
{
    // A Space released elsewhere never reaches us.
    mSpaceHeld = false;
    if (mPanning)
        endPan();
    else
        viewport()->unsetCursor();
    QGraphicsView::focusOutEvent(event);
}

QStringList DesignView::topologyFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile()
            && QFileInfo(url.toLocalFile())
                   .fileName()
                   .endsWith(QStringLiteral(".yaml"), Qt::CaseInsensitive))
            paths.append(url.toLocalFile());
    }
    return paths;
}

void DesignView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!topologyFiles(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
        return;
    }
    QGraphicsView::dragEnterEvent(event);
}

void DesignView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!topologyFiles(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
        return;
    }
    QGraphicsView::dragMoveEvent(event);
}

void DesignView::dropEvent(QDropEvent *event)
{
    const QStringList files = topologyFiles(event->mimeData());
    if (!files.isEmpty()) {
        event->acceptProposedAction();
        Q_EMIT filesDropped(files);
        return;
    }
    QGraphicsView::dropEvent(event);
}

bool DesignView::viewportEvent(QEvent *event)
{
    const bool handled = QGraphicsView::viewportEvent(event);
    if (event->type() == QEvent::Resize)
        placeLegend();
    return handled;
}

void DesignView::placeLegend()
{
    mLegend->adjustSize();
    const QRect area = viewport()->geometry();
    mLegend->move(area.left() + legendMargin, area.bottom() - mLegend->height() - legendMargin);
    mLegend->raise();
}

} // namespace topolab::app
