#pragma once

#include "documentcommand.h"

#include <QCoreApplication>

namespace topolab::app {

// Gives a component or a region a new label (free text for people; links use the id). Owns
// the label before and after.
class SetLabelCommand : public DocumentCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetLabelCommand)

public:
    SetLabelCommand(TopologyDocument *document, const std::string &id, std::string label);

    void redo() override;
    void undo() override;

private:
    void apply(const std::string &label);

    std::string mId;
    std::string mBefore;
    std::string mAfter;
};

} // namespace topolab::app
