#pragma once

#include "documentcommand.h"

#include <QCoreApplication>
#include <QStringList>

#include <map>
#include <utility>
#include <vector>

namespace topolab::app {

// Deletes components and regions with everything that refers to them: a region's members,
// the links of every removed component, their layout boxes, the scenario failures that target
// them and their deploy hosts; client groups of a removed region become region-less. Owns a
// snapshot of all of it with the original positions in each list, so undo puts every element
// back where it was and the saved bytes are the same as before.
class RemoveCommand : public DocumentCommand
{
    Q_DECLARE_TR_FUNCTIONS(RemoveCommand)

public:
    // Snapshots, from the model as it is now, what removing `ids` takes with it.
    RemoveCommand(TopologyDocument *document, const QStringList &ids);

    bool isEmpty() const { return mComponents.empty() && mRegions.empty(); }

    void redo() override;
    void undo() override;

private:
    template<typename T>
    using Indexed = std::vector<std::pair<std::size_t, T>>; // ascending original indices

    Indexed<core::Region> mRegions;
    Indexed<core::Component> mComponents;
    Indexed<core::Link> mLinks;
    Indexed<core::ScheduledFailure> mFailures;
    Indexed<core::DeployHost> mHosts;
    Indexed<std::string> mClientGroupRegions; // the region each affected group had
    std::map<std::string, core::LayoutBox> mBoxes;
};

} // namespace topolab::app
