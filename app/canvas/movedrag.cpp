#include "movedrag.h"

#include "designscene.h"
#include "resizedrag.h"

#include "document/topologydocument.h"

#include <QMap>

namespace topolab::app {

MoveDrag::MoveDrag(DesignScene *scene, const QString &pressed, const QStringList &ids,
                   const QPointF &pressPos)
    : CanvasDrag(scene)
    , mPressed(pressed)
    , mPressPos(pressPos)
{
    const TopologyDocument *document = scene->document();
    for (const QString &id : ids) {
        if (document->region(id))
            mRegions.insert(id);
        mStart.insert(id, scene->elementRect(id));
    }
    for (const QString &region : std::as_const(mRegions)) {
        for (const QString &member : document->componentsInRegion(region)) {
            if (!mStart.contains(member))
                mStart.insert(member, scene->elementRect(member));
            mCarried.insert(member);
        }
    }
}

MoveDrag::~MoveDrag()
{
    scene()->setDropTargetRegion({});
}

// The pressed element's reference point (a component's centre, a region's corner) lands on
// the grid; everything else keeps its offset to it.
QPointF MoveDrag::delta(const QPointF &scenePos) const
{
    const QRectF start = mStart.value(mPressed);
    const QPointF reference = mRegions.contains(mPressed) ? start.topLeft() : start.center();
    const QPointF moved = reference + scenePos - mPressPos;
    return scene()->snapped(moved) - reference;
}

void MoveDrag::preview(const QPointF &delta)
{
    QHash<QString, QRectF> rects;
    for (auto it = mStart.constBegin(); it != mStart.constEnd(); ++it)
        rects.insert(it.key(), it.value().translated(delta));
    scene()->previewRects(rects);
}

QHash<QString, QString> MoveDrag::targetRegions(const QPointF &delta) const
{
    QHash<QString, QString> targets;
    for (auto it = mStart.constBegin(); it != mStart.constEnd(); ++it) {
        if (mRegions.contains(it.key()) || mCarried.contains(it.key()))
            continue;
        targets.insert(it.key(),
                       scene()->regionAt(it.value().translated(delta).center(), mRegions));
    }
    return targets;
}

void MoveDrag::move(const QPointF &scenePos, Qt::KeyboardModifiers)
{
    const QPointF d = delta(scenePos);
    preview(d);
    // Highlight where the pressed component would land when that is a different region.
    QString target;
    if (!mRegions.contains(mPressed) && !mCarried.contains(mPressed)) {
        const QString region = targetRegions(d).value(mPressed);
        const core::Component *component = scene()->document()->component(mPressed);
        if (component && QString::fromStdString(component->region) != region
            && core::regionPlacement(component->kind) != core::RegionPlacement::Forbidden)
            target = region;
    }
    scene()->setDropTargetRegion(target);
}

void MoveDrag::finish(const QPointF &scenePos)
{
    scene()->setDropTargetRegion({});
    const QPointF d = delta(scenePos);
    if (d.isNull()) {
        preview(d);
        return;
    }
    commit(d);
}

void MoveDrag::cancel()
{
    preview({});
}

void MoveDrag::commit(const QPointF &delta)
{
    TopologyDocument *document = scene()->document();
    const QHash<QString, QString> targets = targetRegions(delta);

    document->beginCompoundEdit(mStart.size() == 1
                                    ? tr("Move %1").arg(mPressed)
                                    : tr("Move %n elements", nullptr, int(mStart.size())));
    scene()->freezeAutomaticPlacement();
    QMap<QString, QPointF> positions;
    for (auto it = mStart.constBegin(); it != mStart.constEnd(); ++it) {
        const QRectF rect = it.value().translated(delta);
        positions.insert(it.key(), mRegions.contains(it.key()) ? rect.topLeft() : rect.center());
    }
    document->moveElements(positions);

    // Region membership follows where each component was dropped.
    QMap<QString, QStringList> joining; // region → components, "" = out of any region
    QSet<QString> toGrow;
    QStringList notes;
    for (auto it = targets.constBegin(); it != targets.constEnd(); ++it) {
        const core::Component *component = document->component(it.key());
        if (!component)
            continue;
        const QString current = QString::fromStdString(component->region);
        const core::RegionPlacement placement = core::regionPlacement(component->kind);
        if (placement == core::RegionPlacement::Forbidden || it.value() == current)
            continue;
        if (it.value().isEmpty() && placement == core::RegionPlacement::Required)
            toGrow.insert(current);
        else
            joining[it.value()].append(it.key());
    }
    for (auto it = joining.constBegin(); it != joining.constEnd(); ++it) {
        if (auto refusal = document->setRegionOf(it.value(), it.key())) {
            notes.append(*refusal);
            for (const QString &id : it.value()) {
                if (const core::Component *component = document->component(id))
                    toGrow.insert(QString::fromStdString(component->region));
            }
        } else if (it.key().isEmpty()) {
            notes.append(
                tr("%1 moved out of its region").arg(it.value().join(QStringLiteral(", "))));
        } else {
            notes.append(
                tr("%1 moved into %2").arg(it.value().join(QStringLiteral(", ")), it.key()));
        }
    }
    // A region keeps the members that must live in it: it grows to hold them.
    for (const QString &region : std::as_const(toGrow)) {
        if (region.isEmpty() || mRegions.contains(region))
            continue;
        const QRectF rect = scene()->elementRect(region);
        QRectF grown = rect;
        for (const QString &member : document->componentsInRegion(region))
            grown = grown.united(scene()->elementRect(member).adjusted(-24, -24, 24, 24));
        grown = grown.united(ResizeDrag::minimumRect(scene(), region, grown.topLeft()));
        if (grown != rect) {
            document->resizeRegion(region, grown);
            notes.append(tr("%1 grew to keep its members").arg(region));
        }
    }
    document->endCompoundEdit();
    if (!notes.isEmpty())
        Q_EMIT scene()->message(notes.join(QStringLiteral("; ")));
}

} // namespace topolab::app
