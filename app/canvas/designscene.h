#pragma once

#include "boxgrid.h"
#include "deploybadge.h"
#include "linkrouter.h"

#include "sim/engine/simobserver.h"
#include "simulation/loadtimeline.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPair>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace topolab::app {

class CanvasDrag;
class ComponentItem;
class LinkItem;
class LinkOverview;
class PaletteDrop;
class Placement;
class RegionItem;
class SelectionNudge;
class TopologyDocument;

// The editable canvas contents: one item per region, component and link of the document, kept
// in step with it through its change signals (the scene never changes the model itself; every
// edit is a document mutator, hence an undo step). Places elements through Placement, snaps to
// a grid, draws the grid, marks findings and, on demand, single points of failure. Mouse
// gestures are CanvasDrag objects (move, resize, connect); palette drops are PaletteDrop's and
// arrow-key nudges SelectionNudge's. Owns its items and the index from ids to them.
class DesignScene : public QGraphicsScene
{
    Q_OBJECT

public:
    static constexpr qreal gridSize = 20;
    // Room around the drawing, so that there is always space to drop something new.
    static constexpr qreal margin = 800;

    explicit DesignScene(TopologyDocument *document, QObject *parent = nullptr);
    ~DesignScene() override;

    TopologyDocument *document() const { return mDocument; }

    ComponentItem *componentItem(const QString &id) const { return mComponents.value(id); }
    RegionItem *regionItem(const QString &id) const { return mRegions.value(id); }
    // The item of a component or, failing that, of a region with this id.
    QGraphicsItem *elementItem(const QString &id) const;
    LinkItem *linkItem(const QString &from, const QString &to) const;
    int linkCount() const { return int(mLinks.size()); }
    // Only the topology's items, without the margin around them; empty when there are none.
    QRectF contentRect() const { return mContentRect; }

    // The scene rectangle of a component's box or a region; empty for an unknown id.
    QRectF elementRect(const QString &id) const;
    // Real box sizes for TopologyDocument::align() and distribute().
    QHash<QString, QSizeF> elementSizes(const QStringList &ids) const;
    // The region whose area holds `scenePos` (the smallest, should regions overlap), skipping
    // `ignore`; empty when none does.
    QString regionAt(const QPointF &scenePos, const QSet<QString> &ignore = {}) const;
    // The component whose box holds `scenePos`, skipping `ignore`; empty when none does.
    QString componentAt(const QPointF &scenePos, const QString &ignore = {}) const;

    // Selected components and regions by id, in the document's order.
    QStringList selectedIds() const;
    // Selected links as (from, to), in the document's order.
    QList<QPair<QString, QString>> selectedLinks() const;
    void selectIds(const QStringList &ids);

    QPointF snapped(const QPointF &point) const;
    bool snapToGrid() const { return mSnapToGrid; }
    void setSnapToGrid(bool snap) { mSnapToGrid = snap; }
    bool gridVisible() const { return mGridVisible; }
    void setGridVisible(bool visible);
    LinkStyle linkStyle() const { return mLinkStyle; }
    void setLinkStyle(LinkStyle style);
    // A read-only canvas selects and shows, and refuses every gesture that would edit.
    bool isReadOnly() const { return mReadOnly; }
    void setReadOnly(bool readOnly);
    // Rings the components whose loss alone stops the service (core's analysis), kept up to
    // date while on.
    bool singlePointsShown() const { return mSinglePointsShown; }
    void setSinglePointsShown(bool shown);
    QStringList singlePoints() const { return mSinglePoints; }
    // Components in these states (by id) are shown so, every other one as usual: a moment of a
    // simulation's replay. An empty map ends the replay's look.
    void showStates(const QHash<QString, sim::ComponentState> &states);
    // Where a deploy left each component's host (by component id), as a badge on the
    // component; components left out have none. An empty map clears them.
    void showDeployMarks(const QHash<QString, DeployMark> &marks);
    // The load of a replay's moment: a busy bar on components that queue, and request links
    // as wide as their traffic. An empty map ends it.
    void showLoads(const QHash<QString, ComponentLoad> &loads);
    // The view's zoom, so that handles and grips stay big enough to grab when zoomed out.
    void setViewZoom(qreal zoom);
    qreal viewZoom() const { return mViewZoom; }
    // The part of the scene the canvas view shows (its whole rectangle without a view).
    QRectF visibleArea() const;

    // Puts elements the file gives no position at the place the canvas shows them, as part of
    // the current edit: the first edit of a file without a layout freezes the picture the user
    // is editing instead of letting the automatic layout rearrange it.
    void freezeAutomaticPlacement();
    // Whether some element is placed by the automatic layout, not by the file.
    bool hasAutomaticPlacement() const;

    // Live geometry during a gesture, before the document is told (CanvasDrag).
    void previewComponentRect(const QString &id, const QRectF &sceneRect);
    void previewRegionRect(const QString &id, const QRectF &sceneRect);
    // Several elements at once (components and regions by id): every box is placed before the
    // links are routed, each link once.
    void previewRects(const QHash<QString, QRectF> &sceneRects);
    void setDropTargetRegion(const QString &id);
    // A gesture in progress, or null.
    CanvasDrag *activeDrag() const { return mDrag.get(); }

    // Adds what a palette entry names ("region" or a core kind) at `scenePos`, inside the
    // region there when the kind may live in one, selects it and returns its id; as a drop
    // from the palette does.
    QString addFromPalette(const QString &kind, const QPointF &scenePos);

Q_SIGNALS:
    // A sentence for the status bar: why an edit was refused, what a gesture did.
    void message(const QString &text);
    void contentRectChanged(const QRectF &rect);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    void rebuild();
    void addComponentItem(const QString &id);
    void removeComponentItem(const QString &id);
    void addRegionItem(const QString &id);
    void removeRegionItem(const QString &id);
    void addLinkItem(const QString &from, const QString &to);
    void removeLinkItem(const QString &from, const QString &to);
    void updateComponent(const QString &id);
    void updateRegion(const QString &id);
    void updateGeometry(const QString &id);
    void renameElement(const QString &oldId, const QString &newId);
    void updateFindings();
    void updateSinglePoints();
    // `fresh`: a new drawing, whose canvas may be smaller than the last one's.
    void updateContentRect(bool fresh = false);
    // Full: the route round every box, searched if need be. Preview: a gesture's mouse step,
    // simple shapes only, settled when the gesture ends.
    enum class RouteWork { Full, Preview };
    void rerouteLinksOf(const QString &componentId, RouteWork work = RouteWork::Full);
    void routeLink(LinkItem *link, RouteWork work = RouteWork::Full);
    // Routes again, in full, the links a gesture's preview routed quickly.
    void settleRoutes();
    // Moves a component's item and keeps mBoxes in step.
    void placeBox(ComponentItem *item, const QRectF &sceneRect);
    // Links that pass through `area`, whose best route may have changed when a box appeared
    // there or left it, rerouted once control returns to the event loop, for every area given
    // until then: an edit that moves a hundred boxes reroutes each link once, not once per box.
    void rerouteLinksThroughLater(const QRectF &area);
    void reroutePending();
    // The box of a component, from its layout box or the automatic placement.
    QRectF componentRectFor(const QString &id) const;
    QRectF regionRectFor(const QString &id) const;
    void endDrag();

    TopologyDocument *mDocument;
    std::unique_ptr<Placement> mPlacement;
    std::unique_ptr<PaletteDrop> mPaletteDrop;
    std::unique_ptr<SelectionNudge> mNudge;
    QHash<QString, ComponentItem *> mComponents;
    QHash<QString, RegionItem *> mRegions;
    QHash<QPair<QString, QString>, LinkItem *> mLinks;
    QHash<QString, QList<LinkItem *>> mLinksOf; // component id → its links, either way
    BoxGrid mBoxes;                             // the components' boxes, for routing
    QList<QRectF> mRerouteAreas;                // for reroutePending()
    QSet<QPair<QString, QString>> mProvisional; // links routed by a preview, by (from, to)
    QRectF mContentRect;
    QStringList mSinglePoints;
    std::unique_ptr<CanvasDrag> mDrag;
    QString mPressed; // the element a left press hit, until a drag starts or the button is up
    LinkOverview *mLinkOverview = nullptr; // draws the links when zoomed far out
    QString mDropTarget;
    LinkStyle mLinkStyle = LinkStyle::Orthogonal;
    bool mSnapToGrid = true;
    bool mGridVisible = true;
    bool mReadOnly = false;
    bool mSinglePointsShown = false;
    qreal mHandleScale = 1;
    qreal mViewZoom = 1;
    bool mRebuilding = false; // adding every item of a new document at once
};

} // namespace topolab::app
