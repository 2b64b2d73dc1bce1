#include "postgres.h"

#include "core/deploy/hostaddress.h"
#include "core/deploy/shellquote.h"
#include "postgrescommon.h"
#include "postgresconfig.h"
#include "postgrestasks.h"
#include "rendertext.h"
#include "tincnetwork.h"

#include <csignal>
#include <map>

namespace topolab::core {

namespace {

// Standbys of one upstream need distinct slot names, which drop characters their ids keep.
void checkSlotNames(const TopologyIndex &index, const Component &db,
                    std::vector<RenderProblem> &problems)
{
    std::map<std::string, std::string> bySlot;
    for (const Component *s : ofKind(index.targets(db.id), ComponentKind::Database)) {
        const auto [it, added] = bySlot.emplace(postgres::slotName(s->id), s->id);
        if (!added) {
            problems.push_back({s->id, "standbys '" + it->second + "' and '" + s->id + "' of '"
                                           + db.id + "' would both use the replication slot '"
                                           + it->first + "'; rename one of them"});
        }
    }
}

// The service runs as postgres; its socket directory is under /run, which a reboot empties, so
// it is made (as root) before each start.
ServiceSpec postgresService(const Component &db, const DeployTarget &target, bool standby)
{
    const std::string confDir = postgres::configDir(db.id);
    const std::string socketDir = target.onHost(postgres::socketDir(db.id));
    ServiceSpec service;
    service.name = "topolab-" + db.id;
    service.description
        = "PostgreSQL 15 database " + db.id + (standby ? " (standby)" : " (primary)");
    service.command = {"/bin/sh",
                       "-c",
                       "install -d -o postgres -g postgres -m 0755 -- \"$0\" && exec setpriv "
                       "--reuid=postgres --regid=postgres --init-groups -- \"$@\"",
                       socketDir,
                       postgres::bin("postgres"),
                       "-D",
                       target.onHost(postgres::dataDir(db.id)),
                       "-c",
                       "config_file=" + target.onHost(confDir + "/postgresql.conf")};
    service.reload = ServiceSpec::Reload::Signal;
    service.reloadSignal = SIGHUP;
    service.stopSignal = SIGINT; // fast shutdown: ends sessions instead of waiting for them
    service.reloadOn = {confDir + "/pg_hba.conf"};
    service.restartOn = {confDir + "/postgresql.conf"};
    service.health.kind = HealthCheck::Kind::Command;
    service.health.command = shellCommand({postgres::bin("pg_isready"), "-q", "-h", socketDir, "-p",
                                           std::to_string(db.params.integer("port"))});
    service.health.waitS = standby ? 120 : 60;
    return service;
}

// A standby's password file and clone task; false with a problem when they cannot be rendered.
bool addStandbyParts(const TopologyIndex &index, const Component &db, const Component &up,
                     const DeployTarget &target, RenderInputs &inputs, DeployUnit &unit,
                     std::vector<RenderProblem> &problems)
{
    const std::string address = databasePeerAddress(index, db, up);
    if (!isHostNameOrAddress(address)) {
        problems.push_back({db.id, "standby '" + db.id + "' would reach '" + up.id + "' at '"
                                       + commentText(address)
                                       + "', which is neither an IP address nor a host name; fix "
                                         "its address in deploy.hosts"});
        return false;
    }
    const std::string secretName
        = postgres::replicationPasswordSecret(postgres::topPrimary(index, db));
    if (!inputs.secrets) {
        problems.push_back({db.id, "standby '" + db.id + "' needs the secret " + secretName
                                       + ", and no secrets file was given"});
        return false;
    }
    const std::string &password = inputs.secrets->get(secretName);
    if (const auto why = postgres::lineSecretProblem(password)) {
        problems.push_back({db.id, "the secret " + secretName + " cannot go in a password file: "
                                       + *why + "; set another one in the secrets file"});
        return false;
    }
    const CloneSource source{address, up.params.integer("port"), postgres::slotName(db.id)};
    const std::string passfile = postgres::configDir(db.id) + "/pgpass";
    unit.files.push_back({passfile,
                          postgres::pgpassLine(address, source.port, password),
                          0600,
                          true,
                          "postgres:postgres",
                          {}});
    unit.tasks.push_back(cloneTask(db, target, source));
    return true;
}

} // namespace

RenderResult renderPostgres(const TopologyIndex &index, const Component &db, RenderInputs &inputs)
{
    const Topology &topology = index.topology();
    const DeployTarget target = deployTarget(topology, db.id);
    RenderResult result;
    const Component *up = postgres::upstream(index, db);
    if (index.isStandby(db) && !up) {
        result.problems.push_back(
            {db.id, "standby '" + db.id + "' follows no database; link its primary to it"});
        return result;
    }
    checkSlotNames(index, db, result.problems);

    DeployUnit unit{db.id, target.host, {}, {}, {}, {}};
    const std::string confDir = postgres::configDir(db.id);
    // PostgreSQL reads the new file as the server would (`-C` prints one setting and exits), as
    // its own user since it refuses to run as root: a misspelt setting never reaches the server.
    unit.files.push_back({confDir + "/postgresql.conf",
                          renderPostgresqlConf(index, db, target, result.problems),
                          0644,
                          false,
                          {},
                          {"setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--",
                           postgres::bin("postgres"), "-C", "wal_level", "-c", "config_file={}"}});
    unit.files.push_back({confDir + "/pg_hba.conf",
                          renderPgHbaConf(index, db, result.problems),
                          0644,
                          false,
                          {},
                          {}});
    if (up) {
        if (!addStandbyParts(index, db, *up, target, inputs, unit, result.problems))
            return result;
    } else {
        unit.tasks.push_back(initdbTask(db, target));
        unit.tasks.push_back(replicationRoleTask(db, target));
    }
    unit.services.push_back(postgresService(db, target, up != nullptr));
    result.units.push_back(std::move(unit));
    return result;
}

} // namespace topolab::core
