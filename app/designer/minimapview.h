#pragma once

#include <QGraphicsView>
#include <QMetaObject>
#include <QPointer>
#include <QRect>

#include <vector>

namespace topolab::app {

// An overview of the canvas: the whole scene of a main view, scaled to fit, with a frame
// around the part the main view shows. Pressing or dragging in it centres the main view there.
// It shows the main view's own scene, so it holds no state the canvas lacks; it never edits
// it (items get none of its mouse, keyboard or drop events). Stays cheap on big scenes: items
// paint at the minimap's scale, below the level of detail where canvas items drop their text
// and decorations, without antialiasing, and a scroll of the main view repaints only where the
// frame was and is. Owns nothing; follows the source view until it is destroyed or replaced.
class MinimapView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit MinimapView(QWidget *parent = nullptr);

    // Shows `view`'s scene (and the scene it gets later); null shows nothing. Set it after the
    // view has its final viewport widget: the minimap watches that viewport's paint and resize.
    void setSourceView(QGraphicsView *view);
    QGraphicsView *sourceView() const { return mSource; }

    // The main view's visible area: in scene coordinates, and where the frame is drawn in this
    // view's viewport. Empty without a source view.
    QRectF visibleSceneRect() const;
    QRect frameRect() const;

    QSize sizeHint() const override { return {220, 150}; }
    QSize minimumSizeHint() const override { return {80, 60}; }

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void detach();
    void followScene();
    void fitScene();
    void updateFrame();
    void centreSourceAt(const QPoint &viewportPos);

    QPointer<QGraphicsView> mSource;
    std::vector<QMetaObject::Connection> mConnections; // to the source view and its scroll bars
    QMetaObject::Connection mSceneConnection;
    QRectF mFittedArea; // the scene area fitted to the viewport, and the viewport's size then
    QSize mFittedSize;
    QRect mDrawnFrame; // the frame as last asked to be drawn
    bool mDragging = false;
};

} // namespace topolab::app
