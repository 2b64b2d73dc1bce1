#pragma once

#include "documentcommand.h"

#include <QCoreApplication>

namespace topolab::app {

// Appends one link, which the rules table accepted before the command was made.
class ConnectCommand : public DocumentCommand
{
    Q_DECLARE_TR_FUNCTIONS(ConnectCommand)

public:
    ConnectCommand(TopologyDocument *document, core::Link link);

    void redo() override;
    void undo() override;

private:
    core::Link mLink;
};

} // namespace topolab::app
