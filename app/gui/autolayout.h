#pragma once

#include "neighbourorder.h"

#include "core/model/topology.h"

#include <QHash>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <vector>

namespace topolab::app {

// Scene rectangles, keyed by component or region id. Component rectangles are cells of the
// common width: a box narrower than that is centred on its cell.
struct SceneGeometry
{
    QHash<QString, QRectF> components;
    QHash<QString, QRectF> regions;
};

// Decides where everything goes on the canvas. Topology::layout wins where it has an entry: a
// component's x, y is the centre of its box (so boxes stay put when a longer id widens them),
// a region's x, y is its top-left corner with width and height. Everything else is placed on a
// grid by tier (load balancers, app servers, data, storage) inside its region, regions side by
// side, DNS above them, region-less services that app servers or databases use (object storage,
// the vpn) in a column between the regions level with their users, and the other region-less
// services below, so a file without a layout reads well. Owns only the geometry it computes.
class AutoLayout
{
public:
    static constexpr qreal componentHeight = 60;
    static constexpr qreal regionHeader = 50;
    static constexpr qreal regionPadding = 24;

    AutoLayout(const core::Topology &topology, qreal componentWidth);

    SceneGeometry compute();

private:
    struct Group
    {
        std::vector<const core::Component *> members;
        QHash<QString, QPointF> local; // top-left of each member, relative to the grid
        QSizeF grid;
    };

    void collect();
    void placeRegions();
    // A row, wrapping as needed, centred below (or above) everything placed so far.
    void placeBand(std::vector<const core::Component *> &members, bool above);
    NeighbourOrder::Position placedX() const;
    void placeColumn();
    void layoutGrid(Group &group) const;
    QRectF contentBounds() const;
    QSizeF componentSize() const { return {mWidth, componentHeight}; }

    const core::Topology &mTopology;
    qreal mWidth;
    SceneGeometry mGeometry;
    NeighbourOrder mOrder;
    std::vector<Group> mRegionGroups; // index = Topology::regions
    Group mLoose;
    std::vector<const core::Component *> mDns;
    std::vector<const core::Component *> mColumn;
    std::vector<int> mTierRows; // rows each tier takes, shared by all regions so tiers align
    int mColumnAfter = -1;      // index of the region whose right-hand gap holds mColumn
    bool mHasExplicit = false;
};

} // namespace topolab::app
