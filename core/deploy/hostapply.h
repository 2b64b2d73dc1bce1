#pragma once

#include "core/deploy/hostconnection.h"
#include "core/deploy/hostlog.h"
#include "core/deploy/hostplan.h"
#include "core/deploy/remotehost.h"
#include "core/deploy/secretstore.h"

#include <functional>
#include <string>
#include <vector>

namespace topolab::core {

// Applies the unit plans of one tier on one host, step by step:
//   1. stage every new or changed file as `X.topolab-new` (created with its final mode), set
//      its owner and run its check there, so a config the host's own tool refuses never
//      replaces a working one;
//   2. write the journal, keep each old file as `X.topolab-prev`, `mv -f` the new ones in;
//   3. the one-time tasks, the service actions, then the health checks;
//   4. clear the journal.
// A failure after step 2 rolls the host back: old files back in place, new ones removed,
// services restarted on the old files or stopped if this run started them.
class HostApply
{
public:
    using Step = std::function<void(const std::string &step, int done, int total)>;

    HostApply(RemoteHost &remote, const HostConnection &host, const SecretStore &secrets,
              HostLog &log, Step step = {});

    // The journal entries a run has yet to see through, initially those a failed run left.
    void setJournal(std::vector<std::pair<std::string, ServiceAction::Kind>> pending)
    {
        mJournal = std::move(pending);
    }

    // One-time tasks of one phase (BeforeFiles runs before the tier's facts are read).
    void runTasks(const std::vector<UnitPlan> &plans, HostTask::When when);
    // Steps 1–4 for the rest of the plans; throws DeployError after rolling back.
    // Returns whether the host was rolled back on failure (false if nothing had been swapped).
    void apply(const std::vector<UnitPlan> &plans);
    bool rolledBack() const { return mRolledBack; }
    const std::vector<std::pair<std::string, ServiceAction::Kind>> &journal() const
    {
        return mJournal;
    }

private:
    CommandResult run(const std::string &what, const std::string &command,
                      const std::string &stdinData = {}, int timeoutS = 60);
    void require(const std::string &what, const CommandResult &result);
    void stage(const std::vector<UnitPlan> &plans);
    void swap(const std::vector<UnitPlan> &plans);
    void actOnServices(const std::vector<UnitPlan> &plans);
    void checkHealth(const std::vector<UnitPlan> &plans);
    void rollback(const std::vector<UnitPlan> &plans);
    std::string journalWrite() const;

    RemoteHost &mRemote;
    const HostConnection &mHost;
    const SecretStore &mSecrets;
    HostLog &mLog;
    Step mStep;
    std::vector<std::pair<std::string, ServiceAction::Kind>> mJournal;
    bool mRolledBack = false;
};

} // namespace topolab::core
