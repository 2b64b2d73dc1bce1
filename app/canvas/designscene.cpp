#include "designscene.h"

#include "connectdrag.h"
#include "designview.h"
#include "movedrag.h"
#include "palettedrop.h"
#include "placement.h"
#include "resizedrag.h"
#include "selectionnudge.h"

#include "document/stdstrings.h"
#include "document/topologydocument.h"
#include "gui/componentitem.h"
#include "gui/linkitem.h"
#include "gui/linkoverview.h"
#include "gui/regionitem.h"

#include "core/analysis/analysisreport.h"
#include "core/model/connectionrules.h"

#include <QApplication>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <utility>

namespace topolab::app {

DesignScene::DesignScene(TopologyDocument *document, QObject *parent)
    : QGraphicsScene(parent)
    , mDocument(document)
    , mPlacement(std::make_unique<Placement>(document))
    , mPaletteDrop(std::make_unique<PaletteDrop>(this))
    , mNudge(std::make_unique<SelectionNudge>(this))
{
    // No index: a repaint of the whole drawing visits every item anyway, and climbing the
    // index's tree (and keeping it up to date while a hundred boxes move) cost more than
    // scanning five thousand bounding rectangles (docs/performance.md).
    setItemIndexMethod(NoIndex);
    connect(document, &TopologyDocument::topologyReset, this, &DesignScene::rebuild);
    connect(document, &TopologyDocument::componentAdded, this, &DesignScene::addComponentItem);
    connect(document, &TopologyDocument::componentRemoved, this, &DesignScene::removeComponentItem);
    connect(document, &TopologyDocument::componentChanged, this, &DesignScene::updateComponent);
    connect(document, &TopologyDocument::regionAdded, this, &DesignScene::addRegionItem);
    connect(document, &TopologyDocument::regionRemoved, this, &DesignScene::removeRegionItem);
    connect(document, &TopologyDocument::regionChanged, this, &DesignScene::updateRegion);
    connect(document, &TopologyDocument::linkAdded, this, &DesignScene::addLinkItem);
    connect(document, &TopologyDocument::linkRemoved, this, &DesignScene::removeLinkItem);
    connect(document, &TopologyDocument::layoutChanged, this, &DesignScene::updateGeometry);
    connect(document, &TopologyDocument::idRenamed, this, &DesignScene::renameElement);
    connect(document, &TopologyDocument::diagnosticsChanged, this, [this] {
        updateFindings();
        if (mSinglePointsShown)
            updateSinglePoints();
    });
    rebuild();
}

DesignScene::~DesignScene()
{
    // The drag's items belong to the scene; let it go while they still exist.
    mDrag.reset();
}

// ---- Lookup

QGraphicsItem *DesignScene::elementItem(const QString &id) const
{
    if (ComponentItem *item = mComponents.value(id))
        return item;
    return mRegions.value(id);
}

LinkItem *DesignScene::linkItem(const QString &from, const QString &to) const
{
    return mLinks.value({from, to});
}

QRectF DesignScene::elementRect(const QString &id) const
{
    if (const ComponentItem *item = mComponents.value(id))
        return item->sceneBox();
    if (const RegionItem *item = mRegions.value(id))
        return item->sceneBox();
    return {};
}

QHash<QString, QSizeF> DesignScene::elementSizes(const QStringList &ids) const
{
    QHash<QString, QSizeF> sizes;
    for (const QString &id : ids) {
        if (const QRectF rect = elementRect(id); !rect.isEmpty())
            sizes.insert(id, rect.size());
    }
    return sizes;
}

QString DesignScene::regionAt(const QPointF &scenePos, const QSet<QString> &ignore) const
{
    QString best;
    qreal bestArea = 0;
    for (auto it = mRegions.constBegin(); it != mRegions.constEnd(); ++it) {
        const QRectF rect = it.value()->sceneBox();
        if (ignore.contains(it.key()) || !rect.contains(scenePos))
            continue;
        const qreal area = rect.width() * rect.height();
        if (best.isEmpty() || area < bestArea) {
            best = it.key();
            bestArea = area;
        }
    }
    return best;
}

QString DesignScene::componentAt(const QPointF &scenePos, const QString &ignore) const
{
    for (QGraphicsItem *item : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder)) {
        if (item->type() != ComponentItem::Type)
            continue;
        const auto *component = static_cast<ComponentItem *>(item);
        if (component->id() != ignore
            && component->box().contains(component->mapFromScene(scenePos)))
            return component->id();
    }
    return {};
}

QStringList DesignScene::selectedIds() const
{
    QSet<QString> selected;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == ComponentItem::Type)
            selected.insert(static_cast<ComponentItem *>(item)->id());
        else if (item->type() == RegionItem::Type)
            selected.insert(static_cast<RegionItem *>(item)->id());
    }
    QStringList ids;
    for (const core::Region &region : mDocument->topology().regions) {
        if (selected.contains(toQString(region.id)))
            ids.append(toQString(region.id));
    }
    for (const core::Component &component : mDocument->topology().components) {
        if (selected.contains(toQString(component.id)))
            ids.append(toQString(component.id));
    }
    return ids;
}

QList<QPair<QString, QString>> DesignScene::selectedLinks() const
{
    QList<QPair<QString, QString>> links;
    for (const core::Link &link : mDocument->topology().links) {
        const QPair<QString, QString> key(toQString(link.from), toQString(link.to));
        if (const LinkItem *item = mLinks.value(key); item && item->isSelected())
            links.append(key);
    }
    return links;
}

void DesignScene::selectIds(const QStringList &ids)
{
    clearSelection();
    for (const QString &id : ids) {
        if (QGraphicsItem *item = elementItem(id))
            item->setSelected(true);
    }
}

// ---- Settings

QPointF DesignScene::snapped(const QPointF &point) const
{
    if (!mSnapToGrid)
        return point;
    return QPointF(std::round(point.x() / gridSize) * gridSize,
                   std::round(point.y() / gridSize) * gridSize);
}

void DesignScene::setGridVisible(bool visible)
{
    mGridVisible = visible;
    // The views keep the grid in their background cache.
    invalidate(sceneRect(), BackgroundLayer);
}

void DesignScene::setLinkStyle(LinkStyle style)
{
    mLinkStyle = style;
    for (LinkItem *link : std::as_const(mLinks))
        routeLink(link);
}

void DesignScene::setReadOnly(bool readOnly)
{
    mReadOnly = readOnly;
    if (mDrag) {
        mDrag->cancel();
        endDrag();
    }
    for (ComponentItem *item : std::as_const(mComponents))
        item->setHandleEnabled(!readOnly);
    for (RegionItem *item : std::as_const(mRegions))
        item->setResizable(!readOnly);
    update();
}

QRectF DesignScene::visibleArea() const
{
    for (QGraphicsView *view : views()) {
        if (qobject_cast<DesignView *>(view))
            return view->mapToScene(view->viewport()->rect()).boundingRect();
    }
    return sceneRect();
}

void DesignScene::setViewZoom(qreal zoom)
{
    mViewZoom = zoom;
    mLinkOverview->setActive(zoom < LinkItem::minimumDetailScale);
    // About 7 screen pixels of radius down to 40 % zoom, then shrinking with the drawing.
    const qreal scale = std::clamp(1 / std::max(zoom, 0.01), 1.0, 2.5);
    if (qFuzzyCompare(scale, mHandleScale))
        return;
    mHandleScale = scale;
    for (ComponentItem *item : std::as_const(mComponents))
        item->setHandleScale(scale);
}

void DesignScene::setSinglePointsShown(bool shown)
{
    mSinglePointsShown = shown;
    updateSinglePoints();
}

// ---- Geometry

QRectF DesignScene::componentRectFor(const QString &id) const
{
    return mPlacement->componentRect(id, font(), mContentRect);
}

QRectF DesignScene::regionRectFor(const QString &id) const
{
    return mPlacement->regionRect(id, mContentRect);
}

void DesignScene::freezeAutomaticPlacement()
{
    mPlacement->freeze(font(), mContentRect);
}

void DesignScene::previewComponentRect(const QString &id, const QRectF &sceneRect)
{
    if (ComponentItem *item = mComponents.value(id)) {
        placeBox(item, sceneRect);
        rerouteLinksOf(id, RouteWork::Preview);
    }
}

void DesignScene::previewRegionRect(const QString &id, const QRectF &sceneRect)
{
    if (RegionItem *item = mRegions.value(id))
        item->setRect(sceneRect);
}

void DesignScene::previewRects(const QHash<QString, QRectF> &sceneRects)
{
    QSet<LinkItem *> links;
    for (auto it = sceneRects.constBegin(); it != sceneRects.constEnd(); ++it) {
        if (ComponentItem *item = mComponents.value(it.key())) {
            placeBox(item, it.value());
            for (LinkItem *link : mLinksOf.value(it.key()))
                links.insert(link);
        } else if (RegionItem *item = mRegions.value(it.key())) {
            item->setRect(it.value());
        }
    }
    for (LinkItem *link : std::as_const(links))
        routeLink(link, RouteWork::Preview);
}

void DesignScene::setDropTargetRegion(const QString &id)
{
    if (id == mDropTarget)
        return;
    if (RegionItem *old = mRegions.value(mDropTarget))
        old->setDropTarget(false);
    mDropTarget = id;
    if (RegionItem *item = mRegions.value(id))
        item->setDropTarget(true);
}

void DesignScene::rerouteLinksOf(const QString &componentId, RouteWork work)
{
    for (LinkItem *link : mLinksOf.value(componentId))
        routeLink(link, work);
}

void DesignScene::settleRoutes()
{
    const QSet<QPair<QString, QString>> provisional = std::exchange(mProvisional, {});
    for (const auto &key : provisional) {
        if (LinkItem *link = mLinks.value(key))
            routeLink(link);
    }
}

void DesignScene::routeLink(LinkItem *link, RouteWork work)
{
    const QRectF from = elementRect(link->from());
    const QRectF to = elementRect(link->to());
    QList<QRectF> obstacles;
    if (mLinkStyle == LinkStyle::Orthogonal) {
        // Detours reach past the boxes beside the ends, so look a little beyond them.
        constexpr qreal reach = 120;
        const QRectF area = from.united(to).adjusted(-reach, -reach, reach, reach);
        // Our own index of the boxes, not QGraphicsScene::items(): a query brings the scene's
        // index up to date first, and while links are routed one after the other every route
        // just set leaves it stale again (seconds for a thousand components).
        const ComponentItem *ends[]
            = {mComponents.value(link->from()), mComponents.value(link->to())};
        mBoxes.forEachIn(area, [&](const QRectF &box, const ComponentItem *item) {
            if (item != ends[0] && item != ends[1])
                obstacles.append(box);
        });
    }
    // While a gesture previews, each mouse step reroutes hundreds of links: the simple shapes
    // only, and the full search once the gesture ends (settleRoutes).
    const bool quick = work == RouteWork::Preview;
    link->setEnds(from, to, mLinkStyle, obstacles,
                  quick ? LinkRouter::Search::Off : LinkRouter::Search::On);
    if (quick)
        mProvisional.insert({link->from(), link->to()});
    else if (!mProvisional.isEmpty())
        mProvisional.remove({link->from(), link->to()});
    // Grows only; updateContentRect() fits it again.
    if (!mLinkOverview->boundingRect().contains(link->boundingRect()))
        mLinkOverview->setArea(mLinkOverview->boundingRect().united(link->boundingRect()));
}

void DesignScene::placeBox(ComponentItem *item, const QRectF &sceneRect)
{
    item->setBoxRect(sceneRect);
    mBoxes.place(item, item->sceneBox());
}

void DesignScene::rerouteLinksThroughLater(const QRectF &area)
{
    if (mRerouteAreas.isEmpty())
        QMetaObject::invokeMethod(this, &DesignScene::reroutePending, Qt::QueuedConnection);
    mRerouteAreas.append(area);
}

void DesignScene::reroutePending()
{
    const QList<QRectF> areas = std::exchange(mRerouteAreas, {});
    for (LinkItem *link : std::as_const(mLinks)) {
        const QRectF bounds = link->sceneBoundingRect();
        for (const QRectF &area : areas) {
            if (bounds.intersects(area)) {
                routeLink(link);
                break;
            }
        }
    }
}

void DesignScene::updateContentRect(bool fresh)
{
    QRectF content;
    for (const RegionItem *item : std::as_const(mRegions))
        content = content.united(item->sceneBox());
    for (const ComponentItem *item : std::as_const(mComponents))
        content = content.united(item->sceneBox());
    const bool changed = content != mContentRect;
    mContentRect = content;
    QRectF links;
    for (const LinkItem *link : std::as_const(mLinks))
        links = links.united(link->boundingRect());
    mLinkOverview->setArea(links);
    // The canvas reaches well beyond the drawing and never shrinks under the user's view
    // while editing; a new file starts afresh (rebuild).
    const QRectF room = content.isEmpty() ? QRectF(-margin, -margin, 2 * margin, 2 * margin)
                                          : content.adjusted(-margin, -margin, margin, margin);
    setSceneRect(fresh ? room : sceneRect().united(room));
    if (changed)
        Q_EMIT contentRectChanged(mContentRect);
}

bool DesignScene::hasAutomaticPlacement() const
{
    return mPlacement->hasAutomatic();
}

// ---- Following the document

void DesignScene::rebuild()
{
    if (mDrag) {
        mDrag->cancel();
        mDrag.reset();
    }
    mDropTarget.clear();
    clear();
    mPaletteDrop->forgetGhost();
    mComponents.clear();
    mBoxes.clear();
    mRerouteAreas.clear();
    mRegions.clear();
    mLinks.clear();
    mLinksOf.clear();
    mLinkOverview = new LinkOverview(&mLinks);
    addItem(mLinkOverview);
    mLinkOverview->setActive(mViewZoom < LinkItem::minimumDetailScale);
    mContentRect = QRectF();
    mPlacement->recompute(font());

    const core::Topology &topology = mDocument->topology();
    // Links are routed once every box is in place, round all of them.
    mRebuilding = true;
    for (const core::Region &region : topology.regions)
        addRegionItem(toQString(region.id));
    for (const core::Component &component : topology.components)
        addComponentItem(toQString(component.id));
    for (const core::Link &link : topology.links)
        addLinkItem(toQString(link.from), toQString(link.to));
    mRebuilding = false;
    for (LinkItem *link : std::as_const(mLinks))
        routeLink(link);
    updateFindings();
    updateSinglePoints();
    updateContentRect(true);
}

void DesignScene::addComponentItem(const QString &id)
{
    const core::Component *component = mDocument->component(id);
    if (!component || mComponents.contains(id))
        return;
    auto *item = new ComponentItem(*component, componentRectFor(id));
    item->setHandleEnabled(!mReadOnly);
    item->setHandleScale(mHandleScale);
    mComponents.insert(id, item);
    mBoxes.place(item, item->sceneBox());
    addItem(item);
    if (!mRebuilding) {
        // Links whose other end already exists (a paste adds components, then links); a new
        // document adds its links once every component is there.
        const std::string sid = toStd(id);
        for (const core::Link &link : mDocument->topology().links) {
            if (link.from == sid || link.to == sid)
                addLinkItem(toQString(link.from), toQString(link.to));
        }
        rerouteLinksThroughLater(item->sceneBox());
        updateContentRect();
    }
}

void DesignScene::removeComponentItem(const QString &id)
{
    ComponentItem *item = mComponents.take(id);
    if (!item)
        return;
    for (LinkItem *link : mLinksOf.value(id))
        removeLinkItem(link->from(), link->to());
    mLinksOf.remove(id);
    if (mDropTarget == id)
        mDropTarget.clear();
    mBoxes.remove(item);
    delete item;
    updateContentRect();
}

void DesignScene::addRegionItem(const QString &id)
{
    const core::Region *region = mDocument->region(id);
    if (!region || mRegions.contains(id))
        return;
    auto *item = new RegionItem(*region, regionRectFor(id));
    item->setResizable(!mReadOnly);
    mRegions.insert(id, item);
    addItem(item);
    if (!mRebuilding)
        updateContentRect();
}

void DesignScene::removeRegionItem(const QString &id)
{
    if (mDropTarget == id)
        mDropTarget.clear();
    delete mRegions.take(id);
    updateContentRect();
}

void DesignScene::addLinkItem(const QString &from, const QString &to)
{
    if (mLinks.contains({from, to}) || !mComponents.contains(from) || !mComponents.contains(to))
        return;
    const core::Topology &topology = mDocument->topology();
    const core::Component *a = topology.component(toStd(from));
    const core::Component *b = topology.component(toStd(to));
    if (!a || !b)
        return;
    const core::LinkKind kind = core::checkConnection(*a, *b).kind;
    auto *link = new LinkItem(from, to, kind, elementRect(from), elementRect(to), mLinkStyle);
    mLinks.insert({from, to}, link);
    mLinksOf[from].append(link);
    mLinksOf[to].append(link);
    addItem(link);
    if (mLinkOverview->isActive())
        link->setDrawnBy(mLinkOverview);
    if (!mRebuilding)
        routeLink(link);
}

void DesignScene::removeLinkItem(const QString &from, const QString &to)
{
    LinkItem *link = mLinks.take({from, to});
    mProvisional.remove({from, to});
    if (!link)
        return;
    mLinksOf[from].removeOne(link);
    mLinksOf[to].removeOne(link);
    if (mLinkOverview->isActive())
        mLinkOverview->update(link->boundingRect());
    delete link;
}

void DesignScene::updateComponent(const QString &id)
{
    ComponentItem *item = mComponents.value(id);
    const core::Component *component = mDocument->component(id);
    if (!item || !component)
        return;
    item->setComponent(*component);
    placeBox(item, componentRectFor(id));
    // A changed role (a database turned standby) can change what its links are.
    const QList<LinkItem *> links = mLinksOf.value(id);
    for (LinkItem *link : links) {
        const QString from = link->from();
        const QString to = link->to();
        removeLinkItem(from, to);
        addLinkItem(from, to);
    }
    updateContentRect();
}

void DesignScene::updateRegion(const QString &id)
{
    if (RegionItem *item = mRegions.value(id); item && mDocument->region(id))
        item->setRegion(*mDocument->region(id));
}

void DesignScene::updateGeometry(const QString &id)
{
    if (ComponentItem *item = mComponents.value(id)) {
        const QRectF before = item->sceneBox();
        placeBox(item, componentRectFor(id));
        rerouteLinksOf(id);
        rerouteLinksThroughLater(before.united(item->sceneBox()));
    } else if (RegionItem *item = mRegions.value(id)) {
        item->setRect(regionRectFor(id));
    } else {
        return;
    }
    updateContentRect();
}

void DesignScene::renameElement(const QString &oldId, const QString &newId)
{
    mPlacement->rename(oldId, newId);
    if (RegionItem *item = mRegions.take(oldId)) {
        mRegions.insert(newId, item);
        updateRegion(newId);
        return;
    }
    ComponentItem *item = mComponents.take(oldId);
    if (!item)
        return;
    mComponents.insert(newId, item);
    const QList<LinkItem *> links = mLinksOf.take(oldId);
    mLinksOf.insert(newId, links);
    for (LinkItem *link : links) {
        mLinks.remove({link->from(), link->to()});
        link->setEndIds(link->from() == oldId ? newId : link->from(),
                        link->to() == oldId ? newId : link->to());
        mLinks.insert({link->from(), link->to()}, link);
    }
    updateComponent(newId);
}

void DesignScene::updateFindings()
{
    QHash<QString, core::Severity> worst;
    QHash<QString, QStringList> messages;
    for (const core::Diagnostic &d : mDocument->diagnostics()) {
        if (d.componentId.empty())
            continue;
        const QString id = toQString(d.componentId);
        if (!worst.contains(id) || d.severity == core::Severity::Error)
            worst.insert(id, d.severity);
        messages[id].append(toQString(d.message));
    }
    for (auto it = mComponents.constBegin(); it != mComponents.constEnd(); ++it) {
        const auto found = worst.constFind(it.key());
        it.value()->setSeverity(found == worst.constEnd() ? std::nullopt : std::optional(*found));
        it.value()->setFindings(messages.value(it.key()));
    }
}

void DesignScene::updateSinglePoints()
{
    QStringList points;
    if (mSinglePointsShown) {
        for (const core::SinglePointOfFailure &point :
             core::findSinglePointsOfFailure(mDocument->topology()))
            points.append(toQString(point.componentId));
    }
    mSinglePoints = points;
    for (auto it = mComponents.constBegin(); it != mComponents.constEnd(); ++it) {
        ComponentItem *item = it.value();
        if (points.contains(it.key()))
            item->setMark(ComponentItem::Mark::SinglePoint);
        else if (item->mark() == ComponentItem::Mark::SinglePoint)
            item->setMark(ComponentItem::Mark::None);
    }
}

// ---- Painting

void DesignScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, palette().color(QPalette::Base));
    if (!mGridVisible)
        return;
    const qreal scale
        = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    // Dots a screen pixel apart would be a grey wash: thin out the grid when zoomed far out.
    qreal step = gridSize;
    while (step * scale < 12)
        step *= 5;
    QColor dot = palette().color(QPalette::Text);
    dot.setAlphaF(0.18f);
    QPen pen(dot, 1.5 / scale);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    const qreal left = std::floor(rect.left() / step) * step;
    const qreal top = std::floor(rect.top() / step) * step;
    QVector<QPointF> points;
    for (qreal y = top; y <= rect.bottom(); y += step) {
        for (qreal x = left; x <= rect.right(); x += step)
            points.append(QPointF(x, y));
    }
    painter->drawPoints(points.constData(), int(points.size()));
}

// ---- Gestures

void DesignScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    mPressed.clear();
    if (mDrag) {
        event->accept();
        return;
    }
    const bool editing = event->button() == Qt::LeftButton && !mReadOnly;
    QGraphicsItem *hit = nullptr;
    if (editing) {
        // The view the press came from: a minimap shows this scene too, at another scale.
        const auto *view
            = event->widget() ? qobject_cast<const QGraphicsView *>(event->widget()->parentWidget())
                              : nullptr;
        const QTransform transform = view ? view->transform() : QTransform();
        hit = itemAt(event->scenePos(), transform);
        if (hit && hit->type() == ComponentItem::Type) {
            auto *component = static_cast<ComponentItem *>(hit);
            const QPointF local = component->mapFromScene(event->scenePos());
            if (component->handleRect().adjusted(-3, -3, 3, 3).contains(local)) {
                mDrag = std::make_unique<ConnectDrag>(this, component->id(), event->scenePos());
                event->accept();
                return;
            }
        } else if (hit && hit->type() == RegionItem::Type) {
            auto *region = static_cast<RegionItem *>(hit);
            if (region->gripRect().contains(region->mapFromScene(event->scenePos()))) {
                mDrag = std::make_unique<ResizeDrag>(this, region->id(), event->scenePos());
                event->accept();
                return;
            }
        }
    }
    QGraphicsScene::mousePressEvent(event);
    if (hit && hit->type() == ComponentItem::Type)
        mPressed = static_cast<ComponentItem *>(hit)->id();
    else if (hit && hit->type() == RegionItem::Type)
        mPressed = static_cast<RegionItem *>(hit)->id();
}

void DesignScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!mDrag && !mPressed.isEmpty() && (event->buttons() & Qt::LeftButton)) {
        const QPointF travel = event->screenPos() - event->buttonDownScreenPos(Qt::LeftButton);
        if (travel.manhattanLength() >= QApplication::startDragDistance()) {
            QGraphicsItem *pressed = elementItem(mPressed);
            // A Ctrl+press selects on release; the element dragged moves all the same.
            if (pressed && !pressed->isSelected())
                pressed->setSelected(true);
            mDrag = std::make_unique<MoveDrag>(this, mPressed, selectedIds(),
                                               event->buttonDownScenePos(Qt::LeftButton));
        }
    }
    if (mDrag) {
        mDrag->move(event->scenePos(), event->modifiers());
        event->accept();
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void DesignScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    mPressed.clear();
    if (mDrag && event->button() == Qt::LeftButton) {
        // The drag goes first: finishing may change the document, which rebuilds items.
        std::unique_ptr<CanvasDrag> drag = std::move(mDrag);
        drag->finish(event->scenePos());
        settleRoutes();
    }
    QGraphicsScene::mouseReleaseEvent(event);
}

void DesignScene::endDrag()
{
    mDrag.reset();
    mPressed.clear();
    settleRoutes();
}

void DesignScene::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && mDrag) {
        mDrag->cancel();
        endDrag();
        event->accept();
        return;
    }
    if (!mReadOnly && !mDrag && !focusItem() && mNudge->handle(event)) {
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

// ---- Drops from the palette

void DesignScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    mPaletteDrop->enter(event);
}

void DesignScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    mPaletteDrop->move(event);
}

void DesignScene::dragLeaveEvent(QGraphicsSceneDragDropEvent *event)
{
    mPaletteDrop->leave(event);
}

void DesignScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    mPaletteDrop->drop(event);
}

QString DesignScene::addFromPalette(const QString &kind, const QPointF &scenePos)
{
    return mPaletteDrop->add(kind, scenePos);
}

} // namespace topolab::app
