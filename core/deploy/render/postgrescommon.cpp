#include "postgrescommon.h"

#include <set>

namespace topolab::core::postgres {

std::string bin(std::string_view program)
{
    return std::string(binDir) + std::string(program);
}

std::string configDir(const std::string &id)
{
    return "/etc/topolab/postgresql/" + id;
}

std::string dataDir(const std::string &id)
{
    return "/var/lib/topolab/postgresql/" + id;
}

std::string socketDir(const std::string &id)
{
    return "/run/topolab/postgresql-" + id;
}

const Component *upstream(const TopologyIndex &index, const Component &database)
{
    for (const Component *source : index.sources(database.id)) {
        if (source->kind == ComponentKind::Database)
            return source;
    }
    return nullptr;
}

const Component &topPrimary(const TopologyIndex &index, const Component &database)
{
    const Component *top = &database;
    std::set<std::string> seen = {database.id};
    while (const Component *up = upstream(index, *top)) {
        if (!seen.insert(up->id).second)
            break; // a replication cycle, which validation reports
        top = up;
    }
    return *top;
}

std::string replicationPasswordSecret(const Component &primary)
{
    return primary.id + ".replication_password";
}

namespace {

// Components joined to `id` by a link in either direction.
std::vector<const Component *> linked(const TopologyIndex &index, const std::string &id)
{
    std::vector<const Component *> all = index.targets(id);
    for (const Component *c : index.sources(id))
        all.push_back(c);
    return all;
}

void addUnique(std::vector<const Component *> &list, const Component *c)
{
    for (const Component *known : list) {
        if (known == c)
            return;
    }
    list.push_back(c);
}

} // namespace

std::vector<const Component *> backupsOf(const TopologyIndex &index, const Component &database)
{
    std::vector<const Component *> backups;
    for (const Component *volume : ofKind(linked(index, database.id), ComponentKind::Volume)) {
        for (const Component *backup : ofKind(index.sources(volume->id), ComponentKind::Backup))
            addUnique(backups, backup);
    }
    return backups;
}

std::vector<const Component *> backedUpDatabases(const TopologyIndex &index,
                                                 const Component &backup)
{
    std::vector<const Component *> databases;
    for (const Component *volume : ofKind(index.targets(backup.id), ComponentKind::Volume)) {
        for (const Component *db : ofKind(linked(index, volume->id), ComponentKind::Database))
            addUnique(databases, db);
    }
    return databases;
}

std::string slotName(std::string_view id)
{
    std::string name;
    for (char c : id) {
        if (c >= 'A' && c <= 'Z')
            name += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
            name += c;
        else
            name += '_';
        if (name.size() == 63)
            break;
    }
    return name;
}

std::string confString(std::string_view value)
{
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\'')
            quoted += '\'';
        quoted += c;
    }
    return quoted + "'";
}

std::string conninfoValue(std::string_view value)
{
    const bool plain
        = !value.empty() && value.find_first_of(" \t\n\r\f\v'\\") == std::string_view::npos;
    if (plain)
        return std::string(value);
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "'";
}

std::string pgpassField(std::string_view value)
{
    std::string escaped;
    for (char c : value) {
        if (c == ':' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    return escaped;
}

std::string pgpassLine(const std::string &host, std::int64_t port, std::string_view password)
{
    return pgpassField(host) + ":" + std::to_string(port)
           + ":replication:" + std::string(replicationUser) + ":" + pgpassField(password) + "\n";
}

std::optional<std::string> lineSecretProblem(std::string_view value)
{
    for (char c : value) {
        if (c == '\n' || c == '\r' || c == '\0')
            return std::string("it holds a line break or a NUL byte");
    }
    if (value.empty())
        return std::string("it is empty");
    return std::nullopt;
}

} // namespace topolab::core::postgres
