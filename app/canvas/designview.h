#pragma once

#include <QGraphicsView>
#include <QPointF>

class QMimeData;

namespace topolab::app {

class DesignScene;
class LinkLegend;

// The canvas widget: rubber-band and Ctrl selection, zoom (Ctrl+wheel, the View actions, fit),
// pan (middle button, or Space held while dragging), and files dropped on it handed on to the
// window. Shows the link legend in its corner. Owns the legend; the scene belongs to the window.
class DesignView : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr qreal minimumZoom = 0.05;
    static constexpr qreal maximumZoom = 4.0;

    explicit DesignView(DesignScene *scene, QWidget *parent = nullptr);

    DesignScene *designScene() const { return mScene; }
    qreal zoom() const { return transform().m11(); }
    // The scene point in the middle of the visible area: where keyboard-added things go.
    QPointF visibleCentre() const;
    bool isPanning() const { return mPanning; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom(); // 100 %
    void setZoom(qreal zoom);
    // The whole drawing in view, never magnified beyond 100 %.
    void fitToView();
    // Selects the component or region with this id and scrolls it to the middle.
    void focusElement(const QString &id);
    void setLegendVisible(bool visible);

Q_SIGNALS:
    void zoomChanged(qreal zoom);
    // *.topolab.yaml files dropped on the canvas.
    void filesDropped(const QStringList &paths);
    // A right click (or the menu key): the element under it is selected first, unless it
    // already is, as in file managers.
    void contextMenuRequested(const QPoint &globalPos, const QPointF &scenePos);
    void elementDoubleClicked(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void zoomBy(qreal factor);
    void zoomAroundCentre(qreal factor);
    void placeLegend();
    void beginPan(const QPoint &pos);
    void endPan();
    static QStringList topologyFiles(const QMimeData *data);
    // The id of the component, or else region, at a viewport position; empty when none.
    QString elementAt(const QPoint &pos) const;

    DesignScene *mScene;
    LinkLegend *mLegend;
    QPoint mPanFrom;
    bool mPanning = false;
    bool mSpaceHeld = false;
    bool mLegendWanted = true;
};

} // namespace topolab::app
