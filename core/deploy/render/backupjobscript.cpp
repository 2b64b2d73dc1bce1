#include "backupjobscript.h"

#include "core/deploy/shellquote.h"
#include "postgrescommon.h"

namespace topolab::core {

namespace {

// Everything after the values: it refers to them only as "$variables".
constexpr const char *body = R"sh(
s3() {
    curl -sS --fail --retry 3 -K "$curl_config" --aws-sigv4 "$sigv4" \
        -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' "$@"
}

mkdir -p -- "$state"
spool=$state/upload.tar.gz
listing_keys=$state/listing
trap 'rm -f -- "$spool" "$listing_keys"' EXIT
stamp=$(date -u +%Y%m%dT%H%M%SZ)
uploaded=$prefix$stamp.tar.gz

# The whole cluster as one gzip-compressed tar, with the WAL needed to restore it.
"$pg_basebackup" -d "$conninfo" -w -D - -F tar -X fetch -z --checkpoint=fast > "$spool"
s3 -o /dev/null -T "$spool" --url "$bucket_url/$uploaded"
echo "uploaded $uploaded"

# Retention: the job's keys carry their UTC time and sort by it. The oldest are listed page by
# page (ListObjectsV2) and deleted until one is young enough to keep. The query is written out
# with upper-case percent-encoding and its parameters in order, as Signature Version 4 signs it.
cutoff=$(date -u -d "@$(( $(date +%s) - retention_days * 86400 ))" +%Y%m%d%H%M%S)
after=
while :; do
    query="list-type=2&prefix=$query_prefix"
    if [ -n "$after" ]; then
        query="$query&start-after=$query_prefix$after"
    fi
    listing=$(s3 --url "$bucket_url?$query")
    printf '%s\n' "$listing" | tr '<' '\n' | sed -n 's/^Key>//p' > "$listing_keys"
    last=
    young=
    while IFS= read -r key; do
        name=${key#"$prefix"}
        case $name in
        [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z.tar.gz) ;;
        *) continue ;;
        esac
        last=$name
        when=${name%%T*}${name#*T}
        when=${when%Z.tar.gz}
        if [ "$when" -ge "$cutoff" ]; then
            young=yes
            break
        fi
        s3 -o /dev/null -X DELETE --url "$bucket_url/$key"
        echo "deleted $key"
    done < "$listing_keys"
    [ -z "$young" ] || break
    case $listing in
    *'<IsTruncated>true</IsTruncated>'*) ;;
    *) break ;;
    esac
    # The next page starts after the last of the job's keys on this one.
    if [ -z "$last" ] || [ "$last" = "$after" ]; then
        break
    fi
    after=$last
done

printf '%s\n' "$uploaded" > "$state/last-ok.new"
mv -f -- "$state/last-ok.new" "$state/last-ok"
)sh";

std::string assignment(const char *name, const std::string &value)
{
    return std::string(name) + "=" + shellQuote(value) + "\n";
}

} // namespace

std::string renderBackupScript(const BackupScriptSpec &spec)
{
    std::string script = "#!/bin/sh\n" + spec.header;
    script += "set -eu\n"
              "umask 077\n"
              "cd /\n\n";
    script += assignment("pg_basebackup", postgres::bin("pg_basebackup"));
    script += assignment("conninfo", spec.conninfo);
    script += assignment("curl_config", spec.curlConfig);
    script += assignment("sigv4", "aws:amz:" + spec.s3Region + ":s3");
    script += assignment("bucket_url", spec.bucketUrl);
    script += assignment("prefix", spec.prefix);
    script += assignment("query_prefix", spec.queryPrefix);
    script += assignment("retention_days", std::to_string(spec.retentionDays));
    script += assignment("state", spec.stateDir);
    script += body;
    return script;
}

} // namespace topolab::core
