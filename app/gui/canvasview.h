#pragma once

#include <QGraphicsView>

namespace topolab::app {

class LinkLegend;
class TopologyScene;

// The read-only canvas: pans by dragging, zooms with Ctrl+wheel and the View actions, and
// brings a component or region into focus on request. Owns the link legend in its corner.
class CanvasView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit CanvasView(TopologyScene *scene, QWidget *parent = nullptr);

    qreal zoom() const { return transform().m11(); }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToView();
    // Selects the component or region with this id and scrolls it to the middle.
    void focusElement(const QString &id);
    // Fits a newly loaded topology and shows the legend if there are links to explain.
    void showWholeTopology();

protected:
    void changeEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void zoomBy(qreal factor);
    void placeLegend();
    void updateSceneRect();

    TopologyScene *mScene;
    LinkLegend *mLegend;
    bool mFitting = true;
};

} // namespace topolab::app
