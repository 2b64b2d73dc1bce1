#include "deploysession.h"

#include "clicommon.h"

#include "core/deploy/planreport.h"
#include "core/deploy/ssh/sshconnector.h"
#include "core/io/inventoryreader.h"
#include "core/validation/validator.h"

#include <filesystem>
#include <iostream>

namespace topolab::cli {

std::unique_ptr<DeploySession> DeploySession::open(const DeployOptions &options, int &exitCode,
                                                   core::DeployObserver observer,
                                                   std::atomic<bool> *cancel)
{
    core::LoadResult loaded;
    if (int code = loadOrReport(options.file, loaded); code != ExitOk) {
        exitCode = code;
        return nullptr;
    }
    const auto findings = core::validateTopology(*loaded.topology, &loaded.sources);
    printDiagnostics(findings, options.file);
    if (core::hasErrors(findings)) {
        std::cerr << "topolab-cli: " << options.file << " has errors; fix them before deploying\n";
        exitCode = ExitInvalid;
        return nullptr;
    }
    std::unique_ptr<DeploySession> session(new DeploySession);
    session->mTopology = std::move(loaded.topology);
    if (!options.inventory.empty()) {
        core::InventoryResult inventory
            = core::loadInventoryFile(options.inventory, *session->mTopology);
        if (!inventory.topology) {
            printDiagnostics(inventory.diagnostics, options.inventory);
            exitCode = ExitInvalid;
            return nullptr;
        }
        session->mTopology = std::move(inventory.topology);
    }
    if (session->mTopology->deployHosts.empty()) {
        std::cerr << "topolab-cli: " << options.file
                  << " names no hosts to deploy to: add a `deploy: {hosts: [...]}` section, or "
                     "pass --inventory INV\n";
        exitCode = ExitInvalid;
        return nullptr;
    }

    session->mSecretsPath = core::SecretStore::pathFor(options.file);
    if (std::string problem = session->mSecrets.load(session->mSecretsPath); !problem.empty()) {
        std::cerr << "topolab-cli: error: " << problem << '\n';
        exitCode = ExitInvalid;
        return nullptr;
    }

    core::HostTrust trust;
    for (const std::string &argument : options.trust) {
        // A deploy host's id stands for its address and port.
        std::string translated = argument;
        const std::size_t equals = argument.find('=');
        if (equals != std::string::npos) {
            for (const core::HostConnection &host : core::hostConnections(*session->mTopology)) {
                if (host.id == argument.substr(0, equals)) {
                    const bool v6 = host.address.find(':') != std::string::npos;
                    translated = (v6 ? "[" + host.address + "]" : host.address) + ":"
                                 + std::to_string(host.port) + argument.substr(equals);
                }
            }
        }
        if (std::string problem = trust.add(translated); !problem.empty()) {
            std::cerr << "topolab-cli: --trust " << argument << ": " << problem << '\n';
            exitCode = ExitUnreadable;
            return nullptr;
        }
    }
    session->mRun = std::make_unique<core::DeployRun>(
        *session->mTopology, session->mSecrets,
        core::sshConnector(trust, options.knownHosts, cancel), std::move(observer),
        options.parallel, cancel);
    session->mRun->setBaseDirectory(std::filesystem::path(options.file).parent_path().string());
    exitCode = ExitOk;
    return session;
}

bool DeploySession::saveSecrets()
{
    if (!mSecrets.changed())
        return true;
    if (std::string problem = mSecrets.save(mSecretsPath); !problem.empty()) {
        std::cerr << "topolab-cli: error: " << problem << '\n';
        return false;
    }
    std::cerr << "topolab-cli: generated secrets saved in " << mSecretsPath << " (mode 0600)\n";
    return true;
}

std::string DeploySession::topologyName() const
{
    return mTopology ? mTopology->name : std::string();
}

int reportPlan(core::DeployRun &run, const std::vector<core::HostPlan> &plans,
               const DeployOptions &options)
{
    std::cout << core::formatPlan(plans, run.redactor(), !options.noDiff);
    bool errors = false;
    for (const core::RenderProblem &p : run.renderProblems()) {
        std::cerr << options.file << ": error: " << run.redactor().redact(p.message) << " [render]\n";
        errors = true;
    }
    for (const core::HostPlan &plan : plans) {
        if (!plan.error.empty()) {
            std::cerr << "topolab-cli: error: " << run.redactor().redact(plan.error) << '\n';
            errors = true;
        }
        if (!plan.missingPrograms.empty())
            errors = true;
    }
    if (errors)
        return ExitInvalid;
    return run.hasChanges() ? 3 : ExitOk;
}

} // namespace topolab::cli
