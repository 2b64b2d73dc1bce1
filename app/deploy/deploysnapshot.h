#pragma once

#include "canvas/deploybadge.h"

#include "core/deploy/deployrun.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace topolab::app {

// One line of a host's plan as the Plan view lists it.
struct PlanEntry
{
    enum class Kind { Add, Change, Mode, Task, Service, Missing };
    Kind kind = Kind::Add;
    QString component;
    QString text;        // the file's path, the task's name, "topolab-lb-1", the missing programs
    QString detail;      // "new, 0644", "changed", "mode 0644 → 0640", "start (not running)"
    QString diff;        // files: the unified diff (of an added file, all of it), redacted
    bool secret = false; // a secret file: no contents, ever
};

// What the plan found for one host, every text through the run's redactor.
struct HostPlanView
{
    QString host;
    QString endpoint; // "root@10.0.0.5:22"
    QString address;
    int port = 22;
    QStringList components; // whose units the host carries, the host's own first
    QString error;          // could not connect or read
    QString hint;
    QString unknownKeyFingerprint; // set: an unknown key the user may check and trust
    QString unknownKeyType;
    bool hostKeyChanged = false; // refused for good
    bool changes = false;
    QList<PlanEntry> entries;
};

// A plan as the window shows it: a copy made on the run's thread once planning ended, so that
// nothing shown touches the run again.
struct PlanSnapshot
{
    QList<HostPlanView> hosts;
    QStringList renderProblems; // "component: message"
    QString failure;            // the plan itself broke off (nothing else is set then)
    QString summary;            // planSummary(): "3 files to add, … on 2 hosts; 1 unchanged"
    bool hasChanges = false;

    const HostPlanView *host(const QString &id) const;
    static PlanSnapshot of(const std::vector<core::HostPlan> &plans,
                           const std::vector<core::RenderProblem> &problems,
                           const core::LogRedactor &redactor);
};

// Where one host stands during a plan or a deploy (core::HostProgress, for the window).
struct DeployHostStatus
{
    QString host;
    core::HostProgress::State state = core::HostProgress::State::Waiting;
    QString step;
    int done = 0;
    int total = 0;
    QString message;
};

// How a deploy ended for one host.
struct DeployHostResult
{
    QString host;
    core::HostProgress::State state = core::HostProgress::State::Unchanged;
    QString message;
    QString hint;
};

// The badge of a host state; none for a host waiting or still to be read.
std::optional<DeployMark> deployMark(core::HostProgress::State state);
QString deployStateName(core::HostProgress::State state);

} // namespace topolab::app

Q_DECLARE_METATYPE(topolab::app::DeployHostStatus)
Q_DECLARE_METATYPE(std::shared_ptr<const topolab::app::PlanSnapshot>)
Q_DECLARE_METATYPE(QList<topolab::app::DeployHostResult>)
