#include "layeredlayout.h"

#include <algorithm>
#include <cmath>

namespace topolab::app {

LayeredLayout::LayeredLayout(const core::Topology &topology)
    : mTopology(topology)
{
}

int LayeredLayout::tierOf(core::ComponentKind kind)
{
    using K = core::ComponentKind;
    switch (kind) {
    case K::Dns:
        return 0;
    case K::LoadBalancer:
        return 1;
    case K::AppServer:
        return 2;
    case K::Database:
    case K::ObjectStorage:
    case K::SharedStorage:
    case K::Vpn:
        return 3;
    case K::Volume:
    case K::Backup:
        return 4;
    }
    return 4;
}

LayeredLayout::Grid LayeredLayout::gridOf(const std::vector<const core::Component *> &members) const
{
    Grid grid;
    for (int tier = 0; tier <= 4; ++tier) {
        std::vector<const core::Component *> row;
        for (const core::Component *c : members) {
            if (tierOf(c->kind) != tier)
                continue;
            row.push_back(c);
            if (row.size() == maxColumns) {
                grid.rows.push_back(std::move(row));
                row.clear();
            }
        }
        if (!row.empty())
            grid.rows.push_back(std::move(row));
    }
    for (const auto &row : grid.rows)
        grid.columns = std::max(grid.columns, row.size());
    return grid;
}

std::vector<const core::Component *> LayeredLayout::membersOf(const std::string &regionId) const
{
    std::vector<const core::Component *> members;
    for (const auto &c : mTopology.components) {
        if (c.region == regionId)
            members.push_back(&c);
    }
    return members;
}

void LayeredLayout::place(const Grid &grid, double left, double top,
                          std::map<std::string, core::LayoutBox> &boxes)
{
    for (std::size_t r = 0; r < grid.rows.size(); ++r) {
        const auto &row = grid.rows[r];
        const double offset = (double(grid.columns) - double(row.size())) / 2;
        for (std::size_t i = 0; i < row.size(); ++i) {
            core::LayoutBox box;
            if (const auto it = boxes.find(row[i]->id); it != boxes.end())
                box = it->second;
            box.x = left + (offset + double(i) + 0.5) * cellWidth;
            box.y = top + (double(r) + 0.5) * rowHeight;
            boxes[row[i]->id] = box;
        }
    }
}

core::LayoutBox LayeredLayout::regionBox(const Grid &grid, double left, double top)
{
    const double columns = double(std::max<std::size_t>(grid.columns, 1));
    const double rows = double(std::max<std::size_t>(grid.rows.size(), 1));
    return core::LayoutBox{left, top, 2 * regionPadding + columns * cellWidth,
                           regionHeader + rows * rowHeight + regionPadding};
}

std::map<std::string, core::LayoutBox> LayeredLayout::region(const std::string &regionId) const
{
    std::map<std::string, core::LayoutBox> boxes;
    for (const auto &c : membersOf(regionId)) {
        if (const auto it = mTopology.layout.find(c->id); it != mTopology.layout.end())
            boxes[c->id] = it->second; // keeps explicit sizes
    }
    double left = 0;
    double top = 0;
    if (const auto it = mTopology.layout.find(regionId); it != mTopology.layout.end()) {
        left = it->second.x;
        top = it->second.y;
    }
    const Grid grid = gridOf(membersOf(regionId));
    boxes[regionId] = regionBox(grid, left, top);
    place(grid, left + regionPadding, top + regionHeader, boxes);
    return boxes;
}

std::map<std::string, core::LayoutBox> LayeredLayout::all() const
{
    std::map<std::string, core::LayoutBox> boxes;
    for (const auto &c : mTopology.components) {
        if (const auto it = mTopology.layout.find(c.id); it != mTopology.layout.end())
            boxes[c.id] = it->second;
    }
    std::vector<const core::Component *> above;
    std::vector<const core::Component *> below;
    for (const auto &c : mTopology.components) {
        if (!c.region.empty())
            continue;
        (tierOf(c.kind) == 0 ? above : below).push_back(&c);
    }
    const Grid top = gridOf(above);
    const Grid bottom = gridOf(below);
    std::vector<Grid> regionGrids;
    double regionsWidth = 0;
    double regionsHeight = 0;
    for (const auto &r : mTopology.regions) {
        regionGrids.push_back(gridOf(membersOf(r.id)));
        const core::LayoutBox box = regionBox(regionGrids.back(), 0, 0);
        regionsWidth += (regionsWidth > 0 ? regionGap : 0) + box.width;
        regionsHeight = std::max(regionsHeight, box.height);
    }
    const double width = std::max({regionsWidth, top.width(), bottom.width()});
    const auto centred = [width](double inner) {
        return std::round((width - inner) / 2);
    };

    double y = 0;
    place(top, centred(top.width()), y, boxes);
    if (!top.rows.empty())
        y += top.height() + bandGap;
    double x = centred(regionsWidth);
    for (std::size_t i = 0; i < mTopology.regions.size(); ++i) {
        const core::LayoutBox box = regionBox(regionGrids[i], x, y);
        boxes[mTopology.regions[i].id] = box;
        place(regionGrids[i], x + regionPadding, y + regionHeader, boxes);
        x += box.width + regionGap;
    }
    if (!mTopology.regions.empty())
        y += regionsHeight + bandGap;
    place(bottom, centred(bottom.width()), y, boxes);
    return boxes;
}

} // namespace topolab::app
