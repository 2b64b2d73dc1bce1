#include "deploycontrol.h"

#include "deployactions.h"
#include "deploydock.h"
#include "deployhostmodel.h"
#include "deployplanview.h"
#include "deploytrustdialog.h"

#include "canvas/designscene.h"
#include "document/topologydocument.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QUndoStack>

#include <algorithm>

namespace topolab::app {

using State = core::HostProgress::State;

namespace {

QString hostCount(int n)
{
    return n == 1 ? DeployControl::tr("1 host") : DeployControl::tr("%1 hosts").arg(n);
}

} // namespace

DeployControl::DeployControl(TopologyDocument *document, DesignScene *scene, DeployDock *dock,
                             QWidget *window)
    : QObject(window)
    , mDocument(document)
    , mScene(scene)
    , mDock(dock)
    , mWindow(window)
    , mActions(new DeployActions(this))
    , mController(new DeployController(this))
{
    mActions->applyIcons(window->palette());
    mDock->setActions(mActions);
    connect(mActions->plan, &QAction::triggered, this, &DeployControl::plan);
    connect(mActions->deploy, &QAction::triggered, this, &DeployControl::deploy);
    connect(mActions->cancel, &QAction::triggered, this, &DeployControl::cancel);
    connect(mActions->clearMarks, &QAction::triggered, this, &DeployControl::clearMarks);

    connect(mController, &DeployController::started, this, &DeployControl::started);
    connect(mController, &DeployController::progressed, this, &DeployControl::progressed);
    connect(mController, &DeployController::logged, mDock->hosts(), &DeployHostModel::appendLog);
    connect(mController, &DeployController::planned, this, &DeployControl::planned);
    connect(mController, &DeployController::applied, this, &DeployControl::applied);
    connect(mController, &DeployController::refused, this, &DeployControl::refused);
    connect(mController, &DeployController::message, this, &DeployControl::message);
    connect(mController, &DeployController::phaseChanged, this, &DeployControl::phaseChanged);

    // A plan is of the drawing as it was: any edit makes Deploy plan again first.
    connect(mDocument->undoStack(), &QUndoStack::indexChanged, this, [this] { mStale = true; });
    connect(mDocument, &TopologyDocument::topologyReset, this, [this] {
        mStale = true;
        clearMarks();
    });
    updateActions();
}

// A run still going stops first: it reports to the panel and the canvas.
DeployControl::~DeployControl()
{
    mController->disconnect(this);
    delete mController;
}

void DeployControl::plan()
{
    mDeployAfterPlan = false;
    mRefusalsShown.clear();
    startPlan();
}

void DeployControl::deploy()
{
    if (mController->isBusy())
        return;
    if (!mStale && mController->canApply()) {
        confirmAndApply();
        return;
    }
    mDeployAfterPlan = true;
    mRefusalsShown.clear();
    startPlan();
}

void DeployControl::cancel()
{
    if (!mController->isBusy())
        return;
    mController->cancel();
    mDock->setSummary(tr("Cancelling: stopping every host's current step…"));
    updateActions();
}

void DeployControl::clearMarks()
{
    mMarks.clear();
    mScene->showDeployMarks({});
    updateActions();
}

bool DeployControl::startPlan()
{
    if (mController->isBusy())
        return false;
    if (mDocument->filePath().isEmpty()) {
        mDeployAfterPlan = false;
        askToSave();
        return false;
    }
    clearMarks();
    mDock->show();
    mDock->raise();
    if (!mController->plan(mDocument->topology(), mDocument->filePath())) {
        mDeployAfterPlan = false;
        return false;
    }
    mStale = false;
    return true;
}

void DeployControl::askToSave()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("Save Before Deploying"),
                                tr("Save the topology first."), QMessageBox::Cancel, mWindow);
    box->setObjectName(QStringLiteral("deploySaveFirst"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("A deploy keeps the passwords it generates in a secrets file beside the topology's "
           "file (NAME.topolab.secrets.yaml, readable only by you), so an unsaved topology "
           "cannot be planned or deployed."));
    if (mSaveAs) {
        QPushButton *save = box->addButton(tr("Save As…"), QMessageBox::AcceptRole);
        save->setObjectName(QStringLiteral("saveAs"));
        box->setDefaultButton(save);
        connect(save, &QPushButton::clicked, this, [this] {
            // Once the box is gone: the file dialog is a modal of its own.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (mSaveAs && mSaveAs())
                        plan();
                },
                Qt::QueuedConnection);
        });
    }
    box->open();
}

void DeployControl::started(DeployController::Phase phase, const QStringList &hosts)
{
    const bool applying = phase == DeployController::Phase::Applying;
    mDock->hosts()->start(hosts, applying);
    // Room for the plan and the hosts under the canvas when the panel comes up low.
    auto *window = qobject_cast<QMainWindow *>(mWindow);
    if (window && !mDock->isFloating() && mDock->height() < window->height() * 0.35)
        window->resizeDocks({mDock}, {int(window->height() * 0.42)}, Qt::Vertical);
    if (applying) {
        // Hosts the plan found nothing to do on, or could not read, stay as they are: said
        // now, not at the end.
        if (const auto plan = mController->lastPlan()) {
            for (const HostPlanView &host : plan->hosts) {
                if (!host.error.isEmpty())
                    mDock->hosts()->update({host.host, State::Failed, {}, 0, 0, host.error});
                else if (!host.changes)
                    mDock->hosts()->update({host.host, State::Unchanged, {}, 0, 0, {}});
            }
        }
        mDock->showHostsTab();
        mDock->setSummary(tr("Deploying to %1…").arg(hostCount(int(hosts.size()))));
    } else {
        mDock->planView()->clear();
        mDock->setSummary(tr("Planning: reading %1…").arg(hostCount(int(hosts.size()))));
    }
}

void DeployControl::progressed(const DeployHostStatus &status)
{
    mDock->hosts()->update(status);
    if (mController->phase() == DeployController::Phase::Applying
        && !mController->cancelRequested()) {
        int done = 0;
        int working = 0;
        const int total = mDock->hosts()->rowCount();
        for (int row = 0; row < total; ++row) {
            const State state = mDock->hosts()->state(mDock->hosts()->hostAt(row));
            done += state == State::Done ? 1 : 0;
            working += state == State::Working ? 1 : 0;
        }
        mDock->setSummary(tr("Deploying: %1 of %2 done, %3 working…")
                              .arg(done)
                              .arg(hostCount(total))
                              .arg(working));
    }
    if (mController->phase() == DeployController::Phase::Applying) {
        // The first host at work shows its log, live, unless the user chose one.
        if (mDock->logHost().isEmpty() && status.state == State::Working)
            mDock->selectHost(status.host);
        std::optional<DeployMark> mark = deployMark(status.state);
        if (mark == DeployMark::Pending)
            mark.reset();
        markHost(status.host, mark);
    } else if (status.state == State::Failed) {
        // A host a plan cannot read is worth seeing on the drawing too.
        markHost(status.host, DeployMark::Failed);
    }
}

void DeployControl::markHost(const QString &host, std::optional<DeployMark> mark)
{
    const QStringList components = mDock->hosts()->components().value(host, QStringList{host});
    for (const QString &component : components) {
        if (mark)
            mMarks.insert(component, *mark);
        else
            mMarks.remove(component);
    }
    mScene->showDeployMarks(mMarks);
    updateActions();
}

void DeployControl::planned(std::shared_ptr<const PlanSnapshot> plan)
{
    mDock->hosts()->setPlan(*plan);
    mDock->planView()->showPlan(plan);
    if (!plan->failure.isEmpty()) {
        mDeployAfterPlan = false;
        mDock->setSummary(tr("The plan failed: %1").arg(plan->failure));
        return;
    }
    QString summary = plan->summary;
    if (!plan->renderProblems.isEmpty())
        summary = (plan->renderProblems.size() == 1
                       ? tr("1 render problem to fix; ")
                       : tr("%1 render problems to fix; ").arg(plan->renderProblems.size()))
                  + summary;
    mDock->setSummary(summary);
    if (mDock->tabs()->currentIndex() != 0 && !mDeployAfterPlan)
        mDock->showPlanTab();
    // Hosts a plan could not read show why in the table too.
    for (const HostPlanView &host : plan->hosts) {
        if (!host.error.isEmpty())
            mDock->hosts()->update({host.host, State::Failed, {}, 0, 0, host.error});
    }
    if (askAboutKeys(*plan))
        return;
    if (!mDeployAfterPlan)
        return;
    mDeployAfterPlan = false;
    confirmAndApply();
}

bool DeployControl::askAboutKeys(const PlanSnapshot &plan)
{
    const QString knownHosts = mController->knownHostsPath();
    for (const HostPlanView &host : plan.hosts) {
        if (!host.hostKeyChanged || mRefusalsShown.contains(host.host))
            continue;
        mRefusalsShown.insert(host.host);
        QMessageBox *box = changedKeyRefusal(host, knownHosts, mWindow);
        box->exec();
    }
    bool trusted = false;
    const auto unknown = std::count_if(plan.hosts.cbegin(), plan.hosts.cend(), [](const auto &h) {
        return !h.unknownKeyFingerprint.isEmpty();
    });
    int position = 0;
    for (const HostPlanView &host : plan.hosts) {
        if (host.unknownKeyFingerprint.isEmpty())
            continue;
        const std::string *before
            = mController->trust().find(host.address.toStdString(), host.port);
        DeployTrustDialog dialog(host, before ? QString::fromStdString(*before) : QString(),
                                 knownHosts, ++position, int(unknown), mWindow);
        if (dialog.exec() != QDialog::Accepted)
            continue;
        const QString problem
            = mController->trustKey(host.address, host.port, host.unknownKeyFingerprint);
        if (!problem.isEmpty()) {
            Q_EMIT message(problem);
            continue;
        }
        trusted = true;
        Q_EMIT message(
            tr("Trusted %1 for %2; planning again").arg(host.unknownKeyFingerprint, host.host));
    }
    // The trusted hosts are read now; the engine stores their keys.
    return trusted && startPlan();
}

void DeployControl::confirmAndApply()
{
    const std::shared_ptr<const PlanSnapshot> plan = mController->lastPlan();
    if (!plan)
        return;
    if (!plan->renderProblems.isEmpty()) {
        refused(tr("Cannot Deploy"),
                tr("Nothing was changed. Fix what could not be rendered first:\n• %1")
                    .arg(plan->renderProblems.join(QStringLiteral("\n• "))));
        return;
    }
    if (!plan->hasChanges) {
        Q_EMIT message(tr("Nothing to deploy: %1").arg(plan->summary));
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Deploy"),
                    tr("Apply these changes to the hosts of %1?").arg(mDocument->displayName()),
                    QMessageBox::Cancel, mWindow);
    box.setObjectName(QStringLiteral("deployConfirm"));
    QStringList changing;
    QStringList unread;
    for (const HostPlanView &host : plan->hosts) {
        if (!host.error.isEmpty())
            unread.append(host.host);
        else if (host.changes)
            changing.append(host.host);
    }
    QString details = plan->summary + QStringLiteral(".\n\n")
                      + tr("Hosts that change: %1.").arg(changing.join(QStringLiteral(", ")));
    if (!unread.isEmpty())
        details += QLatin1Char(' ')
                   + tr("Not read, so left alone (and what depends on them skipped): %1.")
                         .arg(unread.join(QStringLiteral(", ")));
    details += QStringLiteral("\n\n")
               + tr("Each host is health checked; one that fails is rolled back to its "
                    "previous files.");
    box.setInformativeText(details);
    QPushButton *go = box.addButton(tr("Deploy"), QMessageBox::AcceptRole);
    go->setObjectName(QStringLiteral("confirmDeploy"));
    box.setDefaultButton(qobject_cast<QPushButton *>(box.button(QMessageBox::Cancel)));
    box.exec();
    if (box.clickedButton() != go) {
        Q_EMIT message(tr("Not deployed"));
        return;
    }
    if (!mController->apply())
        Q_EMIT message(tr("Not deployed: plan again first"));
}

void DeployControl::applied(const QList<DeployHostResult> &results, bool cancelled)
{
    mDock->hosts()->finish(results);
    QHash<State, int> count;
    for (const DeployHostResult &result : results) {
        ++count[result.state];
        std::optional<DeployMark> mark = deployMark(result.state);
        markHost(result.host, mark == DeployMark::Pending ? std::nullopt : mark);
    }
    QStringList parts;
    const std::pair<State, QString> order[] = {
        {State::Done, tr("%n done", nullptr, count.value(State::Done))},
        {State::Unchanged, tr("%n unchanged", nullptr, count.value(State::Unchanged))},
        {State::Failed, tr("%n failed", nullptr, count.value(State::Failed))},
        {State::RolledBack, tr("%n rolled back", nullptr, count.value(State::RolledBack))},
        {State::Skipped, tr("%n skipped", nullptr, count.value(State::Skipped))},
    };
    for (const auto &[state, text] : order) {
        if (count.value(state) > 0)
            parts.append(text);
    }
    const bool failed
        = count.value(State::Failed) + count.value(State::RolledBack) + count.value(State::Skipped)
          > 0;
    QString summary = cancelled ? tr("Cancelled: %1. Deploy again to finish what was started.")
                      : failed  ? tr("Deployed with failures: %1.")
                                : tr("Deployed: %1.");
    summary = summary.arg(parts.join(QStringLiteral(", ")));
    const QString logs = mController->lastLogDirectory();
    if (!logs.isEmpty())
        summary += QLatin1Char(' ') + tr("Host logs: %1").arg(QDir::toNativeSeparators(logs));
    mDock->setSummary(summary);
    Q_EMIT message(cancelled ? tr("Deploy cancelled")
                   : failed  ? tr("Deploy failed on some hosts")
                             : tr("Deploy done"));
    // A deploy changed the hosts: the plan shown is history now.
    mStale = true;
}

void DeployControl::refused(const QString &title, const QString &text)
{
    mDeployAfterPlan = false;
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, mWindow);
    box->setObjectName(QStringLiteral("deployRefused"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void DeployControl::phaseChanged(DeployController::Phase phase)
{
    const bool busy = phase != DeployController::Phase::Idle;
    // What runs is the drawing as it was: no edits meanwhile.
    if (busy && !mScene->isReadOnly()) {
        mCanvasWasReadOnly = false;
        mScene->setReadOnly(true);
    } else if (busy) {
        mCanvasWasReadOnly = true;
    } else {
        mScene->setReadOnly(mCanvasWasReadOnly);
    }
    updateActions();
}

void DeployControl::updateActions()
{
    const bool busy = mController->isBusy();
    mActions->plan->setEnabled(!busy);
    mActions->deploy->setEnabled(!busy);
    mActions->cancel->setEnabled(busy && !mController->cancelRequested());
    mActions->clearMarks->setEnabled(!mMarks.isEmpty());
}

} // namespace topolab::app
