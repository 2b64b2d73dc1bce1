#include "palettedrop.h"

#include "designscene.h"

#include "designer/palettemimedata.h"
#include "document/stdstrings.h"
#include "document/elementgeometry.h"
#include "document/topologydocument.h"
#include "gui/autolayout.h"

#include "core/model/componentkind.h"

#include <QGraphicsRectItem>
#include <QGraphicsSceneDragDropEvent>
#include <QPalette>
#include <QPen>

namespace topolab::app {

PaletteDrop::PaletteDrop(DesignScene *scene)
    : mScene(scene)
{
}

PaletteDrop::~PaletteDrop() = default; // the ghost, if any, is the scene's item

void PaletteDrop::enter(QGraphicsSceneDragDropEvent *event)
{
    if (mScene->isReadOnly() || !PaletteMimeData::canDecode(event->mimeData())) {
        event->ignore();
        return;
    }
    const QString kind = PaletteMimeData::decode(event->mimeData());
    QSizeF size(ElementGeometry::defaultComponentWidth, AutoLayout::componentHeight);
    if (kind == PaletteMimeData::regionKind())
        size = QSizeF(ElementGeometry::defaultRegionWidth, ElementGeometry::defaultRegionHeight);
    removeGhost();
    mGhost = new QGraphicsRectItem(QRectF(QPointF(0, 0), size));
    const QColor highlight = mScene->palette().color(QPalette::Highlight);
    QPen pen(highlight, 1.5, Qt::DashLine);
    pen.setCosmetic(true);
    mGhost->setPen(pen);
    QColor fill = highlight;
    fill.setAlphaF(0.08f);
    mGhost->setBrush(fill);
    mGhost->setZValue(80);
    mScene->addItem(mGhost);
    move(event);
}

void PaletteDrop::move(QGraphicsSceneDragDropEvent *event)
{
    if (!mGhost) {
        event->ignore();
        return;
    }
    const QString kind = PaletteMimeData::decode(event->mimeData());
    const bool region = kind == PaletteMimeData::regionKind();
    const QPointF at = mScene->snapped(event->scenePos());
    const QRectF box = mGhost->rect();
    mGhost->setPos(region ? at : at - box.center());
    QString target;
    if (!region) {
        const auto parsed = core::parseKind(toStd(kind));
        if (parsed && core::regionPlacement(*parsed) != core::RegionPlacement::Forbidden)
            target = mScene->regionAt(event->scenePos());
    }
    mScene->setDropTargetRegion(target);
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void PaletteDrop::leave(QGraphicsSceneDragDropEvent *event)
{
    removeGhost();
    mScene->setDropTargetRegion({});
    event->accept();
}

void PaletteDrop::drop(QGraphicsSceneDragDropEvent *event)
{
    removeGhost();
    mScene->setDropTargetRegion({});
    const QString kind = PaletteMimeData::decode(event->mimeData());
    if (mScene->isReadOnly() || kind.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    add(kind, event->scenePos());
}

QString PaletteDrop::add(const QString &kind, const QPointF &scenePos)
{
    if (mScene->isReadOnly())
        return {};
    TopologyDocument *document = mScene->document();
    const QPointF at = mScene->snapped(scenePos);
    QString id;
    document->beginCompoundEdit(DesignScene::tr("Add %1").arg(kind));
    mScene->freezeAutomaticPlacement();
    if (kind == PaletteMimeData::regionKind()) {
        id = document->addRegion(QRectF(
            at, QSizeF(ElementGeometry::defaultRegionWidth, ElementGeometry::defaultRegionHeight)));
    } else if (const auto parsed = core::parseKind(toStd(kind))) {
        const QString region = core::regionPlacement(*parsed) == core::RegionPlacement::Forbidden
                                   ? QString()
                                   : mScene->regionAt(scenePos);
        id = document->addComponent(*parsed, at, region);
        if (!id.isEmpty()) {
            if (!region.isEmpty())
                Q_EMIT mScene->message(DesignScene::tr("Added %1 to %2").arg(id, region));
            else if (core::regionPlacement(*parsed) == core::RegionPlacement::Required)
                Q_EMIT mScene->message(
                    DesignScene::tr("Added %1; a %2 lives inside a region: drag it into one")
                        .arg(id, toQString(core::kindTitle(*parsed)).toLower()));
            else
                Q_EMIT mScene->message(DesignScene::tr("Added %1").arg(id));
        }
    }
    document->endCompoundEdit();
    if (!id.isEmpty())
        mScene->selectIds({id});
    return id;
}

void PaletteDrop::removeGhost()
{
    delete mGhost;
    mGhost = nullptr;
}

} // namespace topolab::app
