#include "minimapview.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

namespace topolab::app {

namespace {

constexpr int framePen = 2; // logical pixels, whatever the scale

} // namespace

MinimapView::MinimapView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("minimap"));
    // Items leave out what only clutters a thumbnail (RegionItem's names far out).
    setProperty("thumbnail", true);
    setAccessibleName(tr("Overview"));
    setToolTip(tr("Overview of the canvas: click or drag to show that part"));
    // A window onto the canvas's scene, never a second way to edit it.
    setInteractive(false);
    setFocusPolicy(Qt::NoFocus);
    setAcceptDrops(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAlignment(Qt::AlignCenter);
    // Compact unless the window gives it room: it must not compete with the canvas for space.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    // At this scale antialiasing costs time and shows nothing; neither does recomputing the
    // scene's background on every scroll of the main view.
    setRenderHints({});
    setOptimizationFlag(DontAdjustForAntialiasing);
    setCacheMode(CacheBackground);
    viewport()->setCursor(Qt::PointingHandCursor);
}

void MinimapView::setSourceView(QGraphicsView *view)
{
    if (view == mSource)
        return;
    detach();
    mSource = view;
    if (mSource) {
        mSource->viewport()->installEventFilter(this);
        for (QScrollBar *bar : {mSource->horizontalScrollBar(), mSource->verticalScrollBar()}) {
            mConnections.push_back(
                connect(bar, &QScrollBar::valueChanged, this, &MinimapView::updateFrame));
            // A zoom or a new scene rectangle of the main view changes the ranges.
            mConnections.push_back(
                connect(bar, &QScrollBar::rangeChanged, this, &MinimapView::fitScene));
        }
        mConnections.push_back(connect(mSource, &QObject::destroyed, this, [this] {
            // Half destroyed: its viewport and scene pointer are no longer to be trusted.
            mSource = nullptr;
            detach();
            followScene();
        }));
    }
    followScene();
}

void MinimapView::detach()
{
    if (mSource)
        mSource->viewport()->removeEventFilter(this);
    for (const QMetaObject::Connection &connection : mConnections)
        disconnect(connection);
    mConnections.clear();
}

void MinimapView::followScene()
{
    QGraphicsScene *shown = mSource ? mSource->scene() : nullptr;
    if (shown != scene()) {
        disconnect(mSceneConnection);
        setScene(shown);
        if (shown) {
            mSceneConnection
                = connect(shown, &QGraphicsScene::sceneRectChanged, this, &MinimapView::fitScene);
        }
    }
    mFittedArea = QRectF();
    fitScene();
}

void MinimapView::fitScene()
{
    if (!mSource || !scene()) {
        mDrawnFrame = QRect();
        viewport()->update();
        return;
    }
    // The drawing and the part the main view shows, not the whole scene rectangle: an editing
    // canvas keeps wide margins around the drawing that would shrink it to a speck here.
    const QRectF items = scene()->itemsBoundingRect();
    const QRectF area = items.isEmpty() ? mSource->sceneRect() : items.adjusted(-40, -40, 40, 40);
    if (area == mFittedArea && viewport()->size() == mFittedSize) {
        updateFrame(); // a zoom of the main view: only the frame changed
        return;
    }
    mFittedArea = area;
    mFittedSize = viewport()->size();
    setSceneRect(area);
    fitInView(area, Qt::KeepAspectRatio);
    mDrawnFrame = frameRect();
    viewport()->update();
}

QRectF MinimapView::visibleSceneRect() const
{
    if (!mSource || !mSource->scene())
        return {};
    return mSource->mapToScene(mSource->viewport()->rect()).boundingRect();
}

QRect MinimapView::frameRect() const
{
    if (!mSource || !scene())
        return {};
    return mapFromScene(visibleSceneRect()).boundingRect();
}

void MinimapView::updateFrame()
{
    const QRect frame = frameRect();
    if (frame == mDrawnFrame)
        return;
    // Where the frame was and where it is now: the items under the rest stay as painted, which
    // keeps a scroll of the main view cheap however many components there are.
    QRegion dirty;
    for (const QRect &rect : {mDrawnFrame, frame}) {
        if (!rect.isNull())
            dirty += rect.adjusted(-framePen, -framePen, framePen, framePen);
    }
    mDrawnFrame = frame;
    viewport()->update(dirty);
}

void MinimapView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (mDrawnFrame.isNull())
        return;
    painter->save();
    painter->resetTransform(); // viewport pixels: a crisp edge at any scale
    QColor edge = palette().color(QPalette::Highlight);
    QColor fill = edge;
    fill.setAlpha(40);
    painter->setPen(QPen(edge, framePen));
    painter->setBrush(fill);
    // Inside the frame rectangle, so the pen stays within the region updateFrame() repaints.
    painter->drawRect(
        QRectF(mDrawnFrame)
            .adjusted(framePen / 2.0, framePen / 2.0, -framePen / 2.0, -framePen / 2.0));
    painter->restore();
}

bool MinimapView::eventFilter(QObject *watched, QEvent *event)
{
    if (mSource && watched == mSource->viewport()) {
        if (event->type() == QEvent::Resize) {
            updateFrame();
        } else if (event->type() == QEvent::Paint) {
            // A zoom that keeps the whole scene in view moves no scroll bar, and a view gets a
            // new scene without a signal; both repaint the main view. Checked after its paint.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (mSource && mSource->scene() != scene())
                        followScene();
                    else
                        updateFrame();
                },
                Qt::QueuedConnection);
        }
    }
    return QGraphicsView::eventFilter(watched, event);
}

void MinimapView::centreSourceAt(const QPoint &viewportPos)
{
    if (mSource && scene())
        mSource->centerOn(mapToScene(viewportPos));
}

void MinimapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        event->ignore();
        return;
    }
    mDragging = true;
    centreSourceAt(event->position().toPoint());
    event->accept();
}

void MinimapView::mouseMoveEvent(QMouseEvent *event)
{
    if (!mDragging) {
        event->ignore();
        return;
    }
    centreSourceAt(event->position().toPoint());
    event->accept();
}

void MinimapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        mDragging = false;
    event->accept();
}

void MinimapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // The second press of a double click is one more press, not a request to the scene.
    mousePressEvent(event);
}

void MinimapView::wheelEvent(QWheelEvent *event)
{
    event->ignore(); // everything is already in view; the window may use the wheel
}

void MinimapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    fitScene();
}

void MinimapView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    fitScene();
}

} // namespace topolab::app
