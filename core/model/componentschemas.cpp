#include "schemas.h"

#include <limits>

// Defaults come from docs/simulation.md's sources: HAProxy's documented check timing,
// Route 53 / Cloudflare provider behaviour, Patroni and PostgreSQL streaming replication,
// and tinc 1.1's ping defaults.
namespace topolab::core {

namespace {

constexpr double unbounded = 1e12;
constexpr std::int64_t maxTtl = std::numeric_limits<std::int32_t>::max(); // RFC 2181 §8

ParamSchema dnsSchema()
{
    return {{
        textParam("hostname", "Host name", "www.example.com", "The name clients resolve."),
        choiceParam("policy", "Answer policy", "round_robin",
                    {"round_robin", "active_standby", "geo"},
                    "How the provider answers: every LB (round_robin), the first healthy one "
                    "(active_standby), or the LBs of the client's region (geo)."),
        integerParam("ttl_s", "Record TTL", 300, 0, maxTtl, "s",
                     "Record TTL: how long resolvers cache an answer."),
        numberParam("propagation_s", "Propagation delay", 30, 0, 86400, "s",
                    "Provider delay from a record change to all authoritative servers."),
        numberParam("lookup_ms", "Lookup time", 20, 0, 60000, "ms",
                    "Resolution latency on a cache miss."),
        groupParam("health_check", "Health check",
                   {numberParam("interval_s", "Interval", 10, 1, 3600, "s",
                                "Time between provider checks."),
                    integerParam("fall", "Failed checks", 3, 1, 100, "",
                                 "Consecutive failed checks before a record is withdrawn.")},
                   true,
                   "Provider health checks of the load balancers; absent = a dead LB "
                   "stays in DNS until someone edits the record."),
        integerParam("port", "Port", 53, 1, 65535, "",
                     "Port the deployed name server answers on."),
    }};
}

ParamSchema loadBalancerSchema()
{
    return {{
        choiceParam("algorithm", "Algorithm", "roundrobin", {"roundrobin", "leastconn", "random"},
                    "HAProxy balance algorithm."),
        groupParam(
            "health_check", "Health check",
            {numberParam("inter_ms", "Interval", 2000, 1, 3600000, "ms", "Time between checks."),
             integerParam("fall", "Failed checks", 3, 1, 100, "",
                          "Failed checks before a server is DOWN."),
             integerParam("rise", "Passed checks", 2, 1, 100, "",
                          "Passed checks before a server is UP.")},
            false, "Active checks of every app server (HAProxy `check`)."),
        integerParam("retries", "Retries", 3, 0, 100, "", "Connection retries before giving up."),
        boolParam("redispatch", "Redispatch on retry", true,
                  "The last retry may go to another server."),
        numberParam("overhead_ms", "Overhead", 0.2, 0, 60000, "ms", "Processing time per request."),
        numberParam("connect_timeout_ms", "Connect timeout", 5000, 0, 3600000, "ms",
                    "HAProxy `timeout connect` towards app servers."),
        numberParam("server_timeout_ms", "Server timeout", 30000, 1, 3600000, "ms",
                    "HAProxy `timeout server`: a request to a silent backend fails after this "
                    "long."),
        integerParam("maxconn", "Connections per server", 0, 0, 10000000, "",
                     "Concurrent requests per server before HAProxy queues; 0 = no limit."),
        integerParam("port", "Port", 80, 1, 65535, "", "Port clients connect to."),
    }};
}

ParamSchema appServerSchema()
{
    return {{
        integerParam("workers", "Workers", 8, 1, 100000, "", "Requests served concurrently."),
        groupParam("service_ms", "Service time",
                   {choiceParam("dist", "Distribution", "exponential",
                                {"exponential", "deterministic", "lognormal"},
                                "Service-time distribution."),
                    numberParam("mean", "Mean", 20, 0, unbounded, "ms", "Mean service time."),
                    numberParam("cv", "Variation (CV)", 1, 0, 100, "",
                                "Coefficient of variation (lognormal only).")},
                   false, "CPU time of one request, database waits excluded."),
        integerParam("queue_limit", "Queue limit", 100, 0, 10000000, "",
                     "Requests waiting beyond the workers; 0 = none (excess is refused)."),
        numberParam("db_queries", "Queries per request", 2, 0, 10000, "",
                    "Database queries per request; 0 = none."),
        integerParam("port", "Port", 8080, 1, 65535, "", "Port the app listens on."),
        textParam("command", "Command", "",
                  "Program and arguments the deploy runs, split on whitespace, no shell; "
                  "{artifact} stands for the artifact's path on the host. Empty = the artifact, or "
                  "else the bundled demo app."),
        textParam("artifact", "Artifact", "",
                  "A local file (relative to the topology file's folder) uploaded to "
                  "/opt/topolab/<id>/ with mode 0755; empty = none."),
        groupParam("autoscale", "Autoscaling",
                   {integerParam("max_instances", "Max instances", 4, 1, 10000, "",
                                 "Most instances running at once, the first included."),
                    numberParam("boot_s", "Boot time", 60, 0, 86400, "s",
                                "Time from the decision to add an instance until it serves."),
                    numberParam("check_s", "Check interval", 30, 1, 86400, "s",
                                "Time between scaling decisions."),
                    numberParam("scale_out_utilization", "Scale out above", 0.8, 0, 1, "share",
                                "Add an instance when the workers are busier than this."),
                    numberParam("scale_in_utilization", "Scale in below", 0.3, 0, 1, "share",
                                "Drain and remove an instance when the workers are less busy than "
                                "this.")},
                   true,
                   "Instances created and destroyed on demand behind the same load balancers; "
                   "absent = one fixed instance."),
    }};
}

ParamSchema objectStorageSchema()
{
    return {{
        numberParam("latency_ms", "Latency", 30, 0, 600000, "ms", "Time to serve one object."),
        textParam("endpoint", "Endpoint", "",
                  "S3 API URL backups are sent to; empty = https:// and the address of its deploy "
                  "host."),
        textParam("bucket", "Bucket", "", "Bucket backups are written to; empty = its id."),
        textParam("s3_region", "S3 region", "us-east-1",
                  "Region named in the requests' signatures (AWS Signature Version 4)."),
    }};
}

ParamSchema databaseSchema()
{
    return {{
        choiceParam("role", "Role", "primary", {"primary", "standby"},
                    "primary accepts writes; standby follows a primary."),
        choiceParam("replication", "Replication", "async", {"async", "sync"},
                    "On a standby: asynchronous streaming, or synchronous commit."),
        numberParam("query_ms", "Query time", 2, 0, unbounded, "ms", "Mean CPU time of one query."),
        integerParam("cpus", "CPUs", 4, 1, 4096, "", "Queries executed concurrently."),
        integerParam("max_connections", "Max connections", 100, 1, 1000000, "",
                     "PostgreSQL max_connections."),
        numberParam("replication_lag_ms", "Replication lag", 100, 0, unbounded, "ms",
                    "Steady-state asynchronous lag of a standby."),
        boolParam("serves_reads", "Serves reads", false,
                  "On a standby: app servers may read from it."),
        numberParam("promote_s", "Promotion time", 5, 0, 86400, "s",
                    "Time to promote a standby once chosen."),
        numberParam("detect_s", "Failure detection", 30, 0, 86400, "s",
                    "Failure detection before failover (Patroni ttl)."),
        numberParam("recreate_s", "Recreate time", 300, 0, 864000, "s",
                    "Time to recreate a lost instance and reattach its volume."),
        numberParam("commit_ack_ms", "Sync commit ack", 1, 0, 600000, "ms",
                    "On a sync standby: time for its acknowledgement within a region; across "
                    "regions the VPN round trip is added."),
        integerParam("port", "Port", 5432, 1, 65535, "", "Port the database listens on."),
    }};
}

ParamSchema volumeSchema()
{
    return {{
        numberParam("size_gb", "Size", 100, 0.001, 1e9, "GB", "Capacity."),
        numberParam("attach_s", "Attach time", 30, 0, 86400, "s",
                    "Time to attach it to a new instance."),
    }};
}

ParamSchema backupSchema()
{
    return {{
        numberParam("interval_h", "Interval", 24, 0.001, 87600, "h", "Time between base backups."),
        integerParam("retention_days", "Retention", 7, 1, 36500, "days",
                     "How long backups are kept."),
        numberParam("restore_mb_s", "Restore speed", 100, 0.001, 1e9, "MB/s",
                    "Restore throughput."),
    }};
}

ParamSchema vpnSchema()
{
    return {{
        textParam("network", "Network name", "topolab", "tinc network name."),
        numberParam("latency_ms", "Latency", 40, 0, 600000, "ms",
                    "One-way latency between regions."),
        numberParam("ping_interval_s", "Ping interval", 60, 1, 86400, "s", "tinc PingInterval."),
        numberParam("ping_timeout_s", "Ping timeout", 5, 1, 86400, "s", "tinc PingTimeout."),
        integerParam("port", "Port", 655, 1, 65535, "", "tinc port."),
        textParam("subnet", "Subnet", "10.99.0.0/24",
                  "IPv4 network inside the tunnel; its members get the first addresses after the "
                  "network's own, in the file's component order."),
    }};
}

ParamSchema sharedStorageSchema()
{
    return {{
        numberParam("latency_ms", "Latency", 2, 0, 600000, "ms", "Time of one file operation."),
    }};
}

} // namespace

const ParamSchema &componentSchema(ComponentKind kind)
{
    static const ParamSchema schemas[] = {
        dnsSchema(),           loadBalancerSchema(), appServerSchema(),
        objectStorageSchema(), databaseSchema(),     volumeSchema(),
        backupSchema(),        vpnSchema(),          sharedStorageSchema(),
    };
    return schemas[static_cast<std::size_t>(kind)];
}

} // namespace topolab::core
