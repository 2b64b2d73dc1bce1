#include "resultsummary.h"

#include "resultvalues.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace topolab::core {

namespace {

using sim::failureCauseCount;
using sim::failureCauseNames;

// Text helpers for the summary, in the manner of core/analysis/reportformat.cpp.
std::string padded(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.resize(width, ' ');
    return text;
}

// Right-aligned column for numbers, so their digits line up.
std::string rightAligned(const std::string &text, std::size_t width)
{
    return text.size() < width ? std::string(width - text.size(), ' ') + text : text;
}

// 1234567 -> "1,234,567": counts in the millions are read at a glance.
std::string grouped(std::uint64_t value)
{
    const std::string digits = std::to_string(value);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

// A number with a fixed count of decimals, for the text report.
std::string decimal(double value, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

// part / whole as a percentage, or "-" when there is no whole.
std::string share(std::uint64_t part, std::uint64_t whole)
{
    return whole ? decimal(100.0 * static_cast<double>(part) / static_cast<double>(whole), 2) + "%"
                 : std::string("-");
}

// Offered, ok, failed and in-flight requests, and the availability with its interval.
void writeRequests(std::ostringstream &out, const sim::SimulationResult &r)
{
    const sim::RequestCounts &q = r.requests;
    out << "Requests\n";
    out << "  " << padded("offered", 22) << rightAligned(grouped(q.offered), 14) << "\n";
    out << "  " << padded("ok", 22) << rightAligned(grouped(q.ok), 14) << "   "
        << share(q.ok, q.offered) << "\n";
    out << "  " << padded("failed", 22) << rightAligned(grouped(q.failed), 14) << "   "
        << share(q.failed, q.offered) << "\n";
    out << "  " << padded("in flight at the end", 22) << rightAligned(grouped(q.inFlight), 14)
        << "\n";
    out << "  " << padded("availability", 22);
    if (q.offered == 0) {
        out << rightAligned("-", 14) << "   (no request was sent)\n";
        return;
    }
    out << rightAligned(decimal(100 * r.availability, 4) + " %", 14);
    if (const sim::ConfidenceInterval ci = availabilityInterval(r); ci.samples >= 2) {
        out << "   95% interval " << decimal(100 * ci.low, 4) << " to " << decimal(100 * ci.high, 4)
            << " %";
    }
    out << "\n";
}

// Mean and percentiles of successful requests, with the intervals across replications.
void writeLatency(std::ostringstream &out, const sim::SimulationResult &r)
{
    const sim::LogHistogram &h = r.latency;
    out << "\nLatency of successful requests (ms, from the intended send time)\n";
    if (h.empty()) {
        out << "  no request succeeded\n";
        return;
    }
    out << "  ";
    for (const char *name : {"mean", "p50", "p90", "p99", "p99.9", "max"})
        out << rightAligned(name, 10);
    out << "\n  ";
    for (double v : {h.mean() / 1e6, nsToMs(h.quantile(0.5)), nsToMs(h.quantile(0.9)),
                     nsToMs(h.quantile(0.99)), nsToMs(h.quantile(0.999)), nsToMs(h.max())})
        out << rightAligned(decimal(v, 1), 10);
    out << "\n";
    const sim::ConfidenceInterval mean = latencyInterval(r.latencyMeanMsCi);
    const sim::ConfidenceInterval p99 = latencyInterval(r.p99MsCi);
    if (mean.samples >= 2) {
        out << "  95% interval of the mean " << decimal(mean.low, 1) << " to "
            << decimal(mean.high, 1) << " ms, of p99 " << decimal(p99.low, 1) << " to "
            << decimal(p99.high, 1) << " ms\n";
    }
}

// The causes that occurred, each with its share of the failures.
void writeCauses(std::ostringstream &out, const sim::SimulationResult &r)
{
    out << "\nFailures by cause\n";
    bool any = false;
    for (std::size_t i = 0; i < failureCauseCount; ++i) {
        const std::uint64_t n = r.requests.failedByCause[i];
        if (n == 0)
            continue;
        any = true;
        out << "  " << padded(std::string(failureCauseNames[i]), 22) << rightAligned(grouped(n), 14)
            << "   " << share(n, r.requests.failed) << " of failures\n";
    }
    if (!any)
        out << "  none\n";
}

// What happened to the writes: committed, lost in failovers or restores, diverged.
void writeData(std::ostringstream &out, const sim::DataResult &d)
{
    out << "\nData\n";
    out << "  " << padded("writes committed", 22) << rightAligned(grouped(d.writesCommitted), 14)
        << "\n";
    out << "  " << padded("writes lost", 22) << rightAligned(grouped(d.writesLost), 14) << "\n";
    out << "  " << padded("writes diverged", 22) << rightAligned(grouped(d.writesDiverged), 14)
        << "\n";
    out << "  " << padded("max replication lag", 22)
        << rightAligned(decimal(d.maxReplicationLagSeconds, 3) + " s", 14) << "\n";
}

// Times after the failure ("+36.0 s"), which is what people compare between variants.
std::string after(const std::optional<double> &when, double at)
{
    return when ? "+" + decimal(*when - at, 1) + " s" : std::string("-");
}

// One line per failure: when it was detected, taken out of DNS and recovered, and its cost.
void writeIncidents(std::ostringstream &out, const sim::SimulationResult &r)
{
    constexpr std::size_t shown = 20;
    out << "\nIncidents (times after the failure; - = not before the end)\n";
    if (r.incidents.empty()) {
        out << "  none\n";
        return;
    }
    out << "  " << padded("rep", 5) << rightAligned("at (s)", 9) << "  " << padded("target", 18)
        << padded("kind", 11) << rightAligned("detected", 11) << rightAligned("dns updated", 13)
        << rightAligned("recovered", 12) << rightAligned("failed", 11)
        << rightAligned("writes lost", 13) << "\n";
    for (std::size_t i = 0; i < r.incidents.size() && i < shown; ++i) {
        const sim::Incident &n = r.incidents[i];
        out << "  " << padded(std::to_string(n.replication), 5)
            << rightAligned(decimal(n.atSeconds, 1), 9) << "  " << padded(n.target, 18)
            << padded(n.kind + (n.random ? "*" : ""), 11)
            << rightAligned(after(n.detectedSeconds, n.atSeconds), 11)
            << rightAligned(after(n.dnsUpdatedSeconds, n.atSeconds), 13)
            << rightAligned(after(n.recoveredSeconds, n.atSeconds), 12)
            << rightAligned(grouped(n.failedRequests), 11)
            << rightAligned(grouped(n.writesLost), 13) << "\n";
    }
    if (r.incidents.size() > shown)
        out << "  ... and " << r.incidents.size() - shown << " more (all of them in the JSON)\n";
    const bool anyRandom = std::any_of(r.incidents.begin(), r.incidents.end(),
                                       [](const sim::Incident &n) { return n.random; });
    if (anyRandom)
        out << "  * random failure (MTBF/MTTR)\n";
}

// The components with the highest utilisation: where the capacity runs out first.
void writeBusiest(std::ostringstream &out, const sim::SimulationResult &r)
{
    constexpr std::size_t shown = 8;
    std::vector<const sim::ComponentResult *> order;
    for (const auto &c : r.components) {
        if (c.utilization > 0 || c.served > 0 || c.failed > 0 || c.downSeconds > 0)
            order.push_back(&c);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto *a, const auto *b) { return a->utilization > b->utilization; });
    out << "\nBusiest components (means over replications; counts summed)\n";
    if (order.empty()) {
        out << "  none did any work\n";
        return;
    }
    out << "  " << padded("id", 18) << padded("kind", 16) << rightAligned("busy", 8)
        << rightAligned("queue", 9) << rightAligned("served", 14) << rightAligned("failed", 11)
        << rightAligned("down (s)", 11) << "\n";
    for (std::size_t i = 0; i < order.size() && i < shown; ++i) {
        const sim::ComponentResult &c = *order[i];
        out << "  " << padded(c.id, 18) << padded(c.kind, 16)
            << rightAligned(decimal(100 * c.utilization, 1) + "%", 8)
            << rightAligned(decimal(c.meanQueue, 2), 9) << rightAligned(grouped(c.served), 14)
            << rightAligned(grouped(c.failed), 11) << rightAligned(decimal(c.downSeconds, 1), 11)
            << "\n";
    }
}

} // namespace

std::string simulationSummaryText(const sim::SimulationResult &result, const sim::ModelSpec &model)
{
    std::ostringstream out;
    out << (model.name.empty() ? std::string("Topology") : model.name) << ": "
        << result.replications
        << (result.replications == 1 ? " replication of " : " replications of ")
        << decimal(result.durationSeconds, 0) << " s after a " << decimal(result.warmupSeconds, 0)
        << " s warm-up, seed " << result.seed << "\n";
    if (result.cancelled)
        out << "Stopped early: the numbers cover only the part that ran.\n";
    out << "\n";
    writeRequests(out, result);
    writeLatency(out, result);
    writeCauses(out, result);
    writeData(out, result.data);
    writeIncidents(out, result);
    writeBusiest(out, result);
    return out.str();
}

} // namespace topolab::core
