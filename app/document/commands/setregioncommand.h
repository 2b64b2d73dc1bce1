#pragma once

#include "documentcommand.h"

#include <QCoreApplication>

#include <vector>

namespace topolab::app {

// Moves components into a region, or out of every region (empty region id). Owns each
// component's region before and after; the rules for which kind may sit in a region were
// checked before the command was made.
class SetRegionCommand : public DocumentCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetRegionCommand)

public:
    SetRegionCommand(TopologyDocument *document, const std::vector<std::string> &componentIds,
                     const std::string &region);

    bool isEmpty() const { return mChanges.empty(); }

    void redo() override;
    void undo() override;

private:
    struct Change
    {
        std::string component;
        std::string before;
        std::string after;
    };

    void apply(bool forward);

    std::vector<Change> mChanges;
};

} // namespace topolab::app
