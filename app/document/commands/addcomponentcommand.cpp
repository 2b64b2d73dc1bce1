#include "addcomponentcommand.h"

#include "../stdstrings.h"

namespace topolab::app {

AddComponentCommand::AddComponentCommand(TopologyDocument *document, core::Component component,
                                         std::optional<core::LayoutBox> box)
    : DocumentCommand(document, tr("Add %1").arg(toQString(component.id)))
    , mComponent(std::move(component))
    , mBox(box)
{
}

void AddComponentCommand::redo()
{
    storeBox(mComponent.id, mBox);
    insertComponent(model().components.size(), mComponent);
}

void AddComponentCommand::undo()
{
    eraseComponent(componentIndex(mComponent.id));
    storeBox(mComponent.id, std::nullopt);
}

} // namespace topolab::app
