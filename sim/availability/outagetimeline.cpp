#include "outagetimeline.h"

#include "sim/random/randomstream.h"
#include "sim/random/streamseed.h"

#include <algorithm>
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

} // namespace topolab::sim
