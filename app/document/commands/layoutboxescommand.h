#pragma once

#include "documentcommand.h"

#include <QPointF>

#include <map>

namespace topolab::app {

// The layout box of one element before and after an edit; nullopt = no box (the view places it).
struct BoxChange
{
    std::optional<core::LayoutBox> before;
    std::optional<core::LayoutBox> after;
};
using BoxChanges = std::map<std::string, BoxChange>; // by component or region id

// Base of the geometry edits (move, resize, auto-layout, align, distribute): owns the boxes
// before and after for each element it changes. Steps of one drag merge into one undo step
// when the subclass gives a merge id and the steps share a non-zero drag id.
class LayoutBoxesCommand : public DocumentCommand
{
public:
    LayoutBoxesCommand(TopologyDocument *document, const QString &text, BoxChanges changes,
                       int mergeId = -1, int dragId = 0);

    // Boxes that put components (centre) and regions (top-left) at `positions`, keeping their
    // sizes. A moved region carries its members that `positions` does not name.
    static BoxChanges movesTo(const core::Topology &topology,
                              const std::map<std::string, QPointF> &positions);

    const BoxChanges &changes() const { return mChanges; }
    bool isNoOp() const;

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    void redo() override;
    void undo() override;

private:
    BoxChanges mChanges;
    int mMergeId;
    int mDragId;
};

} // namespace topolab::app
