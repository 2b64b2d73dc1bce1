#include "planreport.h"

#include <cstdio>

namespace topolab::core {

namespace {

std::string indent(const std::string &text, const std::string &prefix)
{
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        out += prefix + text.substr(start, end - start) + "\n";
        start = end + 1;
    }
    return out;
}

std::string plural(std::size_t n, const std::string &one, const std::string &many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

std::string planSummary(const std::vector<HostPlan> &plans)
{
    std::size_t added = 0;
    std::size_t changed = 0;
    std::size_t tasks = 0;
    std::size_t actions = 0;
    std::size_t hostsChanging = 0;
    std::size_t unchanged = 0;
    std::size_t unreachable = 0;
    for (const HostPlan &plan : plans) {
        if (!plan.error.empty()) {
            ++unreachable;
            continue;
        }
        if (!plan.hasChanges()) {
            ++unchanged;
            continue;
        }
        ++hostsChanging;
        for (const UnitPlan &unit : plan.units) {
            for (const FileChange &change : unit.changes)
                (change.kind == FileChange::Kind::Add ? added : changed) += 1;
            tasks += unit.pendingTasks.size();
            actions += unit.actions.size();
        }
    }
    std::string text;
    if (hostsChanging == 0) {
        text = "no changes";
    } else {
        text = plural(added, "file", "files") + " to add, " + std::to_string(changed)
               + " to change, " + plural(tasks, "one-time task", "one-time tasks") + ", "
               + plural(actions, "service action", "service actions") + " on "
               + plural(hostsChanging, "host", "hosts");
    }
    text += "; " + std::to_string(unchanged) + " unchanged";
    if (unreachable > 0)
        text += "; " + plural(unreachable, "host", "hosts") + " not read";
    return text;
}

std::string formatPlan(const std::vector<HostPlan> &plans, const LogRedactor &redactor,
                       bool withDiffs)
{
    std::string out;
    for (const HostPlan &plan : plans) {
        if (plan.error.empty() && !plan.hasChanges() && plan.missingPrograms.empty())
            continue;
        out += plan.host.id + "  " + plan.host.endpoint() + "\n";
        if (!plan.error.empty()) {
            out += "  ! " + plan.error + "\n";
            if (!plan.hint.empty())
                out += indent(plan.hint, "    ");
            out += "\n";
            continue;
        }
        for (const UnitPlan &unit : plan.units) {
            for (const FileChange &change : unit.changes) {
                const RenderedFile &file = change.file;
                switch (change.kind) {
                case FileChange::Kind::Add:
                    out += "  + " + file.path + "  (new, " + modeText(file.mode)
                           + (file.secret ? ", secret" : "") + ")\n";
                    break;
                case FileChange::Kind::Change:
                    out += "  ~ " + file.path + "  (changed"
                           + (file.secret ? "; secret, contents not shown" : "") + ")\n";
                    break;
                case FileChange::Kind::Mode:
                    out += "  m " + file.path + "  (mode " + modeText(change.oldMode) + " -> "
                           + modeText(file.mode) + ")\n";
                    break;
                }
                if (withDiffs && !change.diff.empty() && change.kind == FileChange::Kind::Change)
                    out += indent(change.diff, "      ");
            }
            for (std::size_t t : unit.pendingTasks)
                out += "  task: " + unit.unit.tasks[t].name + "\n";
            for (const auto &[index, action] : unit.actions) {
                out += "  service " + unit.unit.services[index].name + ": "
                       + actionName(action.kind) + " (" + action.reason + ")\n";
            }
        }
        if (!plan.missingPrograms.empty()) {
            out += "  ! missing programs:";
            for (const std::string &program : plan.missingPrograms)
                out += " " + program;
            out += " (install them on the host first)\n";
        }
        out += "\n";
    }
    out += planSummary(plans) + "\n";
    return redactor.redact(out);
}

} // namespace topolab::core
