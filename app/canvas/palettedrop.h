#pragma once

#include <QPointF>
#include <QString>

class QGraphicsRectItem;
class QGraphicsSceneDragDropEvent;

namespace topolab::app {

class DesignScene;

// A kind dragged from the palette over the canvas: a dashed ghost of the box where it would
// land, the region it would join lit up, and on the drop one undo step that adds it there.
// Owned by the scene, whose drag events it handles.
class PaletteDrop
{
public:
    explicit PaletteDrop(DesignScene *scene);
    ~PaletteDrop();
    PaletteDrop(const PaletteDrop &) = delete;
    PaletteDrop &operator=(const PaletteDrop &) = delete;

    void enter(QGraphicsSceneDragDropEvent *event);
    void move(QGraphicsSceneDragDropEvent *event);
    void leave(QGraphicsSceneDragDropEvent *event);
    void drop(QGraphicsSceneDragDropEvent *event);
    // The scene deleted every item, the ghost with them.
    void forgetGhost() { mGhost = nullptr; }

    // Adds what a palette entry names ("region" or a core kind) at `scenePos`, inside the region
    // there when the kind may live in one, selects it and returns its id (empty if refused).
    QString add(const QString &kind, const QPointF &scenePos);

private:
    void removeGhost();

    DesignScene *mScene;
    QGraphicsRectItem *mGhost = nullptr;
};

} // namespace topolab::app
