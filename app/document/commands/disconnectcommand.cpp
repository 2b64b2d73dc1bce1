#include "disconnectcommand.h"

#include "../stdstrings.h"

namespace topolab::app {

DisconnectCommand::DisconnectCommand(TopologyDocument *document, std::size_t index)
    : DocumentCommand(document, QString())
    , mIndex(index)
    , mLink(model().links.at(index))
{
    setText(tr("Disconnect %1 from %2").arg(toQString(mLink.from), toQString(mLink.to)));
}

void DisconnectCommand::redo()
{
    eraseLink(linkIndex(mLink.from, mLink.to));
}

void DisconnectCommand::undo()
{
    insertLink(mIndex, mLink);
}

} // namespace topolab::app
