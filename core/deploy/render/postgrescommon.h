#pragma once

#include "core/model/topologyindex.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace topolab::core {

// Where PostgreSQL 15 lives on a Debian host, and the names a database's deploy shares with the
// standbys and backups that copy it: its paths (logical, before the host's root), its
// replication role and the secret holding that role's password.
namespace postgres {

inline constexpr std::string_view binDir = "/usr/lib/postgresql/15/bin/";
inline constexpr std::string_view replicationUser = "replicator";

std::string bin(std::string_view program);    // "/usr/lib/postgresql/15/bin/<program>"
std::string configDir(const std::string &id); // /etc/topolab/postgresql/<id>
std::string dataDir(const std::string &id);   // /var/lib/topolab/postgresql/<id>
std::string socketDir(const std::string &id); // /run/topolab/postgresql-<id>

// The database `database` replicates from (the source of its replication link), or nullptr.
const Component *upstream(const TopologyIndex &index, const Component &database);
// The primary at the top of `database`'s cascade: the database itself when it has no upstream.
const Component &topPrimary(const TopologyIndex &index, const Component &database);
// The secret holding the password of the replication role of `primary`'s replica set.
std::string replicationPasswordSecret(const Component &primary);
// The backups that take base backups of `database`: those linked to a volume it stores on.
std::vector<const Component *> backupsOf(const TopologyIndex &index, const Component &database);
// The databases whose files are on the volumes `backup` copies, in the file's link order.
std::vector<const Component *> backedUpDatabases(const TopologyIndex &index,
                                                 const Component &backup);

// `id` as a replication slot name and application name: lower-case letters, digits and
// underscores, at most 63 characters ("DB-2.a" → "db_2_a").
std::string slotName(std::string_view id);

// A string value of postgresql.conf: in single quotes, each ' doubled.
std::string confString(std::string_view value);
// A value of a libpq connection string: as it is when it has no space, quote or backslash, else
// in single quotes with ' and \ escaped by \.
std::string conninfoValue(std::string_view value);
// A field of a password file: ':' and '\' escaped with '\'.
std::string pgpassField(std::string_view value);
// One line of a password file granting `user` on the replication pseudo-database of host:port.
std::string pgpassLine(const std::string &host, std::int64_t port, std::string_view password);

// Why a secret cannot travel in a one-line file (a password file, a curl config): it holds a
// line break or a NUL byte. nullopt when it can.
std::optional<std::string> lineSecretProblem(std::string_view value);

} // namespace postgres

} // namespace topolab::core
