#include "layoutboxescommand.h"

#include "../elementgeometry.h"

namespace topolab::app {

LayoutBoxesCommand::LayoutBoxesCommand(TopologyDocument *document, const QString &text,
                                       BoxChanges changes, int mergeId, int dragId)
    : DocumentCommand(document, text)
    , mChanges(std::move(changes))
    , mMergeId(mergeId)
    , mDragId(dragId)
{
    std::erase_if(mChanges,
                  [](const auto &entry) { return entry.second.before == entry.second.after; });
}

BoxChanges LayoutBoxesCommand::movesTo(const core::Topology &topology,
                                       const std::map<std::string, QPointF> &positions)
{
    BoxChanges changes;
    const auto boxOf = [&](const std::string &id) -> std::optional<core::LayoutBox> {
        const auto it = topology.layout.find(id);
        if (it == topology.layout.end())
            return std::nullopt;
        return it->second;
    };
    for (const auto &[id, position] : positions) {
        if (!topology.hasId(id))
            continue;
        const std::optional<core::LayoutBox> before = boxOf(id);
        core::LayoutBox after = before.value_or(core::LayoutBox{});
        after.x = ElementGeometry::bounded(position.x());
        after.y = ElementGeometry::bounded(position.y());
        changes[id] = BoxChange{before, after};
        if (!topology.region(id) || !before)
            continue;
        const double dx = after.x - before->x;
        const double dy = after.y - before->y;
        for (const auto &c : topology.components) {
            if (c.region != id || positions.count(c.id))
                continue;
            if (const auto member = boxOf(c.id)) {
                core::LayoutBox moved = *member;
                moved.x = ElementGeometry::bounded(moved.x + dx);
                moved.y = ElementGeometry::bounded(moved.y + dy);
                changes[c.id] = BoxChange{member, moved};
            }
        }
    }
    return changes;
}

bool LayoutBoxesCommand::isNoOp() const
{
    for (const auto &[id, change] : mChanges) {
        if (change.before != change.after)
            return false;
    }
    return true;
}

int LayoutBoxesCommand::id() const
{
    return mDragId != 0 ? mMergeId : -1;
}

bool LayoutBoxesCommand::mergeWith(const QUndoCommand *other)
{
    // Same id(): the same subclass, so the cast is safe.
    const auto *later = static_cast<const LayoutBoxesCommand *>(other);
    if (later->mDragId != mDragId)
        return false;
    for (const auto &[id, change] : later->mChanges) {
        auto it = mChanges.find(id);
        if (it == mChanges.end())
            mChanges.emplace(id, change);
        else
            it->second.after = change.after;
    }
    setObsolete(isNoOp());
    return true;
}

void LayoutBoxesCommand::redo()
{
    for (const auto &[id, change] : mChanges)
        setBox(id, change.after);
}

void LayoutBoxesCommand::undo()
{
    for (const auto &[id, change] : mChanges)
        setBox(id, change.before);
}

} // namespace topolab::app
