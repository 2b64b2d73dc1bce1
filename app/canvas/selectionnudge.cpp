#include "selectionnudge.h"

#include "designscene.h"

#include "document/topologydocument.h"

#include <QKeyEvent>
#include <QMap>

namespace topolab::app {

SelectionNudge::SelectionNudge(DesignScene *scene)
    : mScene(scene)
{
}

bool SelectionNudge::handle(const QKeyEvent *event)
{
    const qreal step = event->modifiers() & Qt::ShiftModifier ? 1 : DesignScene::gridSize;
    QPointF delta;
    switch (event->key()) {
    case Qt::Key_Left:
        delta = {-step, 0};
        break;
    case Qt::Key_Right:
        delta = {step, 0};
        break;
    case Qt::Key_Up:
        delta = {0, -step};
        break;
    case Qt::Key_Down:
        delta = {0, step};
        break;
    default:
        return false;
    }
    if (mScene->selectedIds().isEmpty())
        return false;
    nudge(delta);
    return true;
}

void SelectionNudge::nudge(QPointF delta)
{
    TopologyDocument *document = mScene->document();
    const QStringList ids = mScene->selectedIds();
    QMap<QString, QPointF> positions;
    for (const QString &id : ids) {
        const QRectF rect = mScene->elementRect(id).translated(delta);
        positions.insert(id, document->region(id) ? rect.topLeft() : rect.center());
    }
    if (ids != mNudged) {
        mNudged = ids;
        mNudgeId = document->newDragId();
    }
    if (mScene->hasAutomaticPlacement()) {
        document->beginCompoundEdit(DesignScene::tr("Move"));
        mScene->freezeAutomaticPlacement();
        document->moveElements(positions);
        document->endCompoundEdit();
        mNudgeId = document->newDragId();
    } else {
        document->moveElements(positions, mNudgeId);
    }
}

} // namespace topolab::app
