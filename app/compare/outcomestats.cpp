#include "outcomestats.h"

#include "core/simulation/resultvalues.h"

#include <algorithm>
#include <limits>

namespace topolab::app {

OutcomeStats outcomeStats(const sim::SimulationResult &r)
{
    OutcomeStats out;
    out.replications = r.replications;
    out.availability = r.availability;
    out.availabilityCi = core::availabilityInterval(r);

    out.failed = r.requests.failed;
    out.failedByCause = r.requests.failedByCause;
    out.failedCi = r.failedCi;
    out.failedCi.low = std::max(0.0, out.failedCi.low);

    out.p99Ms = core::nsToMs(r.latency.quantile(0.99));
    out.p99Ci = core::latencyInterval(r.p99MsCi);
    out.writesLost = r.data.writesLost;

    const auto worst = std::max_element(r.incidents.begin(), r.incidents.end(),
                                        [](const sim::Incident &a, const sim::Incident &b) {
                                            return a.failedRequests < b.failedRequests;
                                        });
    if (worst != r.incidents.end()) {
        out.worstIncident = worst->target + " " + worst->kind;
        if (worst->recoveredSeconds)
            out.worstRecoveryS = *worst->recoveredSeconds - worst->atSeconds;
    }
    return out;
}

} // namespace topolab::app
