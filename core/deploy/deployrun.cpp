#include "deployrun.h"

#include "core/analysis/analysisreport.h"
#include "core/deploy/hostapply.h"
#include "core/deploy/hoststate.h"
#include "core/deploy/render/rendertopology.h"
#include "core/deploy/renderinputs.h"
#include "core/deploy/ssh/hostkeyerrors.h"
#include "core/model/topologyindex.h"

#include <algorithm>
#include <future>
#include <set>

namespace topolab::core {

struct DeployRun::Host
{
    HostConnection connection;
    std::unique_ptr<HostLog> log;
    std::unique_ptr<HostWorker> worker;
    std::vector<DeployUnit> units;
    HostState state;
    bool stateRead = false;
    std::vector<UnitPlan> plans;
    std::vector<std::pair<std::string, ServiceAction::Kind>> journal;
    HostProgress progress;
    std::string hint;
    std::string unknownKeyFingerprint;
    std::string unknownKeyType;
    bool hostKeyChanged = false;
    std::mutex mutex; // guards progress
};

const char *stateName(HostProgress::State state)
{
    switch (state) {
    case HostProgress::State::Waiting:
        return "waiting";
    case HostProgress::State::Reading:
        return "reading";
    case HostProgress::State::Planned:
        return "planned";
    case HostProgress::State::Unchanged:
        return "unchanged";
    case HostProgress::State::Working:
        return "working";
    case HostProgress::State::Done:
        return "done";
    case HostProgress::State::Failed:
        return "failed";
    case HostProgress::State::RolledBack:
        return "rolled back";
    case HostProgress::State::Skipped:
        return "skipped";
    }
    return "waiting";
}

namespace {

bool anyChange(const std::vector<UnitPlan> &units)
{
    return std::any_of(units.begin(), units.end(),
                       [](const UnitPlan &unit) { return !unit.empty(); });
}

} // namespace

bool HostPlan::hasChanges() const
{
    return anyChange(units);
}

DeployRun::DeployRun(Topology topology, SecretStore &secrets, HostConnector connect,
                     DeployObserver observer, int parallel, std::atomic<bool> *cancel)
    : mTopology(std::move(topology))
    , mSecrets(secrets)
    , mConnect(std::move(connect))
    , mObserver(std::move(observer))
    , mCancel(cancel)
    , mSlots(std::max(1, parallel))
{
    for (HostConnection &connection : hostConnections(mTopology)) {
        auto host = std::make_unique<Host>();
        host->connection = std::move(connection);
        host->progress.host = host->connection.id;
        host->log = std::make_unique<HostLog>(host->connection.id, mRedactor, mObserver.log);
        mHosts.push_back(std::move(host));
    }
}

DeployRun::~DeployRun()
{
    // Workers first: their threads use the hosts' logs.
    for (auto &host : mHosts)
        host->worker.reset();
}

DeployRun::Host *DeployRun::hostById(const std::string &id)
{
    for (auto &host : mHosts) {
        if (host->connection.id == id)
            return host.get();
    }
    return nullptr;
}

void DeployRun::report(Host &host, HostProgress::State state, const std::string &step,
                       const std::string &message, int done, int total)
{
    HostProgress copy;
    {
        std::lock_guard lock(host.mutex);
        host.progress.state = state;
        host.progress.step = step;
        if (!message.empty())
            host.progress.message = message;
        host.progress.done = done;
        host.progress.total = total;
        host.progress.elapsedS = host.log->elapsedS();
        copy = host.progress;
    }
    if (mObserver.progress)
        mObserver.progress(copy);
}

void DeployRun::render()
{
    RenderInputs inputs;
    inputs.secrets = &mSecrets;
    inputs.facts = mFacts;
    inputs.baseDirectory = mBaseDirectory;
    RenderResult rendered
        = mRenderer ? mRenderer(mTopology, inputs) : renderTopology(mTopology, inputs);
    mRenderProblems = std::move(rendered.problems);
    for (auto &host : mHosts)
        host->units.clear();
    for (DeployUnit &unit : rendered.units) {
        if (Host *host = hostById(unit.host)) {
            host->units.push_back(std::move(unit));
        } else {
            mRenderProblems.push_back(
                {unit.component,
                 "component '" + unit.component + "' has no deploy host; add {component: "
                     + unit.host + ", address: <IP or name>} to deploy.hosts or the inventory"});
        }
    }
    // Secrets may have been generated: mask them from here on.
    for (const auto &[name, value] : mSecrets.all())
        mRedactor.addSecret(value);
}

const std::vector<HostPlan> &DeployRun::plan()
{
    render();
    for (auto &host : mHosts) {
        if (host->units.empty())
            continue;
        host->worker = std::make_unique<HostWorker>(host->connection, mConnect, mSlots);
    }
    std::vector<std::pair<Host *, std::future<void>>> reads;
    for (auto &owned : mHosts) {
        Host *host = owned.get();
        if (!host->worker)
            continue;
        report(*host, HostProgress::State::Reading, "connect and read");
        std::vector<const DeployUnit *> units;
        for (const DeployUnit &unit : host->units)
            units.push_back(&unit);
        reads.emplace_back(host, host->worker->post([this, host, units](RemoteHost &remote) {
            host->state = readHostState(remote, host->connection, units);
            host->stateRead = true;
        }));
    }
    for (auto &[host, done] : reads) {
        try {
            done.get();
            host->log->line("read the host's state");
        } catch (const HostKeyUnknown &error) {
            host->hint = error.hint();
            host->unknownKeyFingerprint = error.fingerprint();
            host->unknownKeyType = error.keyType();
            host->log->line(std::string("cannot plan: ") + error.what());
            report(*host, HostProgress::State::Failed, {}, error.what());
        } catch (const HostKeyChanged &error) {
            host->hint = error.hint();
            host->hostKeyChanged = true;
            host->log->line(std::string("cannot plan: ") + error.what());
            report(*host, HostProgress::State::Failed, {}, error.what());
        } catch (const DeployError &error) {
            host->hint = error.hint();
            host->log->line(std::string("cannot plan: ") + error.what());
            report(*host, HostProgress::State::Failed, {}, error.what());
        }
    }
    // Public keys generated on their hosts reach the other hosts' files.
    bool facts = false;
    for (auto &host : mHosts) {
        for (const DeployUnit &unit : host->units) {
            for (const std::string &path : unit.factFiles) {
                const auto it = host->state.files.find(path);
                if (it != host->state.files.end() && it->second.exists) {
                    mFacts[host->connection.id][path] = it->second.content;
                    facts = true;
                }
            }
        }
    }
    if (facts)
        render();

    mPlans.clear();
    for (auto &owned : mHosts) {
        Host &host = *owned;
        HostPlan plan;
        plan.host = host.connection;
        if (host.progress.state == HostProgress::State::Failed) {
            plan.error = host.progress.message;
            plan.hint = host.hint;
            plan.unknownKeyFingerprint = host.unknownKeyFingerprint;
            plan.unknownKeyType = host.unknownKeyType;
            plan.hostKeyChanged = host.hostKeyChanged;
        } else if (host.stateRead) {
            std::vector<const DeployUnit *> units;
            for (const DeployUnit &unit : host.units)
                units.push_back(&unit);
            host.plans = planUnits(units, host.state);
            host.journal = parseJournal(host.state.journal);
            plan.units = host.plans;
            plan.missingPrograms = host.state.missingPrograms;
            report(host, plan.hasChanges() ? HostProgress::State::Planned
                                           : HostProgress::State::Unchanged);
        }
        mPlans.push_back(std::move(plan));
    }
    mPlanned = true;
    return mPlans;
}

bool DeployRun::hasChanges() const
{
    for (const HostPlan &plan : mPlans) {
        if (plan.hasChanges())
            return true;
    }
    return false;
}

void DeployRun::replanTier(std::size_t)
{
    for (auto &owned : mHosts) {
        Host &host = *owned;
        if (!host.stateRead)
            continue;
        std::vector<const DeployUnit *> units;
        for (const DeployUnit &unit : host.units)
            units.push_back(&unit);
        host.plans = planUnits(units, host.state);
    }
}

std::vector<HostOutcome> DeployRun::apply()
{
    if (!mPlanned)
        plan();
    for (auto &host : mHosts) {
        if (host->worker)
            host->log->begin("deploy: applying the plan");
    }
    std::vector<HostOutcome> outcomes;
    std::set<std::string> failedComponents;
    std::map<std::string, std::string> skipReason; // component → why
    std::set<Host *> touched;

    std::vector<DeployStep> tiers;
    try {
        tiers = deployOrder(mTopology);
    } catch (const std::exception &error) {
        for (auto &host : mHosts)
            outcomes.push_back(
                {host->connection.id, HostProgress::State::Failed, error.what(), {}, {}});
        return outcomes;
    }
    // Hosts that could not be planned fail their components from the start.
    for (auto &host : mHosts) {
        if (host->progress.state == HostProgress::State::Failed) {
            for (const DeployUnit &unit : host->units)
                failedComponents.insert(unit.component);
        }
    }
    const TopologyIndex index(mTopology);
    const auto blockedBy = [&](const std::string &component) -> std::string {
        const Component *c = mTopology.component(component);
        if (!c)
            return {};
        // Grouped by kind: a load balancer still has work to do while one app server is up.
        std::map<ComponentKind, std::pair<int, std::string>> byKind; // kind → (alive, a dead one)
        for (const Component *dep : deployDependencies(index, *c)) {
            auto &[alive, dead] = byKind[dep->kind];
            if (failedComponents.contains(dep->id) || skipReason.contains(dep->id))
                dead = dep->id;
            else
                ++alive;
        }
        for (const auto &[kind, entry] : byKind) {
            if (entry.first == 0 && !entry.second.empty())
                return entry.second;
        }
        return {};
    };
    const auto cancelled = [&] {
        return mCancel && mCancel->load();
    };

    for (std::size_t t = 0; t < tiers.size(); ++t) {
        const DeployStep &tier = tiers[t];
        const std::set<std::string> members(tier.componentIds.begin(), tier.componentIds.end());
        for (const std::string &id : tier.componentIds) {
            if (failedComponents.contains(id))
                continue;
            if (std::string cause = blockedBy(id); !cause.empty())
                skipReason[id] = cause;
        }
        // The plans of this tier, per host; hosts whose units here are all blocked are skipped.
        const auto tierPlans = [&](Host &host) {
            std::vector<UnitPlan> plans;
            for (const UnitPlan &plan : host.plans) {
                if (members.contains(plan.unit.component)
                    && !skipReason.contains(plan.unit.component)
                    && !failedComponents.contains(plan.unit.component) && !plan.empty())
                    plans.push_back(plan);
            }
            return plans;
        };
        std::vector<Host *> working;
        for (auto &host : mHosts) {
            if (host->worker && host->progress.state != HostProgress::State::Failed
                && !tierPlans(*host).empty())
                working.push_back(host.get());
        }
        if (working.empty())
            continue;
        if (cancelled())
            break;

        // Phase A: tasks that must precede the files (keys generated on their host), then the
        // facts they produced, then a fresh render of what depends on them.
        bool factsChanged = false;
        std::vector<std::pair<Host *, std::future<void>>> phaseA;
        for (Host *host : working) {
            const std::vector<UnitPlan> plans = tierPlans(*host);
            bool any = false;
            std::vector<std::string> factPaths;
            for (const UnitPlan &plan : plans) {
                for (std::size_t i : plan.pendingTasks)
                    any = any || plan.unit.tasks[i].when == HostTask::When::BeforeFiles;
                factPaths.insert(factPaths.end(), plan.unit.factFiles.begin(),
                                 plan.unit.factFiles.end());
            }
            if (!any)
                continue;
            report(*host, HostProgress::State::Working, "one-time tasks");
            phaseA.emplace_back(
                host, host->worker->post([this, host, plans, factPaths](RemoteHost &remote) {
                    HostApply step(remote, host->connection, mSecrets, *host->log);
                    step.runTasks(plans, HostTask::When::BeforeFiles);
                    for (const UnitPlan &plan : plans) {
                        for (std::size_t i : plan.pendingTasks) {
                            const HostTask &task = plan.unit.tasks[i];
                            if (task.when == HostTask::When::BeforeFiles && !task.creates.empty())
                                host->state.existing.insert(task.creates);
                        }
                    }
                    if (!factPaths.empty()) {
                        DeployUnit facts;
                        facts.factFiles = factPaths;
                        const HostState read = readHostState(remote, host->connection, {&facts});
                        std::lock_guard lock(mFactsMutex);
                        for (const std::string &path : factPaths) {
                            const auto it = read.files.find(path);
                            if (it != read.files.end() && it->second.exists)
                                mFacts[host->connection.id][path] = it->second.content;
                        }
                    }
                }));
            factsChanged = true;
        }
        for (auto &[host, done] : phaseA) {
            try {
                done.get();
            } catch (const DeployError &error) {
                host->log->line(std::string("failed: ") + error.what());
                report(*host, HostProgress::State::Failed, {}, error.what());
                host->hint = error.hint();
                for (const UnitPlan &plan : tierPlans(*host))
                    failedComponents.insert(plan.unit.component);
            }
        }
        if (factsChanged) {
            render();
            replanTier(t);
        }

        // Phase B: files, services, health; app servers a batch at a time.
        std::vector<Host *> ready;
        for (Host *host : working) {
            if (host->progress.state != HostProgress::State::Failed && !tierPlans(*host).empty())
                ready.push_back(host);
        }
        const bool rolling = tier.tier == "app servers" && ready.size() > 1;
        const std::size_t batchSize
            = rolling ? std::max<std::size_t>(1, ready.size() / 2) : ready.size();
        for (std::size_t first = 0; first < ready.size(); first += batchSize) {
            if (cancelled())
                break;
            std::vector<std::pair<Host *, std::future<void>>> batch;
            for (std::size_t i = first; i < std::min(ready.size(), first + batchSize); ++i) {
                Host *host = ready[i];
                const std::vector<UnitPlan> plans = tierPlans(*host);
                touched.insert(host);
                report(*host, HostProgress::State::Working, tier.tier);
                batch.emplace_back(
                    host, host->worker->post([this, host, plans,
                                              tierName = tier.tier](RemoteHost &remote) {
                        HostApply step(
                            remote, host->connection, mSecrets, *host->log,
                            [this, host, tierName](const std::string &what, int done, int total) {
                                report(*host, HostProgress::State::Working, tierName + ": " + what,
                                       {}, done, total);
                            });
                        step.setJournal(host->journal);
                        try {
                            step.apply(plans);
                            host->journal = step.journal();
                        } catch (const DeployError &) {
                            host->journal = step.journal();
                            if (step.rolledBack())
                                host->hint = "rolled back";
                            throw;
                        }
                    }));
            }
            bool batchFailed = false;
            for (auto &[host, done] : batch) {
                try {
                    done.get();
                    // Done as far as this tier goes: the table shows it while others work.
                    report(*host, HostProgress::State::Done, tier.tier + ": healthy");
                } catch (const DeployError &error) {
                    batchFailed = true;
                    host->log->line(std::string("failed: ") + error.what());
                    const bool rolledBack = host->hint == "rolled back";
                    host->hint = rolledBack ? "the host was rolled back to its previous files"
                                            : error.hint();
                    report(*host,
                           rolledBack ? HostProgress::State::RolledBack
                                      : HostProgress::State::Failed,
                           {}, error.what());
                    for (const UnitPlan &plan : tierPlans(*host))
                        failedComponents.insert(plan.unit.component);
                }
            }
            if (batchFailed && rolling) {
                for (std::size_t i = first + batchSize; i < ready.size(); ++i) {
                    for (const UnitPlan &plan : tierPlans(*ready[i]))
                        skipReason[plan.unit.component] = "an earlier batch of app servers failed";
                }
                break;
            }
        }
    }

    for (auto &owned : mHosts) {
        Host &host = *owned;
        HostOutcome outcome;
        outcome.host = host.connection.id;
        HostProgress::State state = host.progress.state;
        std::string message = host.progress.message;
        if (state != HostProgress::State::Failed && state != HostProgress::State::RolledBack) {
            std::string skipped;
            for (const UnitPlan &plan : host.plans) {
                if (auto it = skipReason.find(plan.unit.component);
                    it != skipReason.end() && !plan.empty())
                    skipped = plan.unit.component + " not deployed: it depends on " + it->second
                              + ", which failed";
            }
            if (cancelled() && !touched.contains(&host) && anyChange(host.plans))
                skipped = "cancelled before this host's turn";
            if (!skipped.empty()) {
                state = HostProgress::State::Skipped;
                message = skipped;
            } else {
                state = touched.contains(&host) ? HostProgress::State::Done
                                                : HostProgress::State::Unchanged;
            }
            report(host, state, {}, message);
        }
        outcome.state = state;
        outcome.message = message;
        outcome.hint = host.hint;
        outcome.log = host.log->text();
        outcomes.push_back(std::move(outcome));
    }
    return outcomes;
}

} // namespace topolab::core
