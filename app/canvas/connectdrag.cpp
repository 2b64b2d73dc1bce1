#include "connectdrag.h"

#include "cursornote.h"
#include "designscene.h"

#include "document/stdstrings.h"
#include "document/topologydocument.h"
#include "gui/componentitem.h"

#include "core/model/connectionrules.h"

#include <QGraphicsPathItem>
#include <QPainterPath>
#include <QPalette>
#include <QPen>

namespace topolab::app {

ConnectDrag::ConnectDrag(DesignScene *scene, const QString &from, const QPointF &scenePos)
    : CanvasDrag(scene)
    , mFrom(from)
    , mLine(new QGraphicsPathItem)
    , mNote(new CursorNote)
{
    QPen pen(scene->palette().color(QPalette::Highlight), 2, Qt::DashLine, Qt::RoundCap);
    pen.setCosmetic(true);
    mLine->setPen(pen);
    mLine->setZValue(90);
    scene->addItem(mLine);
    scene->addItem(mNote);
    move(scenePos, {});
}

ConnectDrag::~ConnectDrag()
{
    markTarget({}, false);
    delete mLine;
    delete mNote;
}

QString ConnectDrag::noteText() const
{
    return mNote->isVisible() ? mNote->text() : QString();
}

ConnectDrag::Verdict ConnectDrag::judge(const QString &target) const
{
    const core::Topology &topology = scene()->document()->topology();
    const std::string from = mFrom.toStdString();
    const std::string to = target.toStdString();
    const core::ConnectionVerdict forward = core::checkNewLink(topology, from, to);
    if (forward.allowed) {
        return {
            mFrom, target,
            tr("%1 → %2: %3 link").arg(mFrom, target, toQString(core::linkKindName(forward.kind))),
            true};
    }
    const core::ConnectionVerdict backward = core::checkNewLink(topology, to, from);
    if (backward.allowed) {
        return {target, mFrom,
                tr("%1 → %2: %3 link (drawn the way it flows)")
                    .arg(target, mFrom, toQString(core::linkKindName(backward.kind))),
                true};
    }
    return {{}, {}, toQString(forward.reason), false};
}

void ConnectDrag::markTarget(const QString &target, bool allowed)
{
    if (mMarked != target) {
        if (ComponentItem *old = scene()->componentItem(mMarked))
            old->setMark(ComponentItem::Mark::None);
        mMarked = target;
    }
    if (ComponentItem *item = scene()->componentItem(target))
        item->setMark(allowed ? ComponentItem::Mark::LinkAccepted
                              : ComponentItem::Mark::LinkRefused);
}

void ConnectDrag::move(const QPointF &scenePos, Qt::KeyboardModifiers)
{
    const QRectF fromBox = scene()->elementRect(mFrom);
    const QPointF start(fromBox.right(), fromBox.center().y());
    const QString target = scene()->componentAt(scenePos, mFrom);
    QPointF end = scenePos;
    if (target.isEmpty()) {
        markTarget({}, false);
        mNote->show(scenePos, tr("Release on a component to link %1 to it").arg(mFrom),
                    CursorNote::Tone::Neutral, scene()->visibleArea(), scene()->viewZoom());
    } else {
        const Verdict verdict = judge(target);
        markTarget(target, verdict.allowed);
        mNote->show(scenePos, verdict.text,
                    verdict.allowed ? CursorNote::Tone::Accepted : CursorNote::Tone::Refused,
                    scene()->visibleArea(), scene()->viewZoom());
        if (verdict.allowed)
            end = scene()->elementRect(target).center();
    }
    QPainterPath path(start);
    path.lineTo(end);
    mLine->setPath(path);
}

void ConnectDrag::finish(const QPointF &scenePos)
{
    const QString target = scene()->componentAt(scenePos, mFrom);
    markTarget({}, false);
    if (target.isEmpty())
        return;
    const Verdict verdict = judge(target);
    if (!verdict.allowed) {
        Q_EMIT scene()->message(tr("Not linked: %1").arg(verdict.text));
        return;
    }
    if (auto refusal = scene()->document()->connectComponents(verdict.from, verdict.to))
        Q_EMIT scene()->message(tr("Not linked: %1").arg(*refusal));
    else
        Q_EMIT scene()->message(verdict.text);
}

void ConnectDrag::cancel()
{
    markTarget({}, false);
}

} // namespace topolab::app
