#pragma once

#include <QPointF>
#include <QStringList>

class QKeyEvent;

namespace topolab::app {

class DesignScene;

// The arrow keys move the selection by a grid step, or with Shift by one unit for fine
// adjustments. Presses on the same selection make one undo step, as one drag does.
class SelectionNudge
{
public:
    explicit SelectionNudge(DesignScene *scene);

    // Moves the selection for an arrow key and says so; false for any other key, or when
    // nothing is selected.
    bool handle(const QKeyEvent *event);

private:
    void nudge(QPointF delta);

    DesignScene *mScene;
    QStringList mNudged; // the selection the arrow keys last moved
    int mNudgeId = 0;
};

} // namespace topolab::app
