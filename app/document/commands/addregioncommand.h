#pragma once

#include "documentcommand.h"

#include <QCoreApplication>

namespace topolab::app {

// Adds one region with its layout box at the end of the region list. Owns the region's value
// while it is not in the model.
class AddRegionCommand : public DocumentCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddRegionCommand)

public:
    AddRegionCommand(TopologyDocument *document, core::Region region, core::LayoutBox box);

    void redo() override;
    void undo() override;

private:
    core::Region mRegion;
    core::LayoutBox mBox;
};

} // namespace topolab::app
