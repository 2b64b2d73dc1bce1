#pragma once

#include "commands/setparametercommand.h"

#include <QCoreApplication>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace topolab::app {

// Works out one parameter edit of a selection of components before anything changes: each
// component's parameter set after the edit, or the reason the whole edit is refused (a value
// that does not fit the schema, a parameter a component lacks, or a change that would make one
// of its links break the rules table, like a primary database turned into a standby). Holds
// the outcome.
class ParameterEdit
{
    Q_DECLARE_TR_FUNCTIONS(ParameterEdit)

public:
    // Changes one component's parameters; returns the refusal reason.
    using Change = std::function<std::optional<std::string>(core::ParamSet &)>;

    static Change setValue(const std::string &path, const core::ParamValue &value);
    static Change reset(const std::string &path);
    static Change enableGroup(const std::string &group, bool enabled);

    ParameterEdit(const core::Topology &topology, const std::vector<std::string> &componentIds,
                  const Change &change);

    const std::optional<std::string> &refusal() const { return mRefusal; }
    // Empty when refused or when nothing would change.
    std::vector<SetParameterCommand::Change> &changes() { return mChanges; }

private:
    void checkLinks(const core::Topology &topology);

    std::optional<std::string> mRefusal;
    std::vector<SetParameterCommand::Change> mChanges;
};

} // namespace topolab::app
