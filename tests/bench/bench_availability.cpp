// The availability mode's speed: simulated years per wall second for the single-region example
// on one thread, with random failures of its app servers, load balancers and databases.
//   bench_availability [EXAMPLE] [--years Y] [--replications R]
// The example's own app server failures (MTBF 500 h, MTTR 15 min) are kept; the load balancers
// get MTBF 2000 h, MTTR 10 min (a VM host failure and its replacement), the databases MTBF
// 2000 h, MTTR 30 min (a host failure, the instance rebuilt from its volume).
#include "core/io/topologyreader.h"
#include "core/simulation/simmodelbuilder.h"
#include "sim/availability/availabilityrunner.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace topolab;

int main(int argc, char **argv)
{
    std::string file = std::string(TOPOLAB_EXAMPLES) + "/single-region.topolab.yaml";
    sim::AvailabilityOptions options;
    options.years = 1;
    options.replications = 2;
    for (int i = 1; i < argc; ++i) {
        auto next = [&] {
            return i + 1 < argc ? argv[++i] : "";
        };
        if (!std::strcmp(argv[i], "--years"))
            options.years = std::atof(next());
        else if (!std::strcmp(argv[i], "--replications"))
            options.replications = std::atoi(next());
        else
            file = argv[i];
    }
    const core::LoadResult loaded = core::loadTopologyFile(file);
    if (!loaded.topology) {
        std::fprintf(stderr, "bench_availability: cannot read %s\n", file.c_str());
        return 1;
    }
    sim::ModelSpec model = core::buildSimModel(*loaded.topology);
    const auto add = [&](sim::SimKind kind, double mtbfH, double mttrMin) {
        for (const sim::RandomFailureSpec &r : model.randomFailures)
            if (r.kind == kind)
                return;
        sim::RandomFailureSpec r;
        r.kind = kind;
        r.mtbfHours = mtbfH;
        r.mttrMinutes = mttrMin;
        model.randomFailures.push_back(r);
    };
    add(sim::SimKind::AppServer, 500, 15);
    add(sim::SimKind::LoadBalancer, 2000, 10);
    add(sim::SimKind::Database, 2000, 30);

    const sim::AvailabilityResult r = sim::runAvailability(model, options, 1);
    const double years = r.simulatedSeconds / sim::secondsPerYear;
    std::printf("%s: %d x %g years on 1 thread\n", model.name.c_str(), r.replications,
                options.years);
    std::printf("  failures %llu, windows %llu (%llu overlapping), events %llu\n",
                static_cast<unsigned long long>(r.failures),
                static_cast<unsigned long long>(r.windows),
                static_cast<unsigned long long>(r.overlappingWindows),
                static_cast<unsigned long long>(r.events));
    std::printf("  availability %.6f %% (95%%: %.6f .. %.6f), %.1f min/year down\n",
                100 * r.availability.value, 100 * r.availability.ci.low,
                100 * r.availability.ci.high, r.unavailabilityMinPerYear.value);
    std::printf("  wall %.2f s, %.4g simulated years/s, %.3g events/s\n", r.wallSeconds,
                years / r.wallSeconds, static_cast<double>(r.events) / r.wallSeconds);
    return 0;
}
