#pragma once

#include <cstdint>
#include <string>

namespace topolab::core {

// What one backup job's script needs; paths already carry the host's root.
struct BackupScriptSpec
{
    std::string header;     // the generated-file comment line
    std::string conninfo;   // libpq connection string to the database, with its password file
    std::string curlConfig; // curl config holding the object storage's credentials
    std::string s3Region;
    std::string bucketUrl;   // endpoint and bucket, no trailing slash
    std::string prefix;      // "<backup id>/": every key the job writes or deletes starts with it
    std::string queryPrefix; // the prefix percent-encoded for a query string: "<backup id>%2F"
    std::int64_t retentionDays = 7;
    std::string stateDir; // spool file and last-ok
};

// The backup script, POSIX sh with every value quoted: a base backup of the whole cluster
// (pg_basebackup, gzip-compressed tar with the WAL it needs) spooled to a file, because S3 wants
// the length of an upload before it starts; uploaded as `<prefix><UTC stamp>.tar.gz` with
// AWS Signature Version 4; then the job's own keys older than the retention are listed
// (ListObjectsV2, oldest first, page by page) and deleted, and `<stateDir>/last-ok` names the new
// backup.
// Any failure stops the script with a non-zero status before last-ok is written.
std::string renderBackupScript(const BackupScriptSpec &spec);

} // namespace topolab::core
