#include "outcomestats.h"

#include "core/simulation/resultvalues.h"

#include <algorithm>
#include <cmath>
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
    out.failures = r.incidents.size();
    if (worst != r.incidents.end()) {
        out.worstIncident = worst->target + " " + worst->kind;
        if (worst->recoveredSeconds)
            out.worstRecoveryS = *worst->recoveredSeconds - worst->atSeconds;
    }
    return out;
}

OutcomeStats outcomeStats(const sim::AvailabilityResult &r)
{
    OutcomeStats out;
    out.replications = r.replications;
    out.years = r.years;
    out.availability = r.availability.value;
    out.availabilityCi = core::clamped(r.availability.ci, 0.0, 1.0);
    out.failed = static_cast<std::uint64_t>(std::llround(r.failed));
    for (std::size_t i = 0; i < out.failedByCause.size(); ++i)
        out.failedByCause[i] = static_cast<std::uint64_t>(std::llround(r.failedByCause[i]));
    out.failedCi = r.failedRequestsPerYear.ci;
    out.failedCi.low = std::max(0.0, out.failedCi.low);
    out.downMinPerYearCi = r.unavailabilityMinPerYear.ci;
    out.downMinPerYearCi.low = std::max(0.0, out.downMinPerYearCi.low);
    out.writesLost = r.writesLost;
    out.failures = r.failures;
    if (!r.worstWindows.empty()) {
        const sim::WindowSummary &w = r.worstWindows.front();
        for (const std::string &id : w.components)
            out.worstIncident += (out.worstIncident.empty() ? "" : ", ") + id;
        out.worstRecoveryS = w.lengthSeconds;
    }
    return out;
}

OutcomeStats outcomeStats(const SimulationOutcome &outcome)
{
    return outcome.availability ? outcomeStats(*outcome.availability)
                                : outcomeStats(outcome.result);
}

} // namespace topolab::app
