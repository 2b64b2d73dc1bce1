#pragma once

#include "core/model/topology.h"

#include <map>
#include <string>
#include <vector>

namespace topolab::app {

// The automatic layout of the designer: deterministic and layered by tier (dns, load
// balancers, app servers, databases and other data services, volumes and backups), one row
// per tier, wide tiers wrapping, each row centred. A region is sized to fit its members and
// keeps its top-left corner; the whole topology puts regions side by side, region-less dns
// above them and the other region-less services below. Computes boxes; changes nothing.
class LayeredLayout
{
public:
    static constexpr double cellWidth = 260;
    static constexpr double rowHeight = 140;
    static constexpr double regionPadding = 40;
    static constexpr double regionHeader = 60;
    static constexpr double regionGap = 120;
    static constexpr double bandGap = 40;
    static constexpr std::size_t maxColumns = 5;

    explicit LayeredLayout(const core::Topology &topology);

    static int tierOf(core::ComponentKind kind);

    // Boxes for `regionId` and its members.
    std::map<std::string, core::LayoutBox> region(const std::string &regionId) const;
    // Boxes for every region and component.
    std::map<std::string, core::LayoutBox> all() const;

private:
    struct Grid
    {
        std::vector<std::vector<const core::Component *>> rows;
        std::size_t columns = 0;
        double width() const { return double(columns) * cellWidth; }
        double height() const { return double(rows.size()) * rowHeight; }
    };

    Grid gridOf(const std::vector<const core::Component *> &members) const;
    std::vector<const core::Component *> membersOf(const std::string &regionId) const;
    // Places the grid's cells with their area's top-left at (left, top).
    static void place(const Grid &grid, double left, double top,
                      std::map<std::string, core::LayoutBox> &boxes);
    static core::LayoutBox regionBox(const Grid &grid, double left, double top);

    const core::Topology &mTopology;
};

} // namespace topolab::app
