#pragma once

#include "layoutboxescommand.h"

#include <QCoreApplication>

namespace topolab::app {

// Lays out one region's members, or the whole topology, with LayeredLayout. Owns the boxes
// before and after, so undo also removes the boxes it gave to elements that had none.
class AutoLayoutCommand : public LayoutBoxesCommand
{
    Q_DECLARE_TR_FUNCTIONS(AutoLayoutCommand)

public:
    // An empty `regionId` lays out everything.
    AutoLayoutCommand(TopologyDocument *document, const std::string &regionId);

private:
    static BoxChanges layout(const core::Topology &topology, const std::string &regionId);
};

} // namespace topolab::app
