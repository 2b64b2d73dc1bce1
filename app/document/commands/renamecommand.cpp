#include "renamecommand.h"

#include "../stdstrings.h"
#include "../topologydocument.h"

namespace topolab::app {

RenameCommand::RenameCommand(TopologyDocument *document, std::string id, std::string newId)
    : DocumentCommand(document, tr("Rename %1 to %2").arg(toQString(id), toQString(newId)))
    , mOldId(std::move(id))
    , mNewId(std::move(newId))
{
}

void RenameCommand::redo()
{
    rename(mOldId, mNewId);
}

void RenameCommand::undo()
{
    rename(mNewId, mOldId);
}

void RenameCommand::rename(const std::string &from, const std::string &to)
{
    core::Topology &t = model();
    bool sections = false;
    if (core::Component *c = t.component(from)) {
        c->id = to;
        for (auto &link : t.links) {
            if (link.from == from)
                link.from = to;
            if (link.to == from)
                link.to = to;
        }
        for (auto &host : t.deployHosts) {
            if (host.component == from) {
                host.component = to;
                sections = true;
            }
        }
    } else {
        t.regions[regionIndex(from)].id = to;
        for (auto &component : t.components) {
            if (component.region == from)
                component.region = to;
        }
        for (auto &group : t.clientGroups) {
            if (group.region == from) {
                group.region = to;
                sections = true;
            }
        }
    }
    if (t.scenario) {
        for (auto &failure : t.scenario->failures) {
            if (failure.params.text("target") == from) {
                failure.params.set("target", to);
                sections = true;
            }
        }
    }
    if (auto box = t.layout.extract(from)) {
        box.key() = to;
        t.layout.insert(std::move(box));
    }
    Q_EMIT document()->idRenamed(toQString(from), toQString(to));
    if (sections)
        Q_EMIT document()->sectionsChanged();
}

} // namespace topolab::app
