#include "outagetimeline.h"

#include "sim/random/randomstream.h"
#include "sim/random/streamseed.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <tuple>

namespace topolab::sim {

std::string availabilityPurpose(std::size_t randomFailure)
{
    return "availability-" + std::to_string(randomFailure);
}

std::vector<Outage> outageTimeline(const ModelSpec &model, int replication, SimTime horizon)
{
    std::vector<Outage> out;
    for (std::size_t r = 0; r < model.randomFailures.size(); ++r) {
        const RandomFailureSpec &spec = model.randomFailures[r];
        const double upMean = spec.mtbfHours * 3600.0;
        const double downMean = spec.mttrMinutes * 60.0;
        for (std::uint32_t c = 0; c < model.components.size(); ++c) {
            if (model.components[c].kind != spec.kind)
                continue;
            RandomStream random(streamSeed(model.seed, static_cast<std::uint64_t>(replication),
                                           model.components[c].id, availabilityPurpose(r)));
            SimTime t = 0;
            for (;;) {
                // Saturating sums: a huge MTBF means "never" rather than an overflow.
                const SimTime up = fromSeconds(random.exponential(upMean));
                if (up >= horizon - t)
                    break;
                const SimTime start = t + up;
                const SimTime down
                    = std::max<SimTime>(1, fromSeconds(random.exponential(downMean)));
                const SimTime end = down >= horizon - start ? horizon : start + down;
                out.push_back(Outage{c, static_cast<std::uint32_t>(r), spec.mode, start, end});
                if (end >= horizon)
                    break;
                t = end;
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Outage &a, const Outage &b) {
        return std::tie(a.start, a.component, a.process)
               < std::tie(b.start, b.component, b.process);
    });
    return out;
}

namespace {

// Outages expected of random failure entry r over the horizon, all its components together.
double expectedOf(const ModelSpec &model, std::size_t r, double horizonSeconds)
{
    const RandomFailureSpec &spec = model.randomFailures[r];
    const double cycle = spec.mtbfHours * 3600.0 + spec.mttrMinutes * 60.0;
    double components = 0;
    for (const ComponentSpec &c : model.components)
        components += c.kind == spec.kind ? 1 : 0;
    return cycle > 0 ? components * horizonSeconds / cycle : 0;
}

} // namespace

double expectedOutages(const ModelSpec &model, double years)
{
    const double horizon = years * 365.25 * 86400.0;
    double total = 0;
    for (std::size_t r = 0; r < model.randomFailures.size(); ++r)
        total += expectedOf(model, r, horizon);
    return total;
}

std::string horizonProblem(const ModelSpec &model, double years)
{
    const double total = expectedOutages(model, years);
    if (total <= maxExpectedOutages)
        return {};
    std::size_t busiest = 0;
    const double horizon = years * 365.25 * 86400.0;
    for (std::size_t r = 1; r < model.randomFailures.size(); ++r)
        if (expectedOf(model, r, horizon) > expectedOf(model, busiest, horizon))
            busiest = r;
    const RandomFailureSpec &spec = model.randomFailures[busiest];
    char text[400];
    std::snprintf(text, sizeof text,
                  "%.3g years would hold about %.3g failures per replication, more than the "
                  "%.0f one replication can replay (random_failures entry %zu, mtbf_h %g, "
                  "mttr_min %g, draws the most); simulate fewer years or raise mtbf_h",
                  years, total, maxExpectedOutages, busiest + 1, spec.mtbfHours, spec.mttrMinutes);
    return text;
}

} // namespace topolab::sim
