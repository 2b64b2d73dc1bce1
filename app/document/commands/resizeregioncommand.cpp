#include "resizeregioncommand.h"

#include "../stdstrings.h"
#include "../topologydocument.h"

namespace topolab::app {

namespace {

BoxChanges resize(const core::Topology &topology, const std::string &regionId,
                  const core::LayoutBox &box)
{
    std::optional<core::LayoutBox> before;
    if (const auto it = topology.layout.find(regionId); it != topology.layout.end())
        before = it->second;
    return BoxChanges{{regionId, BoxChange{before, box}}};
}

} // namespace

ResizeRegionCommand::ResizeRegionCommand(TopologyDocument *document, const std::string &regionId,
                                         const core::LayoutBox &box, int dragId)
    : LayoutBoxesCommand(document, tr("Resize %1").arg(toQString(regionId)),
                         resize(document->topology(), regionId, box), mergeId, dragId)
{
}

} // namespace topolab::app
