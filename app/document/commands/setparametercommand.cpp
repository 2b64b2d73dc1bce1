#include "setparametercommand.h"

#include "../stdstrings.h"
#include "../topologydocument.h"

namespace topolab::app {

SetParameterCommand::SetParameterCommand(TopologyDocument *document, const QString &text,
                                         std::vector<Change> changes)
    : DocumentCommand(document, text)
    , mChanges(std::move(changes))
{
}

void SetParameterCommand::redo()
{
    apply(true);
}

void SetParameterCommand::undo()
{
    apply(false);
}

void SetParameterCommand::apply(bool forward)
{
    for (const Change &change : mChanges) {
        model().component(change.component)->params = forward ? change.after : change.before;
        Q_EMIT document()->componentChanged(toQString(change.component));
    }
}

} // namespace topolab::app
