#include "boxgrid.h"

#include <algorithm>
#include <cmath>

namespace topolab::app {

BoxGrid::BoxGrid(qreal cellSize)
    : mCellSize(cellSize)
{
}

void BoxGrid::clear()
{
    mEntries.clear();
    mCells.clear();
}

void BoxGrid::place(const ComponentItem *item, const QRectF &rect)
{
    auto [it, added] = mEntries.try_emplace(item);
    Entry &entry = it->second;
    if (!added) {
        if (entry.rect == rect)
            return;
        unfile(entry);
    }
    entry.item = item;
    entry.rect = rect;
    forEachCell(rect, [&](long long cell) { mCells[cell].push_back(&entry); });
}

void BoxGrid::remove(const ComponentItem *item)
{
    const auto it = mEntries.find(item);
    if (it == mEntries.end())
        return;
    unfile(it->second);
    mEntries.erase(it);
}

void BoxGrid::unfile(const Entry &entry)
{
    forEachCell(entry.rect, [&](long long cell) {
        const auto found = mCells.find(cell);
        if (found == mCells.end())
            return;
        std::vector<const Entry *> &entries = found->second;
        entries.erase(std::remove(entries.begin(), entries.end(), &entry), entries.end());
        if (entries.empty())
            mCells.erase(found);
    });
}

} // namespace topolab::app
