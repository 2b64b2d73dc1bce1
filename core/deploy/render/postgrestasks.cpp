#include "postgrestasks.h"

#include "core/deploy/shellquote.h"
#include "postgrescommon.h"

namespace topolab::core {

namespace {

// Runs the rest of the line as the postgres user: setpriv replaces itself with the program.
constexpr const char *asPostgres = "setpriv --reuid=postgres --regid=postgres --init-groups -- ";

// A sibling of the data directory that no component's data directory can be (ids never start
// with a dot), on the same file system so that the final rename is atomic.
std::string scratchDir(const Component &db, const DeployTarget &target, const std::string &what)
{
    return target.onHost("/var/lib/topolab/postgresql/." + db.id + "." + what);
}

// The opening of a task that fills the data directory: nothing to do once PG_VERSION is there.
std::string dataDirPrologue(const Component &db, const DeployTarget &target,
                            const std::string &scratch)
{
    return "set -eu\n"
           "cd /\n"
           "data="
           + shellQuote(target.onHost(postgres::dataDir(db.id)))
           + "\n"
             "scratch="
           + shellQuote(scratch)
           + "\n"
             "if [ -e \"$data/PG_VERSION\" ]; then exit 0; fi\n"
             "# A copy an interrupted run left half written.\n"
             "rm -rf -- \"$scratch\"\n"
             "install -d -o postgres -g postgres -m 0700 -- \"$scratch\"\n";
}

// The finished copy replaces the (empty or missing) data directory in one rename.
const char *const moveIntoPlace
    = "if [ -d \"$data\" ] && ! rmdir -- \"$data\" 2>/dev/null; then\n"
      "    echo \"$data holds files but no database cluster; move them away first\" >&2\n"
      "    exit 1\n"
      "fi\n"
      "mv -T -- \"$scratch\" \"$data\"\n";

} // namespace

HostTask initdbTask(const Component &db, const DeployTarget &target)
{
    HostTask task;
    task.name = "initialise the database cluster";
    task.when = HostTask::When::BeforeServices;
    task.creates = postgres::dataDir(db.id) + "/PG_VERSION";
    task.script = dataDirPrologue(db, target, scratchDir(db, target, "initdb"));
    task.script += asPostgres + shellQuote(postgres::bin("initdb"))
                   + " -D \"$scratch\" --encoding=UTF8 --locale=C.UTF-8 --auth-local=peer "
                     "--auth-host=scram-sha-256 >/dev/null\n";
    task.script += moveIntoPlace;
    return task;
}

HostTask replicationRoleTask(const Component &primary, const DeployTarget &target)
{
    const std::string role(postgres::replicationUser);
    const std::string marker = "/var/lib/topolab/postgresql/." + primary.id + ".replication-role";
    HostTask task;
    task.name = "create the replication role";
    task.when = HostTask::When::AfterServices;
    task.creates = marker;
    task.stdinSecret = postgres::replicationPasswordSecret(primary);
    task.timeoutS = 60;
    task.script = "set -eu\n"
                  "cd /\n"
                  "password=\n"
                  "IFS= read -r password || true\n"
                  "if [ -z \"$password\" ]; then echo 'no password on stdin' >&2; exit 1; fi\n"
                  "# An SQL string literal: each ' doubled.\n"
                  "literal=\n"
                  "rest=$password\n"
                  "while :; do\n"
                  "    case $rest in\n"
                  "    *\"'\"*) literal=$literal${rest%%\"'\"*}\"''\"; rest=${rest#*\"'\"} ;;\n"
                  "    *) literal=$literal$rest; break ;;\n"
                  "    esac\n"
                  "done\n";
    task.script += "printf '%s\\n' " + shellQuote("SET log_statement = 'none';") + " "
                   + shellQuote("SET log_min_error_statement = 'panic';") + " "
                   + shellQuote("SET synchronous_commit = 'local';") + " "
                   + shellQuote("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
                                + role + "') THEN CREATE ROLE " + role + "; END IF; END$$;")
                   + " \\\n    \"ALTER ROLE " + role
                   + " WITH LOGIN REPLICATION PASSWORD '$literal';\" \\\n";
    task.script += "    | " + std::string(asPostgres) + shellQuote(postgres::bin("psql"))
                   + " -X -q -v ON_ERROR_STOP=1 -h "
                   + shellQuote(target.onHost(postgres::socketDir(primary.id))) + " -p "
                   + std::to_string(primary.params.integer("port"))
                   + " -U postgres -d postgres -f -\n";
    task.script += "marker=" + shellQuote(target.onHost(marker)) + "\n";
    task.script += "mkdir -p -- \"${marker%/*}\"\n"
                   "touch -- \"$marker\"\n";
    return task;
}

std::string replicationConninfo(const CloneSource &source, const std::string &passfile)
{
    using postgres::conninfoValue;
    return "host=" + conninfoValue(source.host) + " port=" + std::to_string(source.port) + " user="
           + std::string(postgres::replicationUser) + " passfile=" + conninfoValue(passfile)
           + " application_name=" + conninfoValue(source.slot) + " connect_timeout=10";
}

HostTask cloneTask(const Component &standby, const DeployTarget &target, const CloneSource &source)
{
    const std::string passfile = target.onHost(postgres::configDir(standby.id) + "/pgpass");
    HostTask task;
    task.name = "clone the primary";
    task.when = HostTask::When::BeforeServices;
    task.creates = postgres::dataDir(standby.id) + "/PG_VERSION";
    task.timeoutS = 3600;
    task.script = dataDirPrologue(standby, target, scratchDir(standby, target, "clone"));
    task.script += "conninfo=" + shellQuote(replicationConninfo(source, passfile)) + "\n";
    task.script += "# The slot an earlier failed clone created would refuse -C.\n";
    task.script += asPostgres + shellQuote(postgres::bin("pg_receivewal"))
                   + " -d \"$conninfo\" -w --drop-slot --slot=" + shellQuote(source.slot)
                   + " 2>/dev/null || true\n";
    task.script += asPostgres + shellQuote(postgres::bin("pg_basebackup"))
                   + " -d \"$conninfo\" -w -D \"$scratch\" -R -X stream -C -S "
                   + shellQuote(source.slot) + " --checkpoint=fast\n";
    task.script += moveIntoPlace;
    return task;
}

} // namespace topolab::core
