#pragma once

#include "documentcommand.h"

#include <QCoreApplication>

#include <vector>

namespace topolab::app {

// Changes parameters of one or more components as one step: a value set, reset to its default
// or an optional group switched on or off. Owns each component's parameter set before and
// after, which the document checked against the schema and the links before making it.
class SetParameterCommand : public DocumentCommand
{
    Q_DECLARE_TR_FUNCTIONS(SetParameterCommand)

public:
    struct Change
    {
        std::string component;
        core::ParamSet before;
        core::ParamSet after;
    };

    SetParameterCommand(TopologyDocument *document, const QString &text,
                        std::vector<Change> changes);

    void redo() override;
    void undo() override;

private:
    void apply(bool forward);

    std::vector<Change> mChanges;
};

} // namespace topolab::app
