#pragma once

#include "core/deploy/deployunit.h"
#include "core/deploy/renderinputs.h"
#include "core/model/topologyindex.h"

namespace topolab::core {

// What backup component `backup` puts on its host: a script under /etc/topolab/backup/<id> that
// takes a base backup of the database on the volume it copies and uploads it to the object
// storage it links to, a password file for the database (secret `<primary>.replication_password`)
// and a curl config with the storage's credentials (user-given secrets `<storage>.access_key`
// and `<storage>.secret_key`), both 0600; and the service `topolab-<id>` that runs the script
// at start and every interval_h, healthy once a backup succeeded. Object storage itself is a
// managed service and deploys nothing.
RenderResult renderBackupJob(const TopologyIndex &index, const Component &backup,
                             RenderInputs &inputs);

} // namespace topolab::core
