#pragma once

#include "core/deploy/deployrun.h"
#include "core/deploy/secretstore.h"
#include "core/deploy/ssh/knownhosts.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace topolab::cli {

// What `plan` and `deploy` share: the topology with its inventory, the secrets file beside it,
// the host keys vouched for, and a DeployRun over SSH.
struct DeployOptions
{
    std::string file;
    std::string inventory;
    std::string knownHosts;        // empty: Topolab's own known_hosts
    std::vector<std::string> trust; // HOST=SHA256:… (HOST may be a deploy host's id)
    int parallel = core::defaultParallelHosts;
    bool yes = false;
    bool noDiff = false;
    std::string logDir; // deploy: where each host's log is written
};

class DeploySession
{
public:
    // Loads and checks everything; on failure prints why and sets `exitCode`.
    // `cancel`, when given, stops the run between steps and every remote command at once.
    static std::unique_ptr<DeploySession> open(const DeployOptions &options, int &exitCode,
                                               core::DeployObserver observer = {},
                                               std::atomic<bool> *cancel = nullptr);
    core::DeployRun &run() { return *mRun; }
    // Writes the secrets file if rendering generated a secret; prints and returns false on error.
    bool saveSecrets();
    const std::string &secretsPath() const { return mSecretsPath; }
    std::string topologyName() const;

private:
    DeploySession() = default;
    std::optional<core::Topology> mTopology;
    core::SecretStore mSecrets;
    std::string mSecretsPath;
    std::unique_ptr<core::DeployRun> mRun;
};

// Prints the plan, render problems and unreadable hosts; returns SPEC §4's plan exit code:
// 0 no changes, 3 changes pending, 1 errors.
int reportPlan(core::DeployRun &run, const std::vector<core::HostPlan> &plans,
               const DeployOptions &options);

} // namespace topolab::cli
