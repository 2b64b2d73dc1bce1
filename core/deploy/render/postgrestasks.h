#pragma once

#include "core/deploy/deployunit.h"
#include "core/deploy/hostaddress.h"
#include "core/model/topology.h"

#include <cstdint>
#include <string>

namespace topolab::core {

// The one-time steps of a PostgreSQL deploy, as POSIX sh with every value quoted. A step that
// an interruption could leave half done works in a scratch directory beside the data directory
// and renames it into place, so `creates` (the data directory's PG_VERSION) means finished.

// initdb of a primary's cluster, run as postgres.
HostTask initdbTask(const Component &db, const DeployTarget &target);

// Creates or updates the role standbys and backups log in with, from the password fed on stdin:
// the SQL is built by the shell's printf builtin and read by psql from stdin, so the password is
// on no command line; the statements are kept out of the server log and do not wait for a
// synchronous standby (none can exist before the role does).
HostTask replicationRoleTask(const Component &primary, const DeployTarget &target);

// Where a standby clones from, as it reaches its upstream.
struct CloneSource
{
    std::string host;
    std::int64_t port = 5432;
    std::string slot; // the standby's replication slot and application name
};

// pg_basebackup of the upstream into the standby's data directory, run as postgres with the
// password file: -R makes it a standby of that upstream, -C -S creates its replication slot
// (first dropping one an earlier failed attempt left).
HostTask cloneTask(const Component &standby, const DeployTarget &target, const CloneSource &source);

// The libpq connection string a standby or backup uses towards `source`.
std::string replicationConninfo(const CloneSource &source, const std::string &passfile);

} // namespace topolab::core
