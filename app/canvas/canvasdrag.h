#pragma once

#include <QCoreApplication>
#include <QPointF>

namespace topolab::app {

class DesignScene;

// One mouse gesture on the canvas, from press to release: it shows its effect live through the
// scene's preview calls and tells the document once, on release, so that the whole gesture is
// one undo step. Escape cancels it, leaving the document untouched. Owned by the scene.
class CanvasDrag
{
public:
    explicit CanvasDrag(DesignScene *scene)
        : mScene(scene)
    {
    }
    virtual ~CanvasDrag() = default;
    CanvasDrag(const CanvasDrag &) = delete;
    CanvasDrag &operator=(const CanvasDrag &) = delete;

    virtual void move(const QPointF &scenePos, Qt::KeyboardModifiers modifiers) = 0;
    virtual void finish(const QPointF &scenePos) = 0;
    virtual void cancel() = 0;

protected:
    DesignScene *scene() const { return mScene; }

private:
    DesignScene *mScene;
};

} // namespace topolab::app
