#pragma once

#include "documentcommand.h"

#include <QCoreApplication>

namespace topolab::app {

// Gives a component or a region a new id and follows every reference to it: links, the layout
// entry, the members of a region, client groups, scenario failure targets and deploy hosts.
// Owns the two ids; the new one was checked to be valid and free.
class RenameCommand : public DocumentCommand
{
    Q_DECLARE_TR_FUNCTIONS(RenameCommand)

public:
    RenameCommand(TopologyDocument *document, std::string id, std::string newId);

    void redo() override;
    void undo() override;

private:
    void rename(const std::string &from, const std::string &to);

    std::string mOldId;
    std::string mNewId;
};

} // namespace topolab::app
