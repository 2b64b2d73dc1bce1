#include "setlabelcommand.h"

#include "../stdstrings.h"
#include "../topologydocument.h"

namespace topolab::app {

SetLabelCommand::SetLabelCommand(TopologyDocument *document, const std::string &id,
                                 std::string label)
    : DocumentCommand(document, tr("Change label of %1").arg(toQString(id)))
    , mId(id)
    , mAfter(std::move(label))
{
    if (const core::Component *c = model().component(id))
        mBefore = c->label;
    else if (const core::Region *r = model().region(id))
        mBefore = r->label;
}

void SetLabelCommand::redo()
{
    apply(mAfter);
}

void SetLabelCommand::undo()
{
    apply(mBefore);
}

void SetLabelCommand::apply(const std::string &label)
{
    if (core::Component *c = model().component(mId)) {
        c->label = label;
        Q_EMIT document()->componentChanged(toQString(mId));
        return;
    }
    const std::size_t index = regionIndex(mId);
    model().regions[index].label = label;
    Q_EMIT document()->regionChanged(toQString(mId));
}

} // namespace topolab::app
