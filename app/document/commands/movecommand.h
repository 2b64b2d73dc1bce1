#pragma once

#include "layoutboxescommand.h"

#include <QCoreApplication>

namespace topolab::app {

// Moves components (to a new centre) and regions (to a new top-left; members come along).
// Consecutive steps of the same drag merge into one undo step, and a drag that ends where it
// started leaves no step at all.
class MoveCommand : public LayoutBoxesCommand
{
    Q_DECLARE_TR_FUNCTIONS(MoveCommand)

public:
    static constexpr int mergeId = 0x4d6f7665; // "Move"

    MoveCommand(TopologyDocument *document, const std::map<std::string, QPointF> &positions,
                int dragId);
};

} // namespace topolab::app
