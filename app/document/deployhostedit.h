#pragma once

#include "topologydocument.h"

#include <QCoreApplication>

#include <optional>
#include <string>
#include <vector>

namespace topolab::app {

// The edits of the deploy hosts (deploy.hosts) the hosts dialog makes, each one undo step
// through TopologyDocument::setSections: a value set or reset, a host added (by giving a
// component its address) or removed, hosts filled from an inventory. Values are checked against
// core::deployHostSchema(), and refusals name the parameter by its title ("SSH port must be
// between 1 and 65535"), as the inspector does. Holds nothing.
class DeployHostEdit
{
    Q_DECLARE_TR_FUNCTIONS(DeployHostEdit)

public:
    // Sets `key` of the host of `component`. A component without a host gets one when its
    // address is set; any other key needs the address first. Returns the refusal.
    static std::optional<QString> setValue(TopologyDocument &document, const QString &component,
                                           const QString &key, const core::ParamValue &value);
    // Puts `key` back to its default. The address has none: resetting it removes the host.
    static std::optional<QString> reset(TopologyDocument &document, const QString &component,
                                        const QString &key);
    static std::optional<QString> remove(TopologyDocument &document, const QString &component);
    // The hosts of an inventory replace the entries of the same components; the others stay.
    // `source` names the inventory in the undo step.
    static std::optional<QString> fill(TopologyDocument &document,
                                       const std::vector<core::DeployHost> &hosts,
                                       const QString &source);

    // The host of `component` in `hosts`, or null.
    static const core::DeployHost *find(const std::vector<core::DeployHost> &hosts,
                                        const std::string &component);
    // `reason` as core words it ("port must be ..."), with the parameter's title in place of
    // its key, in sentence case.
    static QString titled(const std::string &reason);

private:
    // Where a new host for `component` goes so that hosts keep the order of the components.
    static std::size_t insertionIndex(const core::Topology &topology,
                                      const std::vector<core::DeployHost> &hosts,
                                      const std::string &component);
};

} // namespace topolab::app
