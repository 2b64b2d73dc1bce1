#pragma once

#include "core/deploy/deployunit.h"
#include "core/deploy/hostconnection.h"
#include "core/deploy/remotehost.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace topolab::core {

// A file as the host has it.
struct RemoteFile
{
    bool exists = false;
    bool regular = true; // false: something else is in the way (a directory, a device)
    std::string content;
    unsigned mode = 0;
    std::string owner; // user:group
};

// What a plan compares against: the deploy's files, the markers of one-time tasks, the state of
// the services, the programs the host lacks, and the journal a failed run left. Keyed by logical
// path (before the root prefix) and service name.
struct HostState
{
    std::map<std::string, RemoteFile> files;
    std::set<std::string> existing;        // task markers (`creates`) that exist
    std::set<std::string> running;         // services that run
    std::vector<std::string> missingPrograms;
    std::string journal;                   // the journal's text; empty when there is none
};

// Logical path of the journal on every host.
inline constexpr const char *journalPath = "/var/lib/topolab/deploy.journal";

// Reads everything the units need from one host in one command (one round trip). Throws
// DeployError when the host answers with something that cannot be read.
HostState readHostState(RemoteHost &remote, const HostConnection &host,
                        const std::vector<const DeployUnit *> &units);

// The programs a host needs for `units`: each service's program, each file check's, and the
// tools the deploy itself runs there (curl for HTTP checks, setpriv for other users).
std::vector<std::string> requiredPrograms(const HostConnection &host,
                                          const std::vector<const DeployUnit *> &units);

} // namespace topolab::core
