#include "hostapply.h"

#include "hoststate.h"
#include "servicecontrol.h"
#include "shellquote.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace topolab::core {

namespace {

constexpr const char *stagedSuffix = ".topolab-new";
constexpr const char *previousSuffix = ".topolab-prev";

std::string parentOf(const std::string &path)
{
    return std::filesystem::path(path).parent_path().string();
}

// The check's argv with "{}" standing for the staged copy, also inside a word
// ("config_file={}").
std::string checkCommand(const std::vector<std::string> &check, const std::string &staged)
{
    std::string command;
    for (std::string word : check) {
        if (const std::size_t at = word.find("{}"); at != std::string::npos)
            word.replace(at, 2, staged);
        if (!command.empty())
            command += ' ';
        command += shellQuote(word);
    }
    return command;
}

} // namespace

HostApply::HostApply(RemoteHost &remote, const HostConnection &host, const SecretStore &secrets,
                     HostLog &log, Step step)
    : mRemote(remote)
    , mHost(host)
    , mSecrets(secrets)
    , mLog(log)
    , mStep(std::move(step))
{
}

CommandResult HostApply::run(const std::string &what, const std::string &command,
                             const std::string &stdinData, int timeoutS)
{
    CommandResult result = mRemote.run(command, stdinData, timeoutS);
    mLog.command(what, command, result.exitStatus, result.out, result.err);
    return result;
}

void HostApply::require(const std::string &what, const CommandResult &result)
{
    if (result.ok())
        return;
    std::string detail = result.err.empty() ? result.out : result.err;
    if (detail.size() > 600)
        detail = detail.substr(0, 600) + " ...";
    while (!detail.empty() && detail.back() == '\n')
        detail.pop_back();
    throw DeployError(mHost.id,
                      what + (result.timedOut ? " timed out" : " failed (exit "
                                                                   + std::to_string(result.exitStatus)
                                                                   + ")")
                          + (detail.empty() ? "" : ": " + detail),
                      "see the host's log for the full output");
}

void HostApply::runTasks(const std::vector<UnitPlan> &plans, HostTask::When when)
{
    for (const UnitPlan &plan : plans) {
        for (std::size_t index : plan.pendingTasks) {
            const HostTask &task = plan.unit.tasks[index];
            if (task.when != when)
                continue;
            if (mStep)
                mStep(task.name, 0, 0);
            // A subshell of its own, not a `{ ...; } && check` list: inside an AND-OR list the
            // shell ignores the script's `set -e`, and a failed step would go unnoticed.
            std::string command = "(\n" + task.script + "\n)\nstatus=$?\n"
                                  "if [ \"$status\" -ne 0 ]; then exit \"$status\"; fi\n";
            if (!task.creates.empty()) {
                const std::string marker = shellQuote(mHost.onHost(task.creates));
                command += "[ -e " + marker + " ] || { echo 'the task did not create '" + marker
                           + " >&2; exit 1; }\n";
            }
            std::string input;
            if (!task.stdinSecret.empty()) {
                const std::string *secret = mSecrets.find(task.stdinSecret);
                if (!secret)
                    throw DeployError(mHost.id, "the secret '" + task.stdinSecret
                                                    + "' that task '" + task.name + "' needs is missing",
                                      "add it to the secrets file beside the topology");
                input = *secret;
            }
            require(task.name, run(task.name, command, input, task.timeoutS));
        }
    }
}

void HostApply::stage(const std::vector<UnitPlan> &plans)
{
    std::set<std::string> directories;
    std::string clean;
    for (const UnitPlan &plan : plans) {
        for (const FileChange &change : plan.changes) {
            if (change.kind == FileChange::Kind::Mode)
                continue;
            const std::string target = mHost.onHost(change.file.path);
            directories.insert(parentOf(target));
            clean += " " + shellQuote(target + stagedSuffix);
        }
    }
    if (directories.empty())
        return;
    std::string prepare = "mkdir -p --";
    for (const std::string &d : directories)
        prepare += " " + shellQuote(d);
    // A staged copy left by an interrupted run is stale: start from nothing.
    prepare += " && rm -f --" + clean;
    require("prepare directories", run("prepare directories", prepare));

    int done = 0;
    int total = 0;
    for (const UnitPlan &plan : plans)
        total += static_cast<int>(plan.changes.size());
    std::string finish;
    for (const UnitPlan &plan : plans) {
        for (const FileChange &change : plan.changes) {
            if (change.kind == FileChange::Kind::Mode)
                continue;
            if (mStep)
                mStep("upload " + change.file.path, done, total);
            const std::string staged = mHost.onHost(change.file.path) + stagedSuffix;
            mRemote.upload(staged, change.file.content, change.file.mode & 07777);
            mLog.line("uploaded " + change.file.path + " (" + std::to_string(change.file.content.size())
                      + " bytes, mode " + modeText(change.file.mode) + ")");
            if (!change.file.owner.empty())
                finish += "chown -- " + shellQuote(change.file.owner) + " " + shellQuote(staged)
                          + " || exit 1\n";
            if (!change.file.check.empty())
                finish += "if ! out=$(" + checkCommand(change.file.check, staged)
                          + " 2>&1); then printf '%s\\n' "
                          + shellQuote(change.file.path + " was refused by its check:")
                          + " \"$out\" >&2; exit 1; fi\n";
            ++done;
        }
    }
    if (!finish.empty()) {
        if (mStep)
            mStep("check the new files", done, total);
        const CommandResult checked = run("check the new files", finish, {}, 120);
        if (!checked.ok()) {
            run("remove the staged files", "rm -f --" + clean);
            require("checking the new files", checked);
        }
    }
}

std::string HostApply::journalWrite() const
{
    const std::string path = mHost.onHost(journalPath);
    if (mJournal.empty())
        return "rm -f -- " + shellQuote(path);
    return "mkdir -p -- " + shellQuote(parentOf(path)) + " && printf '%s' "
           + shellQuote(journalText(mJournal)) + " > " + shellQuote(path + stagedSuffix)
           + " && mv -f -- " + shellQuote(path + stagedSuffix) + " " + shellQuote(path);
}

void HostApply::swap(const std::vector<UnitPlan> &plans)
{
    for (const UnitPlan &plan : plans) {
        for (const auto &[index, action] : plan.actions) {
            const std::string &name = plan.unit.services[index].name;
            std::erase_if(mJournal, [&](const auto &entry) { return entry.first == name; });
            mJournal.emplace_back(name, action.kind);
        }
    }
    std::string command = journalWrite() + " || exit 1\n";
    bool any = false;
    for (const UnitPlan &plan : plans) {
        for (const FileChange &change : plan.changes) {
            const std::string target = shellQuote(mHost.onHost(change.file.path));
            if (change.kind == FileChange::Kind::Mode) {
                command += "chmod " + modeText(change.file.mode) + " -- " + target + " || exit 1\n";
            } else {
                const std::string staged = shellQuote(mHost.onHost(change.file.path) + stagedSuffix);
                const std::string previous = shellQuote(mHost.onHost(change.file.path) + previousSuffix);
                command += "if [ -f " + target + " ]; then cp -p -- " + target + " " + previous
                           + " || exit 1; fi; mv -f -- " + staged + " " + target + " || exit 1\n";
            }
            any = true;
        }
    }
    if (!any && mJournal.empty())
        return;
    if (mStep)
        mStep("swap the new files in", 0, 0);
    require("swap the new files in", run("swap the new files in", command));
}

void HostApply::actOnServices(const std::vector<UnitPlan> &plans)
{
    bool daemonReload = false;
    for (const UnitPlan &plan : plans)
        daemonReload = daemonReload || plan.serviceManagerReload;
    if (daemonReload)
        require("reload the service manager",
                run("reload the service manager", reloadServiceManager(mHost)));
    for (const UnitPlan &plan : plans) {
        for (const auto &[index, action] : plan.actions) {
            const ServiceSpec &service = plan.unit.services[index];
            const ServiceControl control(mHost, service);
            const std::string what = std::string(actionName(action.kind)) + " " + service.name;
            if (mStep)
                mStep(what, 0, 0);
            std::string command;
            switch (action.kind) {
            case ServiceAction::Kind::Start:
                command = control.start();
                break;
            case ServiceAction::Kind::Reload:
                command = control.reload();
                break;
            case ServiceAction::Kind::Restart:
                command = control.restart();
                break;
            }
            require(what, run(what + " (" + action.reason + ")", command, {}, 60));
        }
    }
}

void HostApply::checkHealth(const std::vector<UnitPlan> &plans)
{
    for (const UnitPlan &plan : plans) {
        for (const ServiceSpec &service : plan.unit.services) {
            const std::string command = ServiceControl(mHost, service).healthCheck();
            if (command.empty())
                continue;
            const std::string what = "health check of " + service.name;
            if (mStep)
                mStep(what, 0, 0);
            const CommandResult result = run(what, command, {}, service.health.waitS + 15);
            if (!result.ok()) {
                std::string tail = result.err;
                if (tail.size() > 1500)
                    tail = "..." + tail.substr(tail.size() - 1500);
                throw DeployError(mHost.id,
                                  "the health check of " + service.name + " did not pass within "
                                      + std::to_string(service.health.waitS) + " s"
                                      + (tail.empty() ? "" : "\n" + tail),
                                  "the service's log on the host: "
                                      + ServiceControl(mHost, service).logFile());
            }
        }
    }
}

void HostApply::rollback(const std::vector<UnitPlan> &plans)
{
    std::string command;
    for (const UnitPlan &plan : plans) {
        for (const FileChange &change : plan.changes) {
            const std::string target = shellQuote(mHost.onHost(change.file.path));
            if (change.kind == FileChange::Kind::Add) {
                command += "rm -f -- " + target + "\n";
            } else if (change.kind == FileChange::Kind::Mode) {
                command += "chmod " + modeText(change.oldMode) + " -- " + target + "\n";
            } else {
                command += "mv -f -- " + shellQuote(mHost.onHost(change.file.path) + previousSuffix)
                           + " " + target + "\n";
            }
        }
    }
    if (!command.empty())
        run("put the previous files back", command);
    bool daemonReload = false;
    for (const UnitPlan &plan : plans)
        daemonReload = daemonReload || plan.serviceManagerReload;
    if (daemonReload)
        run("reload the service manager", reloadServiceManager(mHost));
    for (const UnitPlan &plan : plans) {
        for (const auto &[index, action] : plan.actions) {
            const ServiceSpec &service = plan.unit.services[index];
            const ServiceControl control(mHost, service);
            // A service this run started has no previous version to return to.
            if (action.kind == ServiceAction::Kind::Start)
                run("stop " + service.name, control.stop());
            else
                run("restart " + service.name + " on the previous files", control.restart());
            std::erase_if(mJournal, [&](const auto &entry) { return entry.first == service.name; });
        }
    }
    run("update the journal", journalWrite());
    mRolledBack = true;
    mLog.line("rolled back");
}

void HostApply::apply(const std::vector<UnitPlan> &plans)
{
    stage(plans); // nothing is swapped yet: a failure here needs no rollback
    try {
        swap(plans);
        // What the swap left on the host: the journal as it stands now (removed when empty).
        const auto swappedJournal = mJournal;
        runTasks(plans, HostTask::When::BeforeServices);
        actOnServices(plans);
        checkHealth(plans);
        // After the health checks: such a task talks to the service (creates a database role),
        // which a service that has just started may not yet accept.
        runTasks(plans, HostTask::When::AfterServices);
        bool anyAction = false;
        for (const UnitPlan &plan : plans) {
            anyAction = anyAction || !plan.actions.empty() || !plan.changes.empty();
            for (const auto &[index, action] : plan.actions) {
                const std::string &name = plan.unit.services[index].name;
                std::erase_if(mJournal, [&](const auto &entry) { return entry.first == name; });
            }
        }
        // A tier without service actions leaves the journal as the swap wrote it: no second
        // round trip to write the same thing again.
        if (anyAction && mJournal != swappedJournal)
            require("clear the journal", run("update the journal", journalWrite()));
    } catch (const DeployError &failure) {
        mLog.line(std::string("failed: ") + failure.what());
        try {
            rollback(plans);
        } catch (const DeployError &second) {
            mLog.line(std::string("rollback failed: ") + second.what());
        }
        throw;
    }
}

} // namespace topolab::core
