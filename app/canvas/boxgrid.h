#pragma once

#include <QRectF>

#include <cmath>

#include <unordered_map>
#include <vector>

namespace topolab::app {

class ComponentItem;

// Where the component boxes are, filed by the cells of a uniform grid, so that the boxes near a
// link are found without testing every box of the drawing (the scene's own index is rebuilt
// after every move, which a drag of a hundred boxes does on each mouse step). Holds the
// rectangles by item; owns no item.
class BoxGrid
{
public:
    explicit BoxGrid(qreal cellSize = 200);

    void clear();
    // Files `item` at `rect`, or moves it there.
    void place(const ComponentItem *item, const QRectF &rect);
    void remove(const ComponentItem *item);

    // Calls visit(rect, item) once for every box that intersects `area`.
    template<typename Visit> void forEachIn(const QRectF &area, Visit visit) const
    {
        ++mVisit;
        forEachCell(area, [&](long long cell) {
            const auto found = mCells.find(cell);
            if (found == mCells.end())
                return;
            for (const Entry *entry : found->second) {
                if (entry->visit == mVisit)
                    continue;
                entry->visit = mVisit;
                if (entry->rect.intersects(area))
                    visit(entry->rect, entry->item);
            }
        });
    }

private:
    struct Entry
    {
        const ComponentItem *item = nullptr;
        QRectF rect;
        mutable unsigned visit = 0;
    };

    template<typename Each> void forEachCell(const QRectF &rect, Each each) const;
    void unfile(const Entry &entry);

    qreal mCellSize;
    std::unordered_map<const ComponentItem *, Entry> mEntries; // node-based: entries stay put
    std::unordered_map<long long, std::vector<const Entry *>> mCells;
    mutable unsigned mVisit = 0;
};

template<typename Each> void BoxGrid::forEachCell(const QRectF &rect, Each each) const
{
    const auto cellOf = [this](qreal v) {
        return static_cast<long long>(std::floor(v / mCellSize));
    };
    const long long left = cellOf(rect.left());
    const long long right = cellOf(rect.right());
    const long long top = cellOf(rect.top());
    const long long bottom = cellOf(rect.bottom());
    for (long long y = top; y <= bottom; ++y) {
        for (long long x = left; x <= right; ++x)
            each(static_cast<long long>(static_cast<unsigned long long>(y) << 32
                                        | static_cast<unsigned int>(x)));
    }
}

} // namespace topolab::app
