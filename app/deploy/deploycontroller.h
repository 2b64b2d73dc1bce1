#pragma once

#include "deploysnapshot.h"

#include "core/deploy/deployrun.h"
#include "core/deploy/secretstore.h"
#include "core/deploy/ssh/knownhosts.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace topolab::app {

// Plan and deploy for the window, as `topolab-cli plan` and `deploy` do them, on a thread of
// their own so that the window never waits: the run's reports (from its host threads) come
// back as queued signals, the log lines a batch at a time. Reads the secrets file beside the
// topology before a plan and saves the secrets rendering generated after it; after a deploy
// writes each host's redacted log where the CLI would. Cancel stops the run between steps and
// every remote command at once (one flag for the run and every session). Keeps the host keys the
// user trusted during this session, for every later plan. Owns the run, the secrets and the
// thread, and waits for the thread when destroyed.
class DeployController : public QObject
{
    Q_OBJECT

public:
    enum class Phase { Idle, Planning, Applying };

    // What a session to a host is opened with: the trusted keys, the known_hosts file, and the
    // flag that cancels.
    struct ConnectorContext
    {
        core::HostTrust trust;
        std::string knownHostsPath; // empty: core::defaultKnownHostsPath()
        std::atomic<bool> *cancel = nullptr;
    };
    using ConnectorFactory = std::function<core::HostConnector(const ConnectorContext &)>;

    explicit DeployController(QObject *parent = nullptr);
    // Cancels what runs and waits for it.
    ~DeployController() override;

    // How sessions are opened; core::sshConnector unless replaced (tests connect locally).
    void setConnectorFactory(ConnectorFactory factory) { mFactory = std::move(factory); }
    // What renders the topology; core's renderers unless replaced. Before plan().
    void setRenderer(core::DeployRun::Renderer renderer) { mRenderer = std::move(renderer); }
    // The known_hosts file host keys are checked against; empty: Topolab's own
    // (TOPOLAB_KNOWN_HOSTS, else ~/.config/topolab/known_hosts).
    void setKnownHostsPath(const QString &path) { mKnownHostsPath = path; }
    QString knownHostsPath() const;
    void setParallel(int hosts) { mParallel = hosts; }
    // Where host logs go; empty: core::defaultLogDirectory() of the topology file.
    void setLogDirectory(const QString &path) { mLogDirectory = path; }

    // Why `topology`, the document of file `filePath`, cannot be planned: an unsaved document
    // (its secrets live beside its file), validation errors, no deploy hosts. Empty when it can.
    static QStringList problems(const core::Topology &topology, const QString &filePath);

    // Starts a plan of `topology` (a copy is taken); false, starting nothing, while a run goes
    // on or when problems() is not empty or the secrets file cannot be read (refused()).
    bool plan(const core::Topology &topology, const QString &filePath);
    // Deploys what the last plan found; false while a run goes on or without a plan to apply.
    bool apply();
    // Stops what runs: it ends soon after, each host as the run left it.
    void cancel();
    bool cancelRequested() const { return mCancel.load(); }

    // Vouches for the key with `fingerprint` at address:port in every later plan of this
    // session; the engine stores it in the known_hosts file once it has seen it. Returns an
    // error message, else empty.
    QString trustKey(const QString &address, int port, const QString &fingerprint);
    const core::HostTrust &trust() const { return mTrust; }

    Phase phase() const { return mPhase; }
    bool isBusy() const { return mPhase != Phase::Idle; }
    // The last plan, until the next starts; null before any.
    std::shared_ptr<const PlanSnapshot> lastPlan() const { return mPlan; }
    // A plan that found changes and has not been deployed yet.
    bool canApply() const;
    // Where the last deploy wrote its host logs.
    QString lastLogDirectory() const { return mLastLogDirectory; }

Q_SIGNALS:
    // A plan or a deploy began for these hosts (deploy.hosts ids, in inventory order).
    void started(topolab::app::DeployController::Phase phase, const QStringList &hosts);
    void progressed(const topolab::app::DeployHostStatus &status);
    // Redacted lines of a host's log, a batch at a time.
    void logged(const QString &host, const QString &lines);
    void planned(std::shared_ptr<const topolab::app::PlanSnapshot> plan);
    void applied(const QList<topolab::app::DeployHostResult> &results, bool cancelled);
    // Nothing was started: a title and what to do.
    void refused(const QString &title, const QString &text);
    // A sentence for the status bar.
    void message(const QString &text);
    void phaseChanged(topolab::app::DeployController::Phase phase);

private:
    class Bridge;
    void setPhase(Phase phase);
    void joinWorker();
    void endPlan(std::shared_ptr<const PlanSnapshot> plan);
    void endApply(const QList<DeployHostResult> &results, const QString &logDirectory,
                  const QString &logProblem);

    ConnectorFactory mFactory;
    core::DeployRun::Renderer mRenderer;
    QString mKnownHostsPath;
    QString mLogDirectory;
    int mParallel = core::defaultParallelHosts;
    core::HostTrust mTrust;

    Phase mPhase = Phase::Idle;
    std::atomic<bool> mCancel{false};
    core::SecretStore mSecrets;
    QString mSecretsPath;
    QString mFilePath;
    std::shared_ptr<Bridge> mBridge;
    std::unique_ptr<core::DeployRun> mRun;
    std::shared_ptr<const PlanSnapshot> mPlan;
    bool mApplied = false;
    QString mLastLogDirectory;
    std::thread mWorker;
};

} // namespace topolab::app

Q_DECLARE_METATYPE(topolab::app::DeployController::Phase)
