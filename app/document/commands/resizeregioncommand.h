#pragma once

#include "layoutboxescommand.h"

#include <QCoreApplication>

namespace topolab::app {

// Gives a region a new rectangle; its members stay where they are. The steps of one resize
// drag merge into one undo step.
class ResizeRegionCommand : public LayoutBoxesCommand
{
    Q_DECLARE_TR_FUNCTIONS(ResizeRegionCommand)

public:
    static constexpr int mergeId = 0x53697a65; // "Size"

    ResizeRegionCommand(TopologyDocument *document, const std::string &regionId,
                        const core::LayoutBox &box, int dragId);
};

} // namespace topolab::app
