#include "postgresconfig.h"

#include "postgrescommon.h"
#include "rendertext.h"
#include "tincnetwork.h"

#include <algorithm>
#include <set>

namespace topolab::core {

namespace {

using postgres::confString;

std::vector<const Component *> standbysOf(const TopologyIndex &index, const Component &db)
{
    return ofKind(index.targets(db.id), ComponentKind::Database);
}

// A standby's max_connections may not be lower than its upstream's, or it refuses to start.
std::int64_t effectiveMaxConnections(const TopologyIndex &index, const Component &db,
                                     std::set<std::string> &seen)
{
    std::int64_t own = db.params.integer("max_connections");
    if (!seen.insert(db.id).second)
        return own;
    if (const Component *up = postgres::upstream(index, db))
        own = std::max(own, effectiveMaxConnections(index, *up, seen));
    return own;
}

// WAL senders and slots for the busiest member of the replica set, the same on every member
// (a standby needs at least as many as its primary): a streaming clone holds two connections.
std::int64_t replicationSenders(const TopologyIndex &index, const Component &db)
{
    std::size_t busiest = 0;
    for (const Component *member : index.replicaSet(postgres::topPrimary(index, db))) {
        busiest = std::max(busiest, standbysOf(index, *member).size()
                                        + postgres::backupsOf(index, *member).size());
    }
    return std::max<std::int64_t>(10, 2 * std::int64_t(busiest) + 2);
}

bool inAnyVpn(const TopologyIndex &index, const Component &db)
{
    for (const Component *vpn : index.topology().componentsOfKind(ComponentKind::Vpn)) {
        if (tincNetwork(index, *vpn).member(db.id))
            return true;
    }
    return false;
}

// A directory in a comma-separated list setting: in double quotes, so a comma or a space in the
// host's root stays part of the name.
std::string listElement(const std::string &path)
{
    std::string quoted = "\"";
    for (char c : path) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

// The ADDRESS field of a pg_hba.conf line for one peer, or empty when `address` cannot be one.
std::string hbaAddress(const std::string &address)
{
    if (const auto family = ipFamily(address))
        return address + (*family == IpFamily::V6 ? "/128" : "/32");
    return isHostName(address) ? address : std::string();
}

std::string hbaLine(const std::string &type, const std::string &database, const std::string &user,
                    const std::string &address, const std::string &method,
                    const std::string &comment = {})
{
    const auto column = [](std::string text, std::size_t width) {
        text += ' ';
        if (text.size() < width)
            text.append(width - text.size(), ' ');
        return text;
    };
    std::string line
        = column(type, 8) + column(database, 13) + column(user, 12) + column(address, 26) + method;
    if (!comment.empty())
        line += "  # " + comment;
    return line + "\n";
}

} // namespace

std::string renderPostgresqlConf(const TopologyIndex &index, const Component &db,
                                 const DeployTarget &target, std::vector<RenderProblem> &problems)
{
    const Topology &topology = index.topology();
    const bool standby = index.isStandby(db);
    const std::string data = target.onHost(postgres::dataDir(db.id));
    std::string conf = generatedHeader("#", topology.name,
                                       "PostgreSQL 15, database " + db.id
                                           + (standby ? " (standby)" : " (primary)"));

    conf += "\n# Files\n";
    conf += "data_directory = " + confString(data) + "\n";
    conf += "hba_file = " + confString(target.onHost(postgres::configDir(db.id) + "/pg_hba.conf"))
            + "\n";
    conf += "ident_file = " + confString(data + "/pg_ident.conf") + "\n";
    conf += "cluster_name = " + confString(db.id) + "\n";

    conf += "\n# Connections\n";
    const std::string address = hostAddress(topology, db.id);
    if (inAnyVpn(index, db)) {
        conf += "# Every interface: the tunnel's address exists only while tincd runs.\n";
        conf += "listen_addresses = '*'\n";
    } else if (ipFamily(address)) {
        conf += "listen_addresses = " + confString(address) + "\n";
    } else {
        conf += "# Every interface: the deploy host has a name, not an IP address.\n";
        conf += "listen_addresses = '*'\n";
    }
    conf += "port = " + std::to_string(db.params.integer("port")) + "\n";
    std::set<std::string> seen;
    const std::int64_t connections = effectiveMaxConnections(index, db, seen);
    if (connections != db.params.integer("max_connections"))
        conf += "# Raised to its upstream's: a standby may not allow fewer connections.\n";
    conf += "max_connections = " + std::to_string(connections) + "\n";
    conf += "unix_socket_directories = "
            + confString(listElement(target.onHost(postgres::socketDir(db.id)))) + "\n";

    conf += "\n# Streaming replication\n";
    const std::string senders = std::to_string(replicationSenders(index, db));
    conf += "wal_level = replica\n";
    conf += "max_wal_senders = " + senders + "\n";
    conf += "max_replication_slots = " + senders + "\n";
    conf += "wal_keep_size = '1GB'\n";
    conf += "hot_standby = on\n";
    std::string syncNames;
    for (const Component *s : standbysOf(index, db)) {
        if (s->params.text("replication") != "sync")
            continue;
        if (standby) {
            problems.push_back(
                {s->id, "standby '" + s->id + "' replicates synchronously from '" + db.id
                            + "', itself a standby: PostgreSQL cascades only asynchronously; "
                              "link it to the primary, or set its replication to async"});
            continue;
        }
        syncNames
            += std::string(syncNames.empty() ? "" : ", ") + "\"" + postgres::slotName(s->id) + "\"";
    }
    if (!syncNames.empty()) {
        conf += "# A commit waits until one synchronous standby has it.\n";
        conf += "synchronous_standby_names = " + confString("ANY 1 (" + syncNames + ")") + "\n";
    }
    if (const Component *up = postgres::upstream(index, db)) {
        conf += "# Follows " + up->id + " at " + commentText(databasePeerAddress(index, db, *up))
                + " port " + std::to_string(up->params.integer("port")) + " through slot "
                + postgres::slotName(db.id)
                + ": primary_conninfo is in postgresql.auto.conf, written by the clone.\n";
    }
    return conf;
}

std::string renderPgHbaConf(const TopologyIndex &index, const Component &db,
                            std::vector<RenderProblem> &problems)
{
    const Topology &topology = index.topology();
    std::string hba = generatedHeader("#", topology.name, "PostgreSQL 15, database " + db.id);
    hba += hbaLine("# TYPE", "DATABASE", "USER", "ADDRESS", "METHOD");
    hba += hbaLine("local", "all", "postgres", "", "peer");
    const std::string user(postgres::replicationUser);
    const auto add
        = [&](const Component &peer, const std::string &address, const std::string &database,
              const std::string &role, const std::string &what) {
              const std::string field = hbaAddress(address);
              if (field.empty()) {
                  problems.push_back(
                      {peer.id, what + " '" + peer.id + "' connects to database '" + db.id
                                    + "' from '" + commentText(address)
                                    + "', which is neither an IP address nor a host name; fix its "
                                      "address in deploy.hosts"});
                  return;
              }
              hba += hbaLine("host", database, role, field, "scram-sha-256", what + " " + peer.id);
          };
    for (const Component *s : standbysOf(index, db))
        add(*s, databasePeerAddress(index, db, *s), "replication", user, "standby");
    for (const Component *b : postgres::backupsOf(index, db))
        add(*b, hostAddress(topology, b->id), "replication", user, "backup");
    for (const Component *app : ofKind(index.sources(db.id), ComponentKind::AppServer))
        add(*app, hostAddress(topology, app->id), "all", "all", "app server");
    return hba;
}

} // namespace topolab::core
