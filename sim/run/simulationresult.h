#pragma once

#include "failurecause.h"
#include "sim/stats/confidenceinterval.h"
#include "sim/stats/loghistogram.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace topolab::sim {

// Request counts over the measured period (after the warm-up). Invariant:
// offered = ok + failed + inFlight.
struct RequestCounts
{
    std::uint64_t offered = 0;
    std::uint64_t ok = 0;
    std::uint64_t failed = 0;
    std::uint64_t inFlight = 0; // sent in the period, no outcome when it ended
    std::array<std::uint64_t, failureCauseCount> failedByCause{};
    std::uint64_t retriedNextAddress = 0; // attempts on the next DNS address after a failed one
    std::uint64_t lbRetries = 0;          // connection retries by load balancers
};

struct ComponentResult
{
    std::string id;
    std::string kind;
    double utilization = 0; // busy share of its workers/cpus over the period
    double meanQueue = 0;   // mean number waiting
    std::uint64_t served = 0;
    std::uint64_t failed = 0; // requests that failed at this component
    double downSeconds = 0;   // time not serving (crashed, silent, recovering) in the period
};

struct DataResult
{
    std::uint64_t writesCommitted = 0;
    std::uint64_t writesLost = 0;     // acknowledged, then lost in a failover or restore
    std::uint64_t writesDiverged = 0; // committed while the regions could not replicate
    double maxReplicationLagSeconds = 0;
};

// One failure and what followed. Times in seconds after the warm-up; empty = did not happen
// before the end of the run.
struct Incident
{
    int replication = 0;
    double atSeconds = 0;
    std::string target;
    std::string kind; // crash | blackhole | degrade
    bool random = false;
    std::optional<double> detectedSeconds;
    std::optional<double> dnsUpdatedSeconds;
    std::optional<double> recoveredSeconds;
    std::uint64_t failedRequests = 0;
    std::uint64_t writesLost = 0;
};

struct TimeSeries
{
    double bucketSeconds = 1;
    std::vector<double> t;
    std::vector<std::uint64_t> ok;
    std::vector<std::uint64_t> failed;
    std::vector<std::array<std::uint64_t, failureCauseCount>> failedByCause;
    std::vector<double> p50Ms;
    std::vector<double> p90Ms;
    std::vector<double> p99Ms;
    std::vector<double> staleShare;      // share of requests whose first address was a dead LB
    std::vector<double> replicationLagS; // largest standby lag at the end of the bucket
    // Per component (the model's order), per bucket; empty unless ModelSpec::recordLoad.
    // Replications pooled: means.
    std::vector<std::vector<float>> utilization; // busy share of its workers or cpus
    std::vector<std::vector<float>> servedPerS;  // requests or queries it served
};

// What one replication produced.
struct ReplicationResult
{
    RequestCounts requests;
    LogHistogram latency; // ns, successful requests, from the intended send time
    std::vector<ComponentResult> components;
    DataResult data;
    std::vector<Incident> incidents;
    TimeSeries series;
    std::vector<CoarseLogHistogram> bucketLatency; // per series bucket, for pooled p99
    std::uint64_t events = 0;
    double wallSeconds = 0;
    bool cancelled = false;
};

// Everything `simulate` reports: the replications pooled, with intervals across them.
struct SimulationResult
{
    std::uint64_t seed = 0;
    double durationSeconds = 0;
    double warmupSeconds = 0;
    int replications = 0;
    int threads = 1;
    RequestCounts requests;  // summed over replications
    double availability = 0; // ok / offered, pooled
    LogHistogram latency;    // pooled
    ConfidenceInterval availabilityCi;
    ConfidenceInterval latencyMeanMsCi;
    ConfidenceInterval p99MsCi;
    ConfidenceInterval failedCi; // failed requests of one replication
    std::vector<ComponentResult> components; // means over replications (counts: sums)
    DataResult data;                         // sums; lag: max
    std::vector<Incident> incidents;         // every replication's, in order
    TimeSeries series;                       // summed over replications
    std::uint64_t events = 0;
    double wallSeconds = 0;
    bool cancelled = false;
};

} // namespace topolab::sim
