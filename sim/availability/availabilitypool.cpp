#include "availabilityrunner.h"
#include "incidentwindow.h"

#include <algorithm>

namespace topolab::sim {

namespace {

AvailabilityEstimate estimate(double value, const std::vector<double> &samples,
                              std::uint64_t failures)
{
    return AvailabilityEstimate{value, meanConfidenceInterval(samples, 0.95), failures};
}

} // namespace

AvailabilityResult poolAvailability(const ModelSpec &model, const AvailabilityOptions &options,
                                    std::vector<AvailabilityReplication> runs)
{
    AvailabilityResult out;
    out.seed = model.seed;
    out.years = options.years;
    out.replications = static_cast<int>(runs.size());
    out.settleSeconds = toSeconds(options.settle >= 0 ? options.settle : defaultSettleTime(model));
    std::vector<double> availability, minutes, failedPerYear;
    constexpr double minutesPerYear = secondsPerYear / 60.0;
    for (const AvailabilityReplication &r : runs) {
        out.simulatedSeconds += r.simulatedSeconds;
        out.offered += r.offered;
        out.ok += r.ok;
        out.failed += r.failed;
        for (std::size_t i = 0; i < failureCauseCount; ++i)
            out.failedByCause[i] += r.failedByCause[i];
        out.failures += r.failures;
        out.windows += r.windows;
        out.overlappingWindows += r.overlappingWindows;
        out.overlappingFailedRequests += r.overlappingFailedRequests;
        out.writesLost += r.writesLost;
        out.events += r.events;
        out.cancelled = out.cancelled || r.cancelled;
        if (out.components.empty()) {
            out.components = r.components;
        } else {
            for (std::size_t c = 0; c < out.components.size() && c < r.components.size(); ++c) {
                out.components[c].failures += r.components[c].failures;
                out.components[c].downSeconds += r.components[c].downSeconds;
                out.components[c].failedRequests += r.components[c].failedRequests;
                out.components[c].soloWindows += r.components[c].soloWindows;
            }
        }
        for (const WindowSummary &w : r.worstWindows)
            out.worstWindows.push_back(w);
        availability.push_back(r.availability);
        minutes.push_back((1 - r.availability) * minutesPerYear);
        failedPerYear.push_back(
            r.simulatedSeconds > 0 ? r.failed / r.simulatedSeconds * secondsPerYear : 0.0);
    }
    std::stable_sort(out.worstWindows.begin(), out.worstWindows.end(),
                     [](const WindowSummary &a, const WindowSummary &b) {
                         if (a.failedRequests != b.failedRequests)
                             return a.failedRequests > b.failedRequests;
                         if (a.replication != b.replication)
                             return a.replication < b.replication;
                         return a.startSeconds < b.startSeconds;
                     });
    if (out.worstWindows.size() > static_cast<std::size_t>(std::max(0, options.worstWindows)))
        out.worstWindows.resize(static_cast<std::size_t>(std::max(0, options.worstWindows)));

    const double pooled = out.offered > 0 ? out.ok / out.offered : 1.0;
    out.availability = estimate(pooled, availability, out.failures);
    out.unavailabilityMinPerYear = estimate((1 - pooled) * minutesPerYear, minutes, out.failures);
    out.failedRequestsPerYear = estimate(
        out.simulatedSeconds > 0 ? out.failed / out.simulatedSeconds * secondsPerYear : 0.0,
        failedPerYear, out.failures);
    out.runs = std::move(runs);
    return out;
}

} // namespace topolab::sim
