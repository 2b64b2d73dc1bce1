#include "resultjson.h"

#include "jsonnumbers.h"
#include "resultvalues.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <sstream>

namespace topolab::core {

namespace {

using json = nlohmann::ordered_json;
using sim::failureCauseCount;
using sim::failureCauseNames;

// An incident time, or null when it did not happen before the end of the run.
json optionalSeconds(const std::optional<double> &value)
{
    return value ? fixed(*value, 3) : json(nullptr);
}

// [low, high], each rounded by the rule of the quantity.
json interval(const sim::ConfidenceInterval &ci, auto round)
{
    return json::array({round(ci.low), round(ci.high)});
}

// latency_ms: mean and percentiles of the pooled histogram; nulls when nothing succeeded.
json latencyJson(const sim::LogHistogram &h)
{
    const auto ms = [&h](double value) {
        return h.empty() ? json(nullptr) : fixed(value, 4);
    };
    return {{"mean", ms(h.mean() / 1e6)},
            {"p50", ms(nsToMs(h.quantile(0.5)))},
            {"p90", ms(nsToMs(h.quantile(0.9)))},
            {"p99", ms(nsToMs(h.quantile(0.99)))},
            {"p999", ms(nsToMs(h.quantile(0.999)))},
            {"max", ms(nsToMs(h.max()))}};
}

// requests: the counts, with a key for every failure cause even when it is 0.
json requestsJson(const sim::RequestCounts &r)
{
    json causes = json::object();
    for (std::size_t i = 0; i < failureCauseCount; ++i)
        causes[std::string(failureCauseNames[i])] = r.failedByCause[i];
    return {{"offered", r.offered},      {"ok", r.ok},
            {"failed", r.failed},        {"in_flight", r.inFlight},
            {"failed_by_cause", causes}, {"retried_next_address", r.retriedNextAddress},
            {"lb_retries", r.lbRetries}};
}

// One entry of incidents[].
json incidentJson(const sim::Incident &i)
{
    return {{"replication", i.replication},
            {"at_s", fixed(i.atSeconds, 3)},
            {"target", i.target},
            {"kind", i.kind},
            {"random", i.random},
            {"detected_s", optionalSeconds(i.detectedSeconds)},
            {"dns_updated_s", optionalSeconds(i.dnsUpdatedSeconds)},
            {"recovered_s", optionalSeconds(i.recoveredSeconds)},
            {"failed_requests", i.failedRequests},
            {"writes_lost", i.writesLost}};
}

// timeseries: one array per quantity, all of the same length, plus one per cause.
json seriesJson(const sim::TimeSeries &s)
{
    const auto rounded = [](const std::vector<double> &values, int decimals) {
        json out = json::array();
        for (double v : values)
            out.push_back(fixed(v, decimals));
        return out;
    };
    json causes = json::object();
    for (std::size_t c = 0; c < failureCauseCount; ++c) {
        json column = json::array();
        for (const auto &bucket : s.failedByCause)
            column.push_back(bucket[c]);
        causes[std::string(failureCauseNames[c])] = column;
    }
    return {{"bucket_s", fixed(s.bucketSeconds, 3)},
            {"t", rounded(s.t, 3)},
            {"ok", s.ok},
            {"failed", s.failed},
            {"p50_ms", rounded(s.p50Ms, 4)},
            {"p90_ms", rounded(s.p90Ms, 4)},
            {"p99_ms", rounded(s.p99Ms, 4)},
            {"stale_share", rounded(s.staleShare, 6)},
            {"replication_lag_s", rounded(s.replicationLagS, 3)},
            {"failed_by_cause", causes}};
}

} // namespace

json simulationResultJson(const sim::SimulationResult &result, const sim::ModelSpec &model)
{
    json out;
    out["name"] = model.name;
    out["seed"] = result.seed;
    out["duration_s"] = fixed(result.durationSeconds, 3);
    out["warmup_s"] = fixed(result.warmupSeconds, 3);
    out["replications"] = result.replications;
    if (result.cancelled)
        out["cancelled"] = true;
    out["requests"] = requestsJson(result.requests);
    out["availability"]
        = result.requests.offered ? significant(result.availability, 9) : json(nullptr);
    out["latency_ms"] = latencyJson(result.latency);
    const auto share = [](double v) {
        return significant(v, 9);
    };
    const auto ms = [](double v) {
        return fixed(v, 4);
    };
    out["ci95"] = {{"availability", interval(availabilityInterval(result), share)},
                   {"latency_mean_ms", interval(latencyInterval(result.latencyMeanMsCi), ms)},
                   {"p99_ms", interval(latencyInterval(result.p99MsCi), ms)}};
    json components = json::object();
    for (const auto &c : result.components) {
        components[c.id] = {{"kind", c.kind},
                            {"utilization", fixed(c.utilization, 6)},
                            {"served", c.served},
                            {"failed", c.failed},
                            {"down_s", fixed(c.downSeconds, 3)},
                            {"queue", fixed(c.meanQueue, 4)}};
    }
    out["components"] = components;
    out["data"] = {{"writes_committed", result.data.writesCommitted},
                   {"writes_lost", result.data.writesLost},
                   {"writes_diverged", result.data.writesDiverged},
                   {"max_replication_lag_s", fixed(result.data.maxReplicationLagSeconds, 3)}};
    out["incidents"] = json::array();
    for (const auto &i : result.incidents)
        out["incidents"].push_back(incidentJson(i));
    out["timeseries"] = seriesJson(result.series);
    // Last, and the only part that depends on the machine and the thread count.
    const double rate = result.wallSeconds > 0 ? result.events / result.wallSeconds : 0.0;
    const auto eventsPerSecond = static_cast<std::uint64_t>(std::llround(rate));
    out["engine"] = {{"events", result.events},
                     {"wall_s", fixed(result.wallSeconds, 3)},
                     {"events_per_s", eventsPerSecond},
                     {"threads", result.threads}};
    return out;
}

std::string simulationCsv(const sim::SimulationResult &result)
{
    const sim::TimeSeries &s = result.series;
    std::string out = "t_s,ok,failed,p50_ms,p90_ms,p99_ms,stale_share,replication_lag_s";
    for (std::string_view name : failureCauseNames)
        out.append(",").append(name);
    out += '\n';
    // A missing or non-finite value is an empty cell, as spreadsheets expect.
    const auto number = [](const std::vector<double> &values, std::size_t i, int decimals) {
        const json v = i < values.size() ? fixed(values[i], decimals) : json(nullptr);
        return v.is_null() ? std::string() : v.dump();
    };
    const auto count = [](const std::vector<std::uint64_t> &values, std::size_t i) {
        return i < values.size() ? std::to_string(values[i]) : std::string();
    };
    for (std::size_t i = 0; i < s.t.size(); ++i) {
        out += number(s.t, i, 3) + ',' + count(s.ok, i) + ',' + count(s.failed, i) + ','
               + number(s.p50Ms, i, 4) + ',' + number(s.p90Ms, i, 4) + ','
               + number(s.p99Ms, i, 4) + ',' + number(s.staleShare, i, 6) + ','
               + number(s.replicationLagS, i, 3);
        for (std::size_t c = 0; c < failureCauseCount; ++c)
            out += ',' + std::to_string(i < s.failedByCause.size() ? s.failedByCause[i][c] : 0);
        out += '\n';
    }
    return out;
}

} // namespace topolab::core
