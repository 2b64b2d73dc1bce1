#include "autolayoutcommand.h"

#include "../layeredlayout.h"
#include "../stdstrings.h"
#include "../topologydocument.h"

namespace topolab::app {

AutoLayoutCommand::AutoLayoutCommand(TopologyDocument *document, const std::string &regionId)
    : LayoutBoxesCommand(document,
                         regionId.empty() ? tr("Arrange everything")
                                          : tr("Arrange %1").arg(toQString(regionId)),
                         layout(document->topology(), regionId))
{
}

BoxChanges AutoLayoutCommand::layout(const core::Topology &topology, const std::string &regionId)
{
    const LayeredLayout layered(topology);
    BoxChanges changes;
    for (const auto &[id, box] : regionId.empty() ? layered.all() : layered.region(regionId)) {
        std::optional<core::LayoutBox> before;
        if (const auto it = topology.layout.find(id); it != topology.layout.end())
            before = it->second;
        changes.emplace(id, BoxChange{before, box});
    }
    return changes;
}

} // namespace topolab::app
