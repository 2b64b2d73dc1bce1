#pragma once

#include "core/deploy/hostconnection.h"
#include "core/deploy/hostlog.h"
#include "core/deploy/hostplan.h"
#include "core/deploy/hostworker.h"
#include "core/deploy/renderedfile.h"
#include "core/deploy/renderinputs.h"
#include "core/deploy/secretstore.h"
#include "core/model/topology.h"

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace topolab::core {

// Where one host stands, for a progress line or a table row.
struct HostProgress
{
    enum class State { Waiting, Reading, Planned, Unchanged, Working, Done, Failed, RolledBack, Skipped };
    std::string host;
    State state = State::Waiting;
    std::string step; // "upload /etc/haproxy/haproxy.cfg", "health check of topolab-app-1"
    int done = 0;
    int total = 0;
    double elapsedS = 0;
    std::string message; // why it failed or was skipped
};
const char *stateName(HostProgress::State state);

struct DeployObserver
{
    std::function<void(const HostProgress &)> progress; // called from worker threads
    HostLog::Sink log;                                  // redacted lines, from worker threads
};

// One host's part of a plan.
struct HostPlan
{
    HostConnection host;
    std::vector<UnitPlan> units;
    std::vector<std::string> missingPrograms;
    std::string error; // could not connect or read; the rest is empty then
    std::string hint;
    // Set when the host offered a key nobody vouched for yet: what a user checks and trusts.
    std::string unknownKeyFingerprint; // "SHA256:..."
    std::string unknownKeyType;        // "ssh-ed25519"
    bool hostKeyChanged = false;       // refused for good until the known_hosts line is removed
    bool hasChanges() const;
};

struct HostOutcome
{
    std::string host;
    HostProgress::State state = HostProgress::State::Unchanged;
    std::string message;
    std::string hint;
    std::string log;
};

// Hosts worked on at once unless the user says otherwise: each is one thread and one SSH
// session here, and mostly waiting on its host, so a fleet of a few dozen deploys side by side.
inline constexpr int defaultParallelHosts = 16;

// A plan and its application, for one topology against its hosts (SPEC §6):
// plan() renders the model, opens one session per host on the host's own thread (at most
// `parallel` working at once), reads each host in one round trip and compares. apply() then
// deploys tier by tier in the deploy order (Boost.Graph, core/analysis), the hosts of a tier in
// parallel and app servers in rolling batches of at most half of them, each host health checked
// before the next tier; a host that fails is rolled back, and components that depend on it
// (all of a kind they need, for redundant tiers) are skipped.
class DeployRun
{
public:
    DeployRun(Topology topology, SecretStore &secrets, HostConnector connect,
              DeployObserver observer = {}, int parallel = defaultParallelHosts, std::atomic<bool> *cancel = nullptr);
    ~DeployRun();

    const std::vector<HostPlan> &plan();
    const std::vector<RenderProblem> &renderProblems() const { return mRenderProblems; }
    bool hasChanges() const;
    // Deploys what plan() found; plan() must have run. Outcomes in inventory order.
    std::vector<HostOutcome> apply();
    const LogRedactor &redactor() const { return mRedactor; }
    const Topology &topology() const { return mTopology; }

    // What turns the model into units; renderTopology unless replaced (benchmarks push plain
    // files through the same engine). Set before plan().
    using Renderer = std::function<RenderResult(const Topology &, RenderInputs &)>;
    void setRenderer(Renderer renderer) { mRenderer = std::move(renderer); }
    // Where files the topology names by a relative path (an app server's artifact) are read
    // from: the topology file's directory. Empty: the current directory. Set before plan().
    void setBaseDirectory(std::string directory) { mBaseDirectory = std::move(directory); }

private:
    struct Host;
    void render();
    void replanTier(std::size_t tier);
    void report(Host &host, HostProgress::State state, const std::string &step = {},
                const std::string &message = {}, int done = 0, int total = 0);
    Host *hostById(const std::string &id);

    Topology mTopology;
    SecretStore &mSecrets;
    HostConnector mConnect;
    Renderer mRenderer;
    std::string mBaseDirectory;
    DeployObserver mObserver;
    std::atomic<bool> *mCancel;
    std::counting_semaphore<> mSlots;
    LogRedactor mRedactor;
    std::vector<RenderProblem> mRenderProblems;
    std::mutex mFactsMutex; // phase A jobs of several hosts add facts at once
    std::map<std::string, std::map<std::string, std::string>> mFacts;
    std::vector<std::unique_ptr<Host>> mHosts;
    std::vector<HostPlan> mPlans;
    bool mPlanned = false;
};

} // namespace topolab::core
