#include "hostplan.h"

#include "unifieddiff.h"

#include <algorithm>
#include <sstream>

namespace topolab::core {

namespace {

bool isUnitFile(const std::string &path)
{
    return path.starts_with("/etc/systemd/system/") && path.ends_with(".service");
}

bool contains(const std::vector<std::string> &list, const std::string &value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

// A stronger action replaces a weaker one: restart covers reload, both cover start.
void require(std::vector<std::pair<std::size_t, ServiceAction>> &actions, std::size_t service,
             ServiceAction action)
{
    for (auto &[index, existing] : actions) {
        if (index == service) {
            if (static_cast<int>(action.kind) > static_cast<int>(existing.kind))
                existing = std::move(action);
            return;
        }
    }
    actions.emplace_back(service, std::move(action));
}

} // namespace

const char *actionName(ServiceAction::Kind kind)
{
    switch (kind) {
    case ServiceAction::Kind::Start:
        return "start";
    case ServiceAction::Kind::Reload:
        return "reload";
    case ServiceAction::Kind::Restart:
        return "restart";
    }
    return "start";
}

std::string journalText(const std::vector<std::pair<std::string, ServiceAction::Kind>> &pending)
{
    std::string text;
    for (const auto &[service, kind] : pending)
        text += std::string(actionName(kind)) + " " + service + "\n";
    return text;
}

std::vector<std::pair<std::string, ServiceAction::Kind>> parseJournal(const std::string &text)
{
    std::vector<std::pair<std::string, ServiceAction::Kind>> pending;
    std::istringstream lines(text);
    std::string action;
    std::string service;
    while (lines >> action >> service) {
        if (action == "start")
            pending.emplace_back(service, ServiceAction::Kind::Start);
        else if (action == "reload")
            pending.emplace_back(service, ServiceAction::Kind::Reload);
        else if (action == "restart")
            pending.emplace_back(service, ServiceAction::Kind::Restart);
    }
    return pending;
}

std::vector<UnitPlan> planUnits(const std::vector<const DeployUnit *> &units, const HostState &state)
{
    const auto journal = parseJournal(state.journal);
    std::vector<UnitPlan> plans;
    for (const DeployUnit *unit : units) {
        UnitPlan plan;
        plan.unit = *unit;
        std::vector<std::string> changed;
        for (const RenderedFile &file : unit->files) {
            const auto it = state.files.find(file.path);
            const RemoteFile remote = it == state.files.end() ? RemoteFile{} : it->second;
            FileChange change;
            change.file = file;
            if (!remote.exists || !remote.regular) {
                change.kind = FileChange::Kind::Add;
            } else if (remote.content != file.content) {
                change.kind = FileChange::Kind::Change;
                change.before = remote.content;
            } else if (remote.mode != (file.mode & 07777)) {
                change.kind = FileChange::Kind::Mode;
            } else {
                continue;
            }
            change.oldMode = remote.mode;
            if (!file.secret && change.kind != FileChange::Kind::Mode)
                change.diff = unifiedDiff(change.before, file.content, file.path);
            changed.push_back(file.path);
            if (isUnitFile(file.path) && change.kind != FileChange::Kind::Mode)
                plan.serviceManagerReload = true;
            plan.changes.push_back(std::move(change));
        }
        for (std::size_t t = 0; t < unit->tasks.size(); ++t) {
            const HostTask &task = unit->tasks[t];
            if (task.creates.empty() || !state.existing.contains(task.creates))
                plan.pendingTasks.push_back(t);
        }
        for (std::size_t s = 0; s < unit->services.size(); ++s) {
            const ServiceSpec &service = unit->services[s];
            for (const auto &[name, kind] : journal) {
                if (name == service.name)
                    require(plan.actions, s, {kind, "left pending by an interrupted run"});
            }
            if (!state.running.contains(service.name)) {
                require(plan.actions, s, {ServiceAction::Kind::Start, "not running"});
                continue;
            }
            for (const std::string &path : changed) {
                const bool unitFile = isUnitFile(path) && path.find(service.name) != std::string::npos;
                if (unitFile || contains(service.restartOn, path))
                    require(plan.actions, s, {ServiceAction::Kind::Restart, path + " changed"});
                else if (contains(service.reloadOn, path))
                    require(plan.actions, s, {ServiceAction::Kind::Reload, path + " changed"});
            }
            // A one-time task before the services (a new cluster, a fresh clone) means the
            // running service is not the one the model wants.
            for (std::size_t t : plan.pendingTasks) {
                if (unit->tasks[t].when != HostTask::When::AfterServices)
                    require(plan.actions, s,
                            {ServiceAction::Kind::Restart, "after: " + unit->tasks[t].name});
            }
        }
        plans.push_back(std::move(plan));
    }
    return plans;
}

} // namespace topolab::core
