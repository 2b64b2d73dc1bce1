#include "simulator.h"

#include "replicationpool.h"

#include "sim/model/world.h"

#include <algorithm>
#include <chrono>

namespace topolab::sim {

namespace {

void addCounts(RequestCounts &into, const RequestCounts &from)
{
    into.offered += from.offered;
    into.ok += from.ok;
    into.failed += from.failed;
    into.inFlight += from.inFlight;
    for (std::size_t i = 0; i < failureCauseCount; ++i)
        into.failedByCause[i] += from.failedByCause[i];
    into.retriedNextAddress += from.retriedNextAddress;
    into.lbRetries += from.lbRetries;
}

void addLoad(std::vector<std::vector<float>> &into, const std::vector<std::vector<float>> &from)
{
    for (std::size_t c = 0; c < into.size() && c < from.size(); ++c)
        for (std::size_t b = 0; b < into[c].size() && b < from[c].size(); ++b)
            into[c][b] += from[c][b];
}

SimulationResult pool(const ModelSpec &model, std::vector<ReplicationResult> &runs)
{
    SimulationResult out;
    out.seed = model.seed;
    out.durationSeconds = toSeconds(model.duration);
    out.warmupSeconds = toSeconds(model.warmup);
    out.replications = static_cast<int>(runs.size());
    if (runs.empty())
        return out;

    std::vector<double> availability, meanLatency, p99, failed;
    const std::size_t buckets = runs.front().series.t.size();
    out.series = runs.front().series;
    std::vector<CoarseLogHistogram> bucketLatency(buckets);
    const double r = static_cast<double>(runs.size());
    out.components = runs.front().components;
    for (ComponentResult &c : out.components) {
        c.utilization = c.meanQueue = c.downSeconds = 0;
        c.served = c.failed = 0;
    }
    for (std::size_t k = 0; k < runs.size(); ++k) {
        ReplicationResult &run = runs[k];
        addCounts(out.requests, run.requests);
        failed.push_back(static_cast<double>(run.requests.failed));
        out.latency.merge(run.latency);
        if (run.requests.offered > 0)
            availability.push_back(static_cast<double>(run.requests.ok)
                                   / static_cast<double>(run.requests.offered));
        if (!run.latency.empty()) {
            meanLatency.push_back(run.latency.mean() / 1e6);
            p99.push_back(static_cast<double>(run.latency.quantile(0.99)) / 1e6);
        }
        for (std::size_t i = 0; i < out.components.size(); ++i) {
            ComponentResult &c = out.components[i];
            const ComponentResult &x = run.components[i];
            c.utilization += x.utilization / r;
            c.meanQueue += x.meanQueue / r;
            c.downSeconds += x.downSeconds / r;
            c.served += x.served;
            c.failed += x.failed;
        }
        out.data.writesCommitted += run.data.writesCommitted;
        out.data.writesLost += run.data.writesLost;
        out.data.writesDiverged += run.data.writesDiverged;
        out.data.maxReplicationLagSeconds
            = std::max(out.data.maxReplicationLagSeconds, run.data.maxReplicationLagSeconds);
        out.incidents.insert(out.incidents.end(), run.incidents.begin(), run.incidents.end());
        for (std::size_t b = 0; b < buckets && b < run.bucketLatency.size(); ++b)
            bucketLatency[b].merge(run.bucketLatency[b]);
        if (k > 0) {
            for (std::size_t b = 0; b < buckets; ++b) {
                out.series.ok[b] += run.series.ok[b];
                out.series.failed[b] += run.series.failed[b];
                for (std::size_t c = 0; c < failureCauseCount; ++c)
                    out.series.failedByCause[b][c] += run.series.failedByCause[b][c];
                out.series.staleShare[b] += run.series.staleShare[b];
                out.series.replicationLagS[b]
                    = std::max(out.series.replicationLagS[b], run.series.replicationLagS[b]);
            }
            addLoad(out.series.utilization, run.series.utilization);
            addLoad(out.series.servedPerS, run.series.servedPerS);
        }
        out.events += run.events;
        out.cancelled = out.cancelled || run.cancelled;
    }
    for (std::size_t b = 0; b < buckets; ++b) {
        out.series.staleShare[b] /= r;
        out.series.p50Ms[b] = static_cast<double>(bucketLatency[b].quantile(0.50)) / 1e6;
        out.series.p90Ms[b] = static_cast<double>(bucketLatency[b].quantile(0.90)) / 1e6;
        out.series.p99Ms[b] = static_cast<double>(bucketLatency[b].quantile(0.99)) / 1e6;
    }
    for (auto *load : {&out.series.utilization, &out.series.servedPerS})
        for (std::vector<float> &perBucket : *load)
            for (float &v : perBucket)
                v = static_cast<float>(v / r);
    out.availability = out.requests.offered ? static_cast<double>(out.requests.ok)
                                                  / static_cast<double>(out.requests.offered)
                                            : 1.0;
    out.availabilityCi = meanConfidenceInterval(availability);
    out.latencyMeanMsCi = meanConfidenceInterval(meanLatency);
    out.p99MsCi = meanConfidenceInterval(p99);
    out.failedCi = meanConfidenceInterval(failed);
    return out;
}

} // namespace

ReplicationResult runReplication(const ModelSpec &model, int replication, SimObserver *observer)
{
    const auto start = std::chrono::steady_clock::now();
    World world(model, replication, observer);
    const bool finished = world.run();
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
    ReplicationResult result = world.result(wall.count());
    result.cancelled = !finished;
    return result;
}

SimulationResult runSimulation(const ModelSpec &model, int threads, SimObserver *observer)
{
    const auto start = std::chrono::steady_clock::now();
    const int replications = std::max(1, model.replications);
    std::vector<ReplicationResult> runs(static_cast<std::size_t>(replications));
    const int workers
        = runReplicationPool(replications, threads, observer, [&](int k, SimObserver *forward) {
              runs[static_cast<std::size_t>(k)] = runReplication(model, k, forward);
          });
    SimulationResult result = pool(model, runs);
    result.threads = workers;
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
    result.wallSeconds = wall.count();
    return result;
}

} // namespace topolab::sim
