#include "backupjob.h"

#include "backupjobscript.h"
#include "core/deploy/hostaddress.h"
#include "core/deploy/shellquote.h"
#include "postgrescommon.h"
#include "postgrestasks.h"
#include "rendertext.h"

#include <algorithm>
#include <cmath>
#include <csignal>

namespace topolab::core {

namespace {

// A URL path segment: RFC 3986 unreserved characters stay, everything else is %XX.
std::string percentEncoded(std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                                || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                                || c == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

// An http(s) URL without spaces or control characters, or nullopt.
std::optional<std::string> endpointUrl(const TopologyIndex &index, const Component &storage)
{
    std::string url = storage.params.text("endpoint");
    if (url.empty()) {
        std::string address = hostAddress(index.topology(), storage.id);
        if (ipFamily(address) == IpFamily::V6)
            address = "[" + address + "]";
        url = "https://" + address;
    }
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    const bool scheme = url.starts_with("https://") || url.starts_with("http://");
    const bool clean = std::none_of(url.begin(), url.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || u == 0x7f;
    });
    if (!scheme || !clean || url.size() <= std::string_view("https://").size())
        return std::nullopt;
    return url;
}

// The region goes into curl's --aws-sigv4 provider string, where a ':' would end it.
bool validS3Region(const std::string &region)
{
    return !region.empty() && std::all_of(region.begin(), region.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
               || c == '-' || c == '_';
    });
}

// A string of a curl config file: in double quotes, \ and " escaped.
std::string curlConfigString(std::string_view value)
{
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '\\' || c == '"')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

template<typename List> std::string idList(const List &components)
{
    std::string out;
    for (const Component *c : components)
        out += std::string(out.empty() ? "" : ", ") + c->id;
    return out;
}

} // namespace

RenderResult renderBackupJob(const TopologyIndex &index, const Component &backup,
                             RenderInputs &inputs)
{
    const Topology &topology = index.topology();
    const DeployTarget target = deployTarget(topology, backup.id);
    RenderResult result;
    auto &problems = result.problems;
    const auto problem = [&](const std::string &component, const std::string &message) {
        problems.push_back({component, message});
    };

    const auto databases = postgres::backedUpDatabases(index, backup);
    if (databases.size() != 1) {
        problem(backup.id, "backup '" + backup.id + "' copies "
                               + (databases.empty() ? std::string("no database")
                                                    : "the databases " + idList(databases))
                               + "; link it to the volume of exactly one database");
    }
    const auto storages = ofKind(index.targets(backup.id), ComponentKind::ObjectStorage);
    if (storages.size() != 1) {
        problem(backup.id, "backup '" + backup.id + "' writes to "
                               + (storages.empty() ? std::string("no object storage")
                                                   : "the object storages " + idList(storages))
                               + "; link it to exactly one object_storage");
    }
    if (!problems.empty())
        return result;
    const Component &db = *databases.front();
    const Component &storage = *storages.front();

    const auto endpoint = endpointUrl(index, storage);
    if (!endpoint) {
        problem(storage.id, "object storage '" + storage.id + "' has the endpoint '"
                                + commentText(storage.params.text("endpoint"))
                                + "', which is not an http:// or https:// URL");
    }
    const std::string &region = storage.params.text("s3_region");
    if (!validS3Region(region)) {
        problem(storage.id, "object storage '" + storage.id + "' has the s3_region '"
                                + commentText(region)
                                + "', which is not a region name (letters, digits, '-', '_')");
    }
    const std::string dbAddress = hostAddress(topology, db.id);
    if (!isHostNameOrAddress(dbAddress)) {
        problem(db.id, "database '" + db.id + "' has the address '" + commentText(dbAddress)
                           + "', which is neither an IP address nor a host name; fix it in "
                             "deploy.hosts");
    }
    const std::string accessName = storage.id + ".access_key";
    const std::string secretName = storage.id + ".secret_key";
    const std::string passwordName
        = postgres::replicationPasswordSecret(postgres::topPrimary(index, db));
    if (!inputs.secrets) {
        problem(backup.id, "backup '" + backup.id + "' needs the secrets " + passwordName + ", "
                               + accessName + " and " + secretName
                               + ", and no secrets file was given");
        return result;
    }
    const std::string *accessKey = inputs.secrets->find(accessName);
    const std::string *secretKey = inputs.secrets->find(secretName);
    if (!accessKey || !secretKey) {
        problem(storage.id,
                "object storage '" + storage.id + "' needs its credentials for backup '" + backup.id
                    + "': add " + accessName + " and " + secretName
                    + " to the topology's secrets file (NAME.topolab.secrets.yaml beside "
                      "NAME.topolab.yaml, mode 0600)");
    } else if (postgres::lineSecretProblem(*accessKey) || postgres::lineSecretProblem(*secretKey)
               || accessKey->find(':') != std::string::npos) {
        problem(storage.id, "the secrets " + accessName + " and " + secretName
                                + " cannot go in a curl config: they must be one line each, "
                                  "and the access key holds no ':'");
    }
    const std::string &password = inputs.secrets->get(passwordName);
    if (const auto why = postgres::lineSecretProblem(password))
        problem(db.id, "the secret " + passwordName + " cannot go in a password file: " + *why);
    if (!problems.empty())
        return result;

    const std::string dir = "/etc/topolab/backup/" + backup.id;
    const std::string stateDir = "/var/lib/topolab/backup/" + backup.id;
    const CloneSource source{dbAddress, db.params.integer("port"), postgres::slotName(backup.id)};
    std::string bucket = storage.params.text("bucket");
    if (bucket.empty())
        bucket = storage.id;

    BackupScriptSpec spec;
    spec.header = generatedHeader("#", topology.name,
                                  "backup " + backup.id + " of database " + db.id
                                      + " to object storage " + storage.id);
    spec.conninfo = replicationConninfo(source, target.onHost(dir + "/pgpass"));
    spec.curlConfig = target.onHost(dir + "/curl.conf");
    spec.s3Region = region;
    spec.bucketUrl = *endpoint + "/" + percentEncoded(bucket);
    spec.prefix = backup.id + "/";
    spec.queryPrefix = percentEncoded(spec.prefix);
    spec.retentionDays = backup.params.integer("retention_days");
    spec.stateDir = target.onHost(stateDir);

    DeployUnit unit{backup.id, target.host, {}, {}, {}, {}};
    unit.files.push_back({dir + "/backup.sh", renderBackupScript(spec), 0755, false, {}, {}});
    unit.files.push_back({dir + "/pgpass",
                          postgres::pgpassLine(dbAddress, source.port, password),
                          0600,
                          true,
                          {},
                          {}});
    unit.files.push_back(
        {dir + "/curl.conf",
         generatedHeader("#", topology.name, "credentials of object storage " + storage.id)
             + "user = " + curlConfigString(*accessKey + ":" + *secretKey) + "\n",
         0600,
         true,
         {},
         {}});

    const long long seconds
        = std::max(1LL, std::llround(backup.params.number("interval_h") * 3600.0));
    ServiceSpec service;
    service.name = "topolab-" + backup.id;
    service.description = "Backups of database " + db.id + " to " + storage.id;
    // A failed attempt (the database still starting, object storage briefly away) is tried
    // again within minutes, not a whole interval later.
    const long long retry = std::min(seconds, 300LL);
    service.command = {"/bin/sh", "-c",
                       "while :; do if \"$0\"; then sleep \"$1\"; else echo \"backup failed; next "
                       "attempt in $2 s\" >&2; sleep \"$2\"; fi; done",
                       target.onHost(dir + "/backup.sh"), std::to_string(seconds),
                       std::to_string(retry)};
    service.restartOn = {dir + "/backup.sh", dir + "/pgpass", dir + "/curl.conf"};
    service.health.kind = HealthCheck::Kind::Command;
    service.health.command = shellCommand({"test", "-e", target.onHost(stateDir + "/last-ok")});
    service.health.waitS = 120;
    unit.services.push_back(std::move(service));
    result.units.push_back(std::move(unit));
    return result;
}

} // namespace topolab::core
