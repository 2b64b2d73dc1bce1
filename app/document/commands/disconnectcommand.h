#pragma once

#include "documentcommand.h"

#include <QCoreApplication>

namespace topolab::app {

// Removes one link and remembers its place in the link list, so undo puts it back there.
class DisconnectCommand : public DocumentCommand
{
    Q_DECLARE_TR_FUNCTIONS(DisconnectCommand)

public:
    DisconnectCommand(TopologyDocument *document, std::size_t index);

    void redo() override;
    void undo() override;

private:
    std::size_t mIndex;
    core::Link mLink;
};

} // namespace topolab::app
