#include "deploycontroller.h"

#include "core/deploy/hostlog.h"
#include "core/deploy/ssh/sshconnector.h"
#include "core/io/atomicfile.h"
#include "core/validation/validator.h"

#include <QFileInfo>
#include <QMetaObject>

#include <filesystem>
#include <mutex>

namespace topolab::app {

// The run's observer, called from its host threads: posts each report to the controller's
// thread, and the log lines in batches (a command's output comes a line at a time; one queued
// call per line would only fill the event queue).
class DeployController::Bridge
{
public:
    explicit Bridge(DeployController *controller)
        : mController(controller)
    {
    }

    core::DeployObserver observer(const std::shared_ptr<Bridge> &self)
    {
        core::DeployObserver observer;
        observer.progress = [self](const core::HostProgress &progress) {
            DeployHostStatus status;
            status.host = QString::fromStdString(progress.host);
            status.state = progress.state;
            status.step = QString::fromStdString(progress.step);
            status.done = progress.done;
            status.total = progress.total;
            status.message = QString::fromStdString(progress.message);
            DeployController *controller = self->mController;
            QMetaObject::invokeMethod(
                controller, [controller, status] { Q_EMIT controller->progressed(status); },
                Qt::QueuedConnection);
        };
        observer.log = [self](const std::string &host, const std::string &line) {
            std::lock_guard lock(self->mMutex);
            const bool post = self->mPending.empty();
            self->mPending.emplace_back(host, line);
            if (post) {
                QMetaObject::invokeMethod(
                    self->mController, [self] { self->flush(); }, Qt::QueuedConnection);
            }
        };
        return observer;
    }

    // On the controller's thread: emits what came, one signal per host in a row of lines.
    void flush()
    {
        std::vector<std::pair<std::string, std::string>> lines;
        {
            std::lock_guard lock(mMutex);
            lines.swap(mPending);
        }
        QString host;
        QString text;
        for (const auto &[id, line] : lines) {
            const QString next = QString::fromStdString(id);
            if (next != host && !text.isEmpty()) {
                Q_EMIT mController->logged(host, text);
                text.clear();
            }
            host = next;
            text += QString::fromStdString(line);
        }
        if (!text.isEmpty())
            Q_EMIT mController->logged(host, text);
    }

private:
    DeployController *mController;
    std::mutex mMutex;
    std::vector<std::pair<std::string, std::string>> mPending;
};

DeployController::DeployController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<DeployHostStatus>();
    qRegisterMetaType<std::shared_ptr<const PlanSnapshot>>();
    qRegisterMetaType<QList<DeployHostResult>>();
    qRegisterMetaType<Phase>();
}

DeployController::~DeployController()
{
    mCancel = true;
    joinWorker();
    // The run's host threads end with it; none reports any more.
    mRun.reset();
}

QString DeployController::knownHostsPath() const
{
    return mKnownHostsPath.isEmpty() ? QString::fromStdString(core::defaultKnownHostsPath())
                                     : mKnownHostsPath;
}

QStringList DeployController::problems(const core::Topology &topology, const QString &filePath)
{
    QStringList out;
    if (filePath.isEmpty()) {
        out.append(tr("The topology has not been saved yet. Save it first: its secrets (the "
                      "passwords a deploy generates) are kept in a file beside it, "
                      "NAME.topolab.secrets.yaml."));
        return out;
    }
    for (const core::Diagnostic &d : core::validateTopology(topology)) {
        if (d.severity != core::Severity::Error)
            continue;
        const QString where = d.componentId.empty()
                                  ? QString()
                                  : QString::fromStdString(d.componentId) + QStringLiteral(": ");
        out.append(where + QString::fromStdString(d.message) + QStringLiteral(" [")
                   + QString::fromStdString(d.code) + QLatin1Char(']'));
    }
    if (out.isEmpty() && topology.deployHosts.empty()) {
        out.append(tr("No component has a host to deploy to yet. Say where each one goes in "
                      "the topology's deploy section: {component: lb-1, address: 203.0.113.11}."));
    }
    return out;
}

bool DeployController::plan(const core::Topology &topology, const QString &filePath)
{
    if (isBusy())
        return false;
    if (const QStringList found = problems(topology, filePath); !found.isEmpty()) {
        Q_EMIT refused(tr("Cannot plan a deploy"),
                       QStringLiteral("• ") + found.join(QStringLiteral("\n• ")));
        return false;
    }
    joinWorker();
    mRun.reset();
    mPlan.reset();
    mApplied = false;
    mFilePath = filePath;
    mSecrets = core::SecretStore{};
    mSecretsPath = QString::fromStdString(core::SecretStore::pathFor(filePath.toStdString()));
    if (const std::string problem = mSecrets.load(mSecretsPath.toStdString()); !problem.empty()) {
        Q_EMIT refused(tr("Cannot read the secrets"), QString::fromStdString(problem));
        return false;
    }
    mCancel = false;
    mBridge = std::make_shared<Bridge>(this);
    ConnectorContext context;
    context.trust = mTrust;
    context.knownHostsPath = mKnownHostsPath.toStdString();
    context.cancel = &mCancel;
    core::HostConnector connect
        = mFactory ? mFactory(context)
                   : core::sshConnector(context.trust, context.knownHostsPath, &mCancel);
    mRun = std::make_unique<core::DeployRun>(topology, mSecrets, std::move(connect),
                                             mBridge->observer(mBridge), mParallel, &mCancel);
    if (mRenderer)
        mRun->setRenderer(mRenderer);
    mRun->setBaseDirectory(QFileInfo(filePath).absolutePath().toStdString());

    QStringList hosts;
    for (const core::HostConnection &host : core::hostConnections(topology))
        hosts.append(QString::fromStdString(host.id));
    setPhase(Phase::Planning);
    Q_EMIT started(Phase::Planning, hosts);
    mWorker = std::thread([this, run = mRun.get()] {
        auto snapshot = std::make_shared<PlanSnapshot>();
        try {
            const std::vector<core::HostPlan> &plans = run->plan();
            *snapshot = PlanSnapshot::of(plans, run->renderProblems(), run->redactor());
        } catch (const std::exception &error) {
            snapshot->failure = QString::fromStdString(run->redactor().redact(error.what()));
        }
        std::shared_ptr<const PlanSnapshot> done = snapshot;
        QMetaObject::invokeMethod(
            this, [this, done] { endPlan(done); }, Qt::QueuedConnection);
    });
    return true;
}

void DeployController::endPlan(std::shared_ptr<const PlanSnapshot> plan)
{
    joinWorker();
    mBridge->flush();
    mPlan = std::move(plan);
    if (mSecrets.changed()) {
        // As the CLI does: secrets rendering generated are kept before anything uses them.
        if (const std::string problem = mSecrets.save(mSecretsPath.toStdString());
            !problem.empty()) {
            auto failed = std::make_shared<PlanSnapshot>(*mPlan);
            failed->failure = QString::fromStdString(problem);
            mPlan = failed;
        } else {
            Q_EMIT message(tr("Generated secrets saved in %1 (mode 0600)").arg(mSecretsPath));
        }
    }
    setPhase(Phase::Idle);
    Q_EMIT planned(mPlan);
}

bool DeployController::canApply() const
{
    return !isBusy() && mRun && mPlan && !mApplied && mPlan->failure.isEmpty()
           && mPlan->renderProblems.isEmpty() && mPlan->hasChanges;
}

bool DeployController::apply()
{
    if (!canApply())
        return false;
    joinWorker();
    mApplied = true;
    mCancel = false;
    QStringList hosts;
    for (const HostPlanView &host : mPlan->hosts)
        hosts.append(host.host);
    const QString logDirectory
        = mLogDirectory.isEmpty()
              ? QString::fromStdString(core::defaultLogDirectory(mFilePath.toStdString()))
              : mLogDirectory;
    setPhase(Phase::Applying);
    Q_EMIT started(Phase::Applying, hosts);
    mWorker = std::thread([this, run = mRun.get(), logDirectory] {
        QList<DeployHostResult> results;
        QString logProblem;
        std::vector<core::HostOutcome> outcomes;
        try {
            outcomes = run->apply();
        } catch (const std::exception &error) {
            logProblem = QString::fromStdString(run->redactor().redact(error.what()));
        }
        // Each host's log, as `topolab-cli deploy` writes it.
        std::error_code error;
        std::filesystem::create_directories(logDirectory.toStdString(), error);
        for (const core::HostOutcome &outcome : outcomes) {
            DeployHostResult result;
            result.host = QString::fromStdString(outcome.host);
            result.state = outcome.state;
            result.message = QString::fromStdString(run->redactor().redact(outcome.message));
            result.hint = QString::fromStdString(run->redactor().redact(outcome.hint));
            results.append(result);
            if (outcome.log.empty())
                continue;
            const std::string path = logDirectory.toStdString() + "/" + outcome.host + ".log";
            if (std::string problem = core::writeFileAtomically(path, outcome.log, 0600);
                !problem.empty())
                logProblem = QString::fromStdString(problem);
        }
        QMetaObject::invokeMethod(
            this,
            [this, results, logDirectory, logProblem] {
                endApply(results, logDirectory, logProblem);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void DeployController::endApply(const QList<DeployHostResult> &results, const QString &logDirectory,
                                const QString &logProblem)
{
    joinWorker();
    mBridge->flush();
    if (mSecrets.changed()) {
        if (const std::string problem = mSecrets.save(mSecretsPath.toStdString()); !problem.empty())
            Q_EMIT message(QString::fromStdString(problem));
    }
    mLastLogDirectory = logDirectory;
    if (!logProblem.isEmpty())
        Q_EMIT message(logProblem);
    const bool cancelled = mCancel.load();
    setPhase(Phase::Idle);
    Q_EMIT applied(results, cancelled);
}

void DeployController::cancel()
{
    if (isBusy())
        mCancel = true;
}

QString DeployController::trustKey(const QString &address, int port, const QString &fingerprint)
{
    return QString::fromStdString(
        mTrust.add(address.toStdString(), port, fingerprint.toStdString()));
}

void DeployController::setPhase(Phase phase)
{
    if (phase == mPhase)
        return;
    mPhase = phase;
    Q_EMIT phaseChanged(phase);
}

void DeployController::joinWorker()
{
    if (mWorker.joinable())
        mWorker.join();
}

} // namespace topolab::app
