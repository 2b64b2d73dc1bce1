#pragma once

#include "core/deploy/deployunit.h"
#include "core/deploy/hostconnection.h"
#include "core/deploy/hoststate.h"

#include <string>
#include <vector>

namespace topolab::core {

struct FileChange
{
    enum class Kind { Add, Change, Mode };
    Kind kind = Kind::Add;
    RenderedFile file;     // the new version
    std::string before;    // the host's version (empty for Add)
    unsigned oldMode = 0;
    std::string diff;      // unified diff; empty for secret files, which are never shown
};

struct ServiceAction
{
    enum class Kind { Start, Reload, Restart };
    Kind kind = Kind::Start;
    std::string reason; // "not running", "/etc/haproxy/haproxy.cfg changed", "left by a failed run"
};

// What one unit changes on its host.
struct UnitPlan
{
    DeployUnit unit;
    std::vector<FileChange> changes;
    std::vector<std::size_t> pendingTasks;               // indices into unit.tasks
    std::vector<std::pair<std::size_t, ServiceAction>> actions; // index into unit.services
    bool serviceManagerReload = false; // a systemd unit file changed

    bool empty() const { return changes.empty() && pendingTasks.empty() && actions.empty(); }
};

// Compares the units of one host with what the host has: files to add or change (with their
// diff), one-time tasks not yet done, services to start, reload or restart, and what the journal
// of a failed run left pending.
std::vector<UnitPlan> planUnits(const std::vector<const DeployUnit *> &units, const HostState &state);

// The journal: service actions a run decided but has not yet seen through. A run writes it
// before it swaps files in and clears it once the services are healthy, so a run that died in
// between leaves the actions for the next run, which would otherwise find the files already in
// place and do nothing.
std::string journalText(const std::vector<std::pair<std::string, ServiceAction::Kind>> &pending);
std::vector<std::pair<std::string, ServiceAction::Kind>> parseJournal(const std::string &text);

const char *actionName(ServiceAction::Kind kind);

} // namespace topolab::core
