#include "setregioncommand.h"

#include "../stdstrings.h"
#include "../topologydocument.h"

namespace topolab::app {

SetRegionCommand::SetRegionCommand(TopologyDocument *document,
                                   const std::vector<std::string> &componentIds,
                                   const std::string &region)
    : DocumentCommand(document, region.empty() ? tr("Move out of region")
                                               : tr("Move into %1").arg(toQString(region)))
{
    for (const std::string &id : componentIds) {
        const core::Component *c = model().component(id);
        if (c && c->region != region)
            mChanges.push_back(Change{id, c->region, region});
    }
}

void SetRegionCommand::redo()
{
    apply(true);
}

void SetRegionCommand::undo()
{
    apply(false);
}

void SetRegionCommand::apply(bool forward)
{
    for (const Change &change : mChanges) {
        model().component(change.component)->region = forward ? change.after : change.before;
        Q_EMIT document()->componentChanged(toQString(change.component));
    }
}

} // namespace topolab::app
