#include "deploysnapshot.h"

#include "core/deploy/planreport.h"

#include <QCoreApplication>

#include <cstdio>

namespace topolab::app {

namespace {

QString text(const core::LogRedactor &redactor, const std::string &raw)
{
    return QString::fromStdString(redactor.redact(raw));
}

QString modeLabel(unsigned mode)
{
    return QString::fromStdString(core::modeText(mode));
}

QString tr(const char *source)
{
    return QCoreApplication::translate("topolab::app::PlanSnapshot", source);
}

} // namespace

const HostPlanView *PlanSnapshot::host(const QString &id) const
{
    for (const HostPlanView &view : hosts) {
        if (view.host == id)
            return &view;
    }
    return nullptr;
}

PlanSnapshot PlanSnapshot::of(const std::vector<core::HostPlan> &plans,
                              const std::vector<core::RenderProblem> &problems,
                              const core::LogRedactor &redactor)
{
    PlanSnapshot snapshot;
    for (const core::RenderProblem &problem : problems)
        snapshot.renderProblems.append(text(redactor, problem.message));
    for (const core::HostPlan &plan : plans) {
        HostPlanView view;
        view.host = QString::fromStdString(plan.host.id);
        view.endpoint = QString::fromStdString(plan.host.endpoint());
        view.address = QString::fromStdString(plan.host.address);
        view.port = plan.host.port;
        view.components.append(view.host);
        view.error = text(redactor, plan.error);
        view.hint = text(redactor, plan.hint);
        view.unknownKeyFingerprint = QString::fromStdString(plan.unknownKeyFingerprint);
        view.unknownKeyType = QString::fromStdString(plan.unknownKeyType);
        view.hostKeyChanged = plan.hostKeyChanged;
        view.changes = plan.hasChanges();
        for (const core::UnitPlan &unit : plan.units) {
            const QString component = QString::fromStdString(unit.unit.component);
            if (!view.components.contains(component))
                view.components.append(component);
            for (const core::FileChange &change : unit.changes) {
                PlanEntry entry;
                entry.component = component;
                entry.text = QString::fromStdString(change.file.path);
                entry.secret = change.file.secret;
                switch (change.kind) {
                case core::FileChange::Kind::Add:
                    entry.kind = PlanEntry::Kind::Add;
                    entry.detail = change.file.secret
                                       ? tr("new, %1, secret").arg(modeLabel(change.file.mode))
                                       : tr("new, %1").arg(modeLabel(change.file.mode));
                    break;
                case core::FileChange::Kind::Change:
                    entry.kind = PlanEntry::Kind::Change;
                    entry.detail = change.file.secret ? tr("changed, secret") : tr("changed");
                    break;
                case core::FileChange::Kind::Mode:
                    entry.kind = PlanEntry::Kind::Mode;
                    entry.detail
                        = tr("mode %1 → %2").arg(modeLabel(change.oldMode), modeLabel(change.file.mode));
                    break;
                }
                if (!change.file.secret)
                    entry.diff = text(redactor, change.diff);
                view.entries.append(entry);
            }
            for (std::size_t t : unit.pendingTasks) {
                PlanEntry entry;
                entry.kind = PlanEntry::Kind::Task;
                entry.component = component;
                entry.text = text(redactor, unit.unit.tasks[t].name);
                entry.detail = tr("one-time task");
                view.entries.append(entry);
            }
            for (const auto &[index, action] : unit.actions) {
                PlanEntry entry;
                entry.kind = PlanEntry::Kind::Service;
                entry.component = component;
                entry.text = QString::fromStdString(unit.unit.services[index].name);
                entry.detail = QStringLiteral("%1 (%2)").arg(
                    QString::fromLatin1(core::actionName(action.kind)),
                    text(redactor, action.reason));
                view.entries.append(entry);
            }
        }
        if (!plan.missingPrograms.empty()) {
            PlanEntry entry;
            entry.kind = PlanEntry::Kind::Missing;
            QStringList programs;
            for (const std::string &program : plan.missingPrograms)
                programs.append(QString::fromStdString(program));
            entry.text = programs.join(QStringLiteral(", "));
            entry.detail = tr("missing: install on the host first");
            view.entries.append(entry);
        }
        snapshot.hasChanges = snapshot.hasChanges || view.changes;
        snapshot.hosts.append(view);
    }
    snapshot.summary = text(redactor, core::planSummary(plans));
    return snapshot;
}

std::optional<DeployMark> deployMark(core::HostProgress::State state)
{
    using State = core::HostProgress::State;
    switch (state) {
    case State::Waiting:
        return std::nullopt;
    case State::Reading:
    case State::Working:
        return DeployMark::Working;
    case State::Planned:
        return DeployMark::Pending;
    case State::Unchanged:
        return DeployMark::Unchanged;
    case State::Done:
        return DeployMark::Done;
    case State::Failed:
        return DeployMark::Failed;
    case State::RolledBack:
        return DeployMark::RolledBack;
    case State::Skipped:
        return DeployMark::Skipped;
    }
    return std::nullopt;
}

QString deployStateName(core::HostProgress::State state)
{
    using State = core::HostProgress::State;
    switch (state) {
    case State::Waiting:
        return tr("waiting");
    case State::Reading:
        return tr("reading");
    case State::Planned:
        return tr("changes pending");
    default:
        break;
    }
    return DeployBadge::name(*deployMark(state));
}

} // namespace topolab::app
