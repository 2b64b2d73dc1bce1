#include "connectcommand.h"

#include "../stdstrings.h"

namespace topolab::app {

ConnectCommand::ConnectCommand(TopologyDocument *document, core::Link link)
    : DocumentCommand(document,
                      tr("Connect %1 to %2").arg(toQString(link.from), toQString(link.to)))
    , mLink(std::move(link))
{
}

void ConnectCommand::redo()
{
    insertLink(model().links.size(), mLink);
}

void ConnectCommand::undo()
{
    eraseLink(linkIndex(mLink.from, mLink.to));
}

} // namespace topolab::app
