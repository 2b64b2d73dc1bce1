#include "availabilityreport.h"

#include "jsonnumbers.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace topolab::core {

namespace {

using json = nlohmann::ordered_json;

template<typename Round> json estimateJson(const sim::AvailabilityEstimate &e, Round round)
{
    return {{"value", round(e.value)},
            {"ci95", json::array({round(e.ci.low), round(e.ci.high)})},
            {"failures", e.failures}};
}

std::string joined(const std::vector<std::string> &ids)
{
    std::string out;
    for (const std::string &id : ids)
        out += (out.empty() ? "" : ", ") + id;
    return out;
}

std::string format(const char *pattern, double a, double b = 0, double c = 0)
{
    char buf[128];
    std::snprintf(buf, sizeof buf, pattern, a, b, c);
    return buf;
}

} // namespace

json availabilityResultJson(const sim::AvailabilityResult &result, const sim::ModelSpec &model)
{
    (void)model;
    const auto share = [](double v) {
        return significant(v, 9);
    };
    const auto minutes = [](double v) {
        return fixed(v, 3);
    };
    const auto requests = [](double v) {
        return fixed(v, 1);
    };
    json out;
    out["years"] = result.years;
    out["replications"] = result.replications;
    out["seed"] = result.seed;
    out["settle_s"] = fixed(result.settleSeconds, 3);
    out["simulated_years"] = fixed(result.simulatedSeconds / sim::secondsPerYear, 6);
    out["availability"] = estimateJson(result.availability, share);
    out["unavailability_min_per_year"] = estimateJson(result.unavailabilityMinPerYear, minutes);
    out["failed_requests_per_year"] = estimateJson(result.failedRequestsPerYear, requests);
    json causes = json::object();
    for (std::size_t i = 0; i < sim::failureCauseCount; ++i)
        causes[std::string(sim::failureCauseNames[i])] = requests(result.failedByCause[i]);
    out["requests"] = {{"offered", requests(result.offered)},
                       {"ok", requests(result.ok)},
                       {"failed", requests(result.failed)},
                       {"failed_by_cause", causes}};
    json components = json::object();
    for (const sim::ComponentAvailability &c : result.components)
        components[c.id] = {{"failures", c.failures},
                            {"down_s", fixed(c.downSeconds, 3)},
                            {"failed_requests", requests(c.failedRequests)},
                            {"windows_alone", c.soloWindows}};
    out["components"] = components;
    out["failures"] = result.failures;
    out["windows"] = result.windows;
    out["overlapping_windows"] = {{"count", result.overlappingWindows},
                                  {"failed_requests", requests(result.overlappingFailedRequests)}};
    out["writes_lost"] = result.writesLost;
    json worst = json::array();
    for (const sim::WindowSummary &w : result.worstWindows)
        worst.push_back({{"replication", w.replication},
                         {"start_s", fixed(w.startSeconds, 3)},
                         {"duration_s", fixed(w.lengthSeconds, 3)},
                         {"components", w.components},
                         {"failed_requests", w.failedRequests}});
    out["worst_windows"] = worst;
    const double years = result.simulatedSeconds / sim::secondsPerYear;
    out["engine"]
        = {{"windows", result.windows},
           {"events", result.events},
           {"threads", result.threads},
           {"wall_s", fixed(result.wallSeconds, 3)},
           {"simulated_years_per_s",
            result.wallSeconds > 0 ? significant(years / result.wallSeconds, 4) : json(nullptr)}};
    return out;
}

std::string availabilitySummaryText(const sim::AvailabilityResult &result,
                                    const sim::ModelSpec &model)
{
    std::ostringstream out;
    const auto interval = [](const sim::AvailabilityEstimate &e, const char *pattern) {
        return format(pattern, e.value, e.ci.low, e.ci.high);
    };
    out << model.name << ": " << result.replications << " x " << format("%g", result.years)
        << " simulated years, seed " << result.seed << (result.cancelled ? " (stopped early)" : "")
        << '\n';
    const std::string failures = "   [" + std::to_string(result.failures) + " failures]\n";
    const sim::AvailabilityEstimate &a = result.availability;
    out << "  availability          "
        << format("%.5f %%  (95%%: %.5f .. %.5f)", 100 * a.value, 100 * a.ci.low, 100 * a.ci.high)
        << failures;
    out << "  unavailability        "
        << interval(result.unavailabilityMinPerYear, "%.1f min/year  (95%%: %.1f .. %.1f)")
        << failures;
    out << "  failed requests       "
        << interval(result.failedRequestsPerYear, "%.0f /year  (95%%: %.0f .. %.0f)") << failures;
    out << "  windows replayed      " << result.windows << " (" << result.overlappingWindows
        << " with overlapping failures), settle " << format("%g", result.settleSeconds) << " s\n";
    if (result.writesLost > 0)
        out << "  writes lost           " << result.writesLost << '\n';
    out << "\n  component        failures   down h   failed requests (alone)\n";
    for (const sim::ComponentAvailability &c : result.components) {
        char line[160];
        std::snprintf(line, sizeof line, "  %-16s %8llu %8.2f   %.0f\n", c.id.c_str(),
                      static_cast<unsigned long long>(c.failures), c.downSeconds / 3600.0,
                      c.failedRequests);
        out << line;
    }
    if (!result.worstWindows.empty()) {
        out << "\n  worst windows (replication, start h, length s, failed requests, components)\n";
        for (const sim::WindowSummary &w : result.worstWindows) {
            char line[160];
            std::snprintf(line, sizeof line, "  %4d %12.2f %9.1f %10llu   ", w.replication,
                          w.startSeconds / 3600.0, w.lengthSeconds,
                          static_cast<unsigned long long>(w.failedRequests));
            out << line << joined(w.components) << '\n';
        }
    }
    out << "\n  " << result.events << " events in " << format("%.2f", result.wallSeconds)
        << " s wall, "
        << format("%.3g", result.wallSeconds > 0
                              ? result.simulatedSeconds / sim::secondsPerYear / result.wallSeconds
                              : 0.0)
        << " simulated years/s on " << result.threads << " thread(s)\n";
    return out.str();
}

} // namespace topolab::core
