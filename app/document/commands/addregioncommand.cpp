#include "addregioncommand.h"

#include "../stdstrings.h"

namespace topolab::app {

AddRegionCommand::AddRegionCommand(TopologyDocument *document, core::Region region,
                                   core::LayoutBox box)
    : DocumentCommand(document, tr("Add region %1").arg(toQString(region.id)))
    , mRegion(std::move(region))
    , mBox(box)
{
}

void AddRegionCommand::redo()
{
    storeBox(mRegion.id, mBox);
    insertRegion(model().regions.size(), mRegion);
}

void AddRegionCommand::undo()
{
    eraseRegion(regionIndex(mRegion.id));
    storeBox(mRegion.id, std::nullopt);
}

} // namespace topolab::app
