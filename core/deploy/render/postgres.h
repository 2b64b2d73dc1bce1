#pragma once

#include "core/deploy/deployunit.h"
#include "core/deploy/renderinputs.h"
#include "core/model/topologyindex.h"

namespace topolab::core {

// What PostgreSQL 15 database `db` puts on its host: postgresql.conf and pg_hba.conf under
// /etc/topolab/postgresql/<id>, the service `topolab-<id>` (the postgres user, its own data
// directory and socket directory), and its one-time tasks. A primary initialises its cluster and
// creates the replication role (password: secret `<primary>.replication_password`); a standby
// holds that password in a 0600 password file and clones its upstream with pg_basebackup,
// through the vpn when the two are in different regions and share one.
RenderResult renderPostgres(const TopologyIndex &index, const Component &db, RenderInputs &inputs);

} // namespace topolab::core
