#pragma once

#include "core/deploy/hostaddress.h"
#include "core/deploy/renderedfile.h"
#include "core/model/topologyindex.h"

#include <string>
#include <vector>

namespace topolab::core {

// The postgresql.conf of database `db` on `target`: its paths under the host's root (data
// directory, pg_hba.conf, its own socket directory), where it listens, its connection limit, and
// what streaming replication needs: WAL for replicas, enough WAL senders and slots for every
// standby and backup of its replica set, hot standby, and the synchronous standbys that follow
// it. A standby never allows fewer connections than its upstream, which PostgreSQL requires.
std::string renderPostgresqlConf(const TopologyIndex &index, const Component &db,
                                 const DeployTarget &target, std::vector<RenderProblem> &problems);

// The pg_hba.conf of database `db`: peer authentication for the postgres user over the socket,
// replication for each standby following it and each backup copying it, and every database for
// the app servers linked to it, all from one address each with scram-sha-256.
std::string renderPgHbaConf(const TopologyIndex &index, const Component &db,
                            std::vector<RenderProblem> &problems);

} // namespace topolab::core
