#include "sweepsummary.h"

#include "jsonnumbers.h"
#include "resultvalues.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>

namespace topolab::core {

namespace {

using json = nlohmann::ordered_json;

json paramJson(const ParamValue &value)
{
    return std::visit([](const auto &v) { return json(v); }, value);
}

// A request count: whole in the request-level mode, an expected (fractional) count in the
// availability mode.
json count(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 9.0e15)
        return static_cast<std::int64_t>(value);
    return fixed(value, 3);
}

json interval(const sim::ConfidenceInterval &ci, auto round)
{
    return json::array({round(ci.low), round(ci.high)});
}

// {value, ci95, failures}: every interval with the failures it rests on.
json estimate(json value, const sim::ConfidenceInterval &ci, auto round, std::uint64_t failures)
{
    return {{"value", std::move(value)}, {"ci95", interval(ci, round)}, {"failures", failures}};
}

const auto availabilityDigits = [](double v) {
    return significant(v, 9);
};
const auto milliseconds = [](double v) {
    return fixed(v, 4);
};
const auto requests = [](double v) {
    return fixed(v, 3);
};

json pointJson(const SweepPlan &plan, std::size_t index, const SweepPointSummary &p)
{
    json values = json::object();
    for (const ParamChange &change : plan.points[index])
        values[change.path.text()] = paramJson(change.value);
    json causes = json::object();
    for (std::size_t i = 0; i < sim::failureCauseCount; ++i)
        causes[std::string(sim::failureCauseNames[i])] = count(p.failedByCause[i]);

    json out = {{"index", index}, {"values", values}, {"label", plan.labels[index]}};
    out["requests"] = {{"offered", count(p.offered)},
                       {"ok", count(p.ok)},
                       {"failed", count(p.failed)},
                       {"failed_by_cause", causes}};
    out["availability"]
        = estimate(p.offered > 0 ? significant(p.availability, 9) : json(nullptr),
                   clamped(p.availabilityCi, 0.0, 1.0), availabilityDigits, p.failures);
    out["failed_per_replication"] = estimate(
        requests(p.failedCi.mean),
        clamped(p.failedCi, 0.0, std::numeric_limits<double>::infinity()), requests, p.failures);
    if (plan.years > 0) {
        // The same interval seen as downtime, the figure availability targets are written in.
        constexpr double minutesPerYear = 365.25 * 24 * 60;
        const sim::ConfidenceInterval a = clamped(p.availabilityCi, 0.0, 1.0);
        sim::ConfidenceInterval down;
        down.low = (1 - a.high) * minutesPerYear;
        down.high = (1 - a.low) * minutesPerYear;
        out["unavailability_min_per_year"] = estimate(
            fixed((1 - p.availability) * minutesPerYear, 3), down,
            [](double v) { return fixed(v, 3); }, p.failures);
    }
    if (p.hasLatency) {
        out["latency_mean_ms"]
            = estimate(milliseconds(p.latencyMeanMs), latencyInterval(p.latencyMeanMsCi),
                       milliseconds, p.failures);
        out["latency_p99_ms"]
            = estimate(milliseconds(p.latencyP99MsCi.mean), latencyInterval(p.latencyP99MsCi),
                       milliseconds, p.failures);
    } else {
        out["latency_mean_ms"] = nullptr;
        out["latency_p99_ms"] = nullptr;
    }
    if (index > 0) {
        out["vs_first"]
            = {{"availability", estimate(significant(p.availabilityDiffCi.mean, 9),
                                         p.availabilityDiffCi, availabilityDigits, p.failures)},
               {"failed_per_replication",
                estimate(requests(p.failedDiffCi.mean), p.failedDiffCi, requests, p.failures)}};
    }
    out["writes_lost"] = count(p.writesLost);
    out["simulated_s"] = fixed(p.simulatedSeconds, 3);
    return out;
}

std::string percent(double share)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", share * 100.0);
    return buf;
}

} // namespace

std::vector<SweepPointSummary> summarizeSweep(const SweepPlan &plan,
                                              const std::vector<SweepOutcome> &outcomes)
{
    const auto r = static_cast<std::size_t>(std::max(1, plan.replications));
    std::vector<SweepPointSummary> out(plan.points.size());
    std::vector<double> firstAvailability, firstFailed;
    for (std::size_t p = 0; p < out.size(); ++p) {
        SweepPointSummary &s = out[p];
        std::vector<double> availability, failed, meanMs, p99Ms, availabilityDiff, failedDiff;
        double latencySumMs = 0;
        double latencyCount = 0;
        for (std::size_t k = 0; k < r; ++k) {
            const SweepOutcome &o = outcomes.at(p * r + k);
            s.offered += o.offered;
            s.ok += o.ok;
            s.failed += o.failed;
            for (std::size_t c = 0; c < s.failedByCause.size(); ++c)
                s.failedByCause[c] += o.failedByCause[c];
            availability.push_back(o.availability());
            failed.push_back(o.failed);
            if (o.latencyCount > 0) {
                meanMs.push_back(o.latencyMeanMs);
                p99Ms.push_back(o.latencyP99Ms);
                latencySumMs += o.latencyMeanMs * static_cast<double>(o.latencyCount);
                latencyCount += static_cast<double>(o.latencyCount);
            }
            s.failures += o.failures;
            s.writesLost += o.writesLost;
            s.simulatedSeconds += o.simulatedSeconds;
            s.events += o.events;
            if (p > 0) {
                availabilityDiff.push_back(o.availability() - firstAvailability[k]);
                failedDiff.push_back(o.failed - firstFailed[k]);
            }
        }
        if (p == 0) {
            firstAvailability = availability;
            firstFailed = failed;
        }
        s.availability = s.offered > 0 ? s.ok / s.offered : 1.0;
        s.availabilityCi = sim::meanConfidenceInterval(availability);
        s.failedCi = sim::meanConfidenceInterval(failed);
        s.hasLatency = latencyCount > 0;
        s.latencyMeanMs = s.hasLatency ? latencySumMs / latencyCount : 0;
        s.latencyMeanMsCi = sim::meanConfidenceInterval(meanMs);
        s.latencyP99MsCi = sim::meanConfidenceInterval(p99Ms);
        s.availabilityDiffCi = sim::meanConfidenceInterval(availabilityDiff);
        s.failedDiffCi = sim::meanConfidenceInterval(failedDiff);
    }
    return out;
}

json sweepJson(const SweepPlan &plan, const std::vector<SweepPointSummary> &points)
{
    json out;
    out["mode"] = plan.years > 0 ? "availability" : "requests";
    out["seed"] = plan.seedSwept ? json(nullptr) : json(plan.seed);
    out["replications"] = plan.replications;
    if (plan.years > 0)
        out["years"] = fixed(plan.years, 6);
    else
        out["duration_s"] = fixed(plan.durationS, 3);
    json parameters = json::array();
    for (std::size_t i = 0; i < plan.parameters.size(); ++i) {
        json values = json::array();
        for (const ParamValue &v : plan.parameters[i].values)
            values.push_back(paramJson(v));
        parameters.push_back({{"path", plan.parameters[i].path.text()},
                              {"title", plan.titles[i]},
                              {"unit", plan.units[i]},
                              {"values", values}});
    }
    out["parameters"] = parameters;
    json list = json::array();
    for (std::size_t p = 0; p < points.size(); ++p)
        list.push_back(pointJson(plan, p, points[p]));
    out["points"] = list;
    return out;
}

std::string sweepSummaryText(const SweepPlan &plan, const std::vector<SweepPointSummary> &points)
{
    std::ostringstream out;
    out << points.size() << (points.size() == 1 ? " point" : " points") << " x "
        << plan.replications << (plan.replications == 1 ? " replication" : " replications");
    if (plan.seedSwept)
        out << ", each point with its own seed\n";
    else
        out << ", seed " << plan.seed << " for every point\n";
    for (std::size_t p = 0; p < points.size(); ++p) {
        const SweepPointSummary &s = points[p];
        const sim::ConfidenceInterval a = clamped(s.availabilityCi, 0.0, 1.0);
        out << "\n"
            << plan.labels[p] << "\n"
            << "  availability  " << percent(s.availability) << " %  [" << percent(a.low) << ", "
            << percent(a.high) << "]  from " << s.failures
            << (s.failures == 1 ? " failure\n" : " failures\n");
        char line[160];
        std::snprintf(line, sizeof line, "  failed        %.1f per replication  [%.1f, %.1f]\n",
                      s.failedCi.mean, std::max(0.0, s.failedCi.low), s.failedCi.high);
        out << line;
        if (s.hasLatency) {
            std::snprintf(line, sizeof line,
                          "  latency       mean %.2f ms, p99 %.2f ms  [%.2f, %.2f]\n",
                          s.latencyMeanMs, s.latencyP99MsCi.mean,
                          std::max(0.0, s.latencyP99MsCi.low), s.latencyP99MsCi.high);
            out << line;
        }
        if (p > 0 && s.availabilityDiffCi.samples > 1) {
            std::snprintf(line, sizeof line,
                          "  vs first      availability %+.4f points  [%+.4f, %+.4f]\n",
                          s.availabilityDiffCi.mean * 100, s.availabilityDiffCi.low * 100,
                          s.availabilityDiffCi.high * 100);
            out << line;
        }
    }
    return out.str();
}

} // namespace topolab::core
