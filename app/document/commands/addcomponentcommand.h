#pragma once

#include "documentcommand.h"

#include <QCoreApplication>

namespace topolab::app {

// Adds one component, and its layout box when it has one, at the end of the component list.
// Owns the component's value while it is not in the model.
class AddComponentCommand : public DocumentCommand
{
    Q_DECLARE_TR_FUNCTIONS(AddComponentCommand)

public:
    AddComponentCommand(TopologyDocument *document, core::Component component,
                        std::optional<core::LayoutBox> box);

    void redo() override;
    void undo() override;

private:
    core::Component mComponent;
    std::optional<core::LayoutBox> mBox;
};

} // namespace topolab::app
