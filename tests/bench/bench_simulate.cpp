// The full model against its budgets (SPEC §7): the multi-region example scaled to 10,000 req/s
// for one simulated hour on one thread (wall time, events/s, peak RSS), then replications on 1
// and 2 threads (speed-up, and that both give identical results).
//   bench_simulate [EXAMPLE] [--hours H] [--rate RPS] [--replications R]
#include "core/io/topologyreader.h"
#include "core/simulation/simmodelbuilder.h"
#include "sim/run/simulator.h"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace topolab;

namespace {

// Scales the example's traffic to `rate` and its capacity (workers, database cpus, queue
// limits) by the same factor, so every component runs at the utilisation of the example.
void scaleTo(sim::ModelSpec &model, double rate)
{
    double total = 0;
    for (const sim::ClientGroupSpec &g : model.clientGroups)
        total += g.rateRps;
    const double factor = total > 0 ? rate / total : 1.0;
    for (sim::ClientGroupSpec &g : model.clientGroups)
        g.rateRps *= factor;
    for (sim::ComponentSpec &c : model.components) {
        if (c.kind == sim::SimKind::AppServer) {
            c.appServer.workers = static_cast<int>(c.appServer.workers * factor + 0.5);
            c.appServer.queueLimit = static_cast<int>(c.appServer.queueLimit * factor + 0.5);
        } else if (c.kind == sim::SimKind::Database) {
            c.database.cpus = static_cast<int>(c.database.cpus * factor + 0.5);
        }
    }
}

long peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024; // KiB on Linux
}

bool sameResults(const sim::SimulationResult &a, const sim::SimulationResult &b)
{
    return a.requests.offered == b.requests.offered && a.requests.ok == b.requests.ok
           && a.requests.failed == b.requests.failed && a.latency == b.latency
           && a.data.writesLost == b.data.writesLost && a.series.ok == b.series.ok;
}

} // namespace

int main(int argc, char **argv)
{
    std::string file = std::string(TOPOLAB_EXAMPLES) + "/multi-region.topolab.yaml";
    double hours = 1, rate = 10000;
    int replications = 4;
    for (int i = 1; i < argc; ++i) {
        auto next = [&] {
            return i + 1 < argc ? argv[++i] : "";
        };
        if (!std::strcmp(argv[i], "--hours"))
            hours = std::atof(next());
        else if (!std::strcmp(argv[i], "--rate"))
            rate = std::atof(next());
        else if (!std::strcmp(argv[i], "--replications"))
            replications = std::atoi(next());
        else
            file = argv[i];
    }
    const core::LoadResult loaded = core::loadTopologyFile(file);
    if (!loaded.topology) {
        std::fprintf(stderr, "bench_simulate: cannot read %s\n", file.c_str());
        return 1;
    }
    core::SimOverrides overrides;
    overrides.durationS = hours * 3600;
    overrides.replications = 1;
    sim::ModelSpec model = core::buildSimModel(*loaded.topology, overrides);
    scaleTo(model, rate);

    const sim::SimulationResult one = sim::runSimulation(model, 1);
    const double eps = static_cast<double>(one.events) / one.wallSeconds;
    const long rss = peakRssMiB();
    std::printf("model=%s rate_rps=%.0f simulated_s=%.0f requests=%llu events=%llu wall_s=%.2f "
                "events_per_s=%.0f peak_rss_mib=%ld availability=%.6f\n",
                loaded.topology->name.c_str(), rate, hours * 3600,
                static_cast<unsigned long long>(one.requests.offered),
                static_cast<unsigned long long>(one.events), one.wallSeconds, eps, rss,
                one.availability);
    const double budgetWall = 20.0 * hours;
    std::printf("budget: wall %.2f s for %.2f h (<= %.0f s: %s); peak RSS %ld MiB (<= 256: %s)\n",
                one.wallSeconds, hours, budgetWall,
                one.wallSeconds <= budgetWall ? "met" : "MISSED", rss,
                rss <= 256 ? "met" : "MISSED");

    // Replication scaling: a shorter run, R replications, 1 then 2 threads.
    overrides.durationS = 300;
    overrides.replications = replications;
    sim::ModelSpec reps = core::buildSimModel(*loaded.topology, overrides);
    scaleTo(reps, rate);
    const sim::SimulationResult t1 = sim::runSimulation(reps, 1);
    const sim::SimulationResult t2 = sim::runSimulation(reps, 2);
    std::printf("replications=%d of 300 s: threads=1 wall_s=%.2f threads=2 wall_s=%.2f "
                "speedup=%.2f identical=%s\n",
                replications, t1.wallSeconds, t2.wallSeconds, t1.wallSeconds / t2.wallSeconds,
                sameResults(t1, t2) ? "yes" : "NO");
    return sameResults(t1, t2) ? 0 : 1;
}
