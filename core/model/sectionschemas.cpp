#include "schemas.h"

namespace topolab::core {

namespace {

constexpr double unbounded = 1e12;

ParamSchema makeClientGroupSchema()
{
    return {{
        integerParam("clients", "Clients", 10000, 1, 1000000000, "",
                     "People or machines in the group."),
        integerParam("resolvers", "Resolvers", 100, 1, 1000000000, "",
                     "Recursive resolvers the clients share; each caches answers."),
        numberParam("rate_rps", "Request rate", 100, 0, unbounded, "rps",
                    "Requests per second, all clients."),
        numberParam("latency_ms", "Latency", 30, 0, 600000, "ms",
                    "One-way network latency to the region."),
        numberParam("remote_latency_ms", "Remote latency", 80, 0, 600000, "ms",
                    "One-way network latency to a load balancer in another region."),
        boolParam("retry_next_address", "Retry next address", true,
                  "On a failed connection, try the next address of the DNS answer."),
        numberParam("connect_timeout_s", "Connect timeout", 3, 0, 3600, "s",
                    "Give up a connection that gets no answer after this long."),
        numberParam("request_timeout_s", "Request timeout", 30, 0.001, 86400, "s",
                    "Give up a request that has no response after this long."),
        numberParam("app_cache_s", "Client DNS cache", 60, 0, 86400, "s",
                    "TTL-unaware cache in the client (Chromium: 60 s); 0 = none."),
        numberParam("ttl_violating_share", "TTL-violating resolvers", 0.05, 0, 1, "share",
                    "Share of resolvers that keep answers past their TTL."),
        numberParam("ttl_violation_s", "TTL overstay", 3600, 0, 864000, "s",
                    "How long such resolvers keep an answer past its TTL."),
        numberParam("static_fraction", "Static share", 0.3, 0, 1, "share",
                    "Share of requests for static content served by object storage."),
        numberParam("write_fraction", "Write share", 0.1, 0, 1, "share",
                    "Share of requests that write."),
        groupParam(
            "profile", "Rate profile",
            {
                choiceParam("shape", "Shape", "constant", {"constant", "steps", "daily", "spike"},
                            "constant: the request rate throughout; steps: multiplied by the "
                            "factor at each step; daily: a day's curve between the trough and "
                            "the peak; spike: multiplied by the factor for a while."),
                numberParam("factor", "Factor", 2, 0, 1e6, "",
                            "steps: multiplier of each step; spike: multiplier during the "
                            "spike; daily: peak rate as a multiple of the request rate."),
                numberParam("at_s", "Start", 600, 0, 1e9, "s",
                            "steps: time of the first step; spike: when it starts."),
                numberParam("every_s", "Step interval", 600, 0.001, 1e9, "s",
                            "steps: time between steps."),
                integerParam("count", "Steps", 3, 1, 1000, "", "steps: how many steps."),
                numberParam("for_s", "Spike length", 60, 0.001, 1e9, "s",
                            "spike: how long it lasts."),
                numberParam("trough_factor", "Trough factor", 0.3, 0, 1e6, "",
                            "daily: quietest rate as a multiple of the request rate."),
                numberParam("peak_h", "Peak hour", 20, 0, 24, "h",
                            "daily: hours after the start of the run at which the rate peaks."),
            },
            true, "How the request rate changes over the run; absent = constant."),
    }};
}

ParamSchema makeScenarioSchema()
{
    return {{
        numberParam("duration_s", "Duration", 3600, 0.001, 1e9, "s",
                    "Simulated time after the warm-up."),
        numberParam("warmup_s", "Warm-up", 60, 0, 1e9, "s",
                    "Simulated time discarded from statistics."),
        integerParam("seed", "Seed", 1, 0, 9007199254740992LL, "", "Master random seed."),
        integerParam("replications", "Replications", 1, 1, 100000, "",
                     "Independent runs for confidence intervals."),
    }};
}

ParamSchema makeScheduledFailureSchema()
{
    ParamSpec target = textParam("target", "Target", "", "Component or region id, or a vpn id.");
    target.required = true;
    ParamSpec at = numberParam("at_s", "Start", 0, 0, 1e9, "s", "When the failure starts.");
    at.required = true;
    return {{
        at,
        target,
        choiceParam("mode", "Mode", "crash", {"crash", "blackhole", "degrade"},
                    "crash: process dead, connections refused; blackhole: host silent; "
                    "degrade: slower service."),
        numberParam("for_s", "Duration", 0, 0, 1e9, "s", "Duration; 0 = until the end of the run."),
        numberParam("slowdown", "Slowdown", 4, 1, 1e6, "", "Service-time factor while degraded."),
    }};
}

ParamSchema makeRandomFailureSchema()
{
    std::vector<std::string> kinds;
    for (ComponentKind k : allComponentKinds)
        kinds.emplace_back(kindName(k));
    ParamSpec kind
        = choiceParam("kind", "Kind", kinds.front(), kinds, "Component kind the rates apply to.");
    kind.required = true;
    return {{
        kind,
        numberParam("mtbf_h", "Time between failures", 1000, 0.000001, 1e9, "h",
                    "Mean time between failures, per component."),
        numberParam("mttr_min", "Repair time", 30, 0, 1e9, "min", "Mean time to repair."),
        choiceParam("mode", "Mode", "crash", {"crash", "blackhole", "degrade"}, "Failure mode."),
    }};
}

ParamSchema makeDeployHostSchema()
{
    ParamSpec address
        = textParam("address", "Address", "", "Host name or IP address of the SSH server.");
    address.required = true;
    return {{
        address,
        integerParam("port", "SSH port", 22, 1, 65535, "", "SSH port."),
        textParam("user", "User", "root", "SSH user."),
        textParam("key_file", "Key file", "", "Private key file; empty = use the SSH agent."),
        textParam("root", "Root directory", "/",
                  "Directory prefix for every file written on the host."),
        choiceParam("service_manager", "Service manager", "systemd", {"systemd", "process"},
                    "How services are started: systemd units, or supervised processes."),
    }};
}

} // namespace

const ParamSchema &clientGroupSchema()
{
    static const ParamSchema schema = makeClientGroupSchema();
    return schema;
}

const ParamSchema &scenarioSchema()
{
    static const ParamSchema schema = makeScenarioSchema();
    return schema;
}

const ParamSchema &scheduledFailureSchema()
{
    static const ParamSchema schema = makeScheduledFailureSchema();
    return schema;
}

const ParamSchema &randomFailureSchema()
{
    static const ParamSchema schema = makeRandomFailureSchema();
    return schema;
}

const ParamSchema &deployHostSchema()
{
    static const ParamSchema schema = makeDeployHostSchema();
    return schema;
}

std::vector<const ParamSchema *> allParamSchemas()
{
    std::vector<const ParamSchema *> all;
    for (ComponentKind kind : allComponentKinds)
        all.push_back(&componentSchema(kind));
    for (const ParamSchema *section :
         {&clientGroupSchema(), &scenarioSchema(), &scheduledFailureSchema(),
          &randomFailureSchema(), &deployHostSchema()})
        all.push_back(section);
    return all;
}

} // namespace topolab::core
