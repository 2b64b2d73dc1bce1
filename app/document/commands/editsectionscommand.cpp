#include "editsectionscommand.h"

#include "core/model/identifier.h"

#include <algorithm>
#include <set>

namespace topolab::app {

namespace {

bool hasGroup(const std::vector<core::ClientGroup> &groups, const std::string &id)
{
    return std::any_of(groups.begin(), groups.end(),
                       [&](const core::ClientGroup &g) { return g.id == id; });
}

std::optional<std::string> clientGroupRefusal(const core::Topology &topology,
                                              const std::vector<core::ClientGroup> &groups)
{
    std::set<std::string> seen;
    for (const core::ClientGroup &g : groups) {
        if (!seen.insert(g.id).second)
            return "there is already a client group '" + g.id + "'";
        // A group kept from before keeps its id, even one a later component took.
        if (!hasGroup(topology.clientGroups, g.id)) {
            if (!core::isValidId(g.id)) {
                return "'" + g.id
                       + "' is not a valid id: use letters, digits, '.', '_' and '-', starting "
                         "with a letter or digit";
            }
            if (topology.hasId(g.id))
                return "'" + g.id + "' is already the id of a component or region";
        }
        if (!g.region.empty() && !topology.region(g.region))
            return "there is no region '" + g.region + "'";
    }
    return std::nullopt;
}

std::optional<std::string> scenarioRefusal(const core::Topology &topology,
                                           const core::Scenario &scenario)
{
    for (const core::ScheduledFailure &f : scenario.failures) {
        if (!f.params.isSet("at_s"))
            return std::string("a failure needs a start time");
        const std::string &target = f.params.text("target");
        if (target.empty())
            return std::string("a failure needs a target");
        if (!topology.hasId(target))
            return "failure target '" + target + "' is not a component or region";
    }
    for (const core::RandomFailure &f : scenario.randomFailures) {
        if (!f.params.isSet("kind"))
            return std::string("a random failure needs a kind");
    }
    return std::nullopt;
}

std::optional<std::string> deployHostRefusal(const core::Topology &topology,
                                             const std::vector<core::DeployHost> &hosts)
{
    std::set<std::string> seen;
    for (const core::DeployHost &h : hosts) {
        if (!topology.component(h.component))
            return "there is no component '" + h.component + "' to deploy";
        if (!seen.insert(h.component).second)
            return "component '" + h.component + "' has two deploy hosts";
        if (h.params.text("address").empty())
            return "the deploy host of '" + h.component + "' needs an address";
    }
    return std::nullopt;
}

} // namespace

EditSectionsCommand::EditSectionsCommand(TopologyDocument *document, const QString &text,
                                         Sections before, Sections after, int dragId)
    : DocumentCommand(document, text)
    , mBefore(std::move(before))
    , mAfter(std::move(after))
    , mDragId(dragId)
{
}

std::optional<std::string> EditSectionsCommand::refusal(const core::Topology &topology,
                                                        const Sections &sections)
{
    if (auto reason = clientGroupRefusal(topology, sections.clientGroups))
        return reason;
    if (auto reason = deployHostRefusal(topology, sections.deployHosts))
        return reason;
    if (sections.scenario)
        return scenarioRefusal(topology, *sections.scenario);
    return std::nullopt;
}

int EditSectionsCommand::id() const
{
    return mDragId != 0 ? mergeId : -1;
}

bool EditSectionsCommand::mergeWith(const QUndoCommand *other)
{
    // Same id(): the same class, so the cast is safe.
    const auto *later = static_cast<const EditSectionsCommand *>(other);
    if (later->mDragId != mDragId)
        return false;
    mAfter = later->mAfter;
    setObsolete(isNoOp());
    return true;
}

void EditSectionsCommand::redo()
{
    apply(mAfter);
}

void EditSectionsCommand::undo()
{
    apply(mBefore);
}

void EditSectionsCommand::apply(const Sections &sections)
{
    model().clientGroups = sections.clientGroups;
    model().scenario = sections.scenario;
    model().deployHosts = sections.deployHosts;
    Q_EMIT document()->sectionsChanged();
}

} // namespace topolab::app
