#include "availabilityrunner.h"

#include "incidentwindow.h"
#include "outagetimeline.h"
#include "windowreplay.h"

#include "sim/run/replicationpool.h"
#include "sim/run/simulator.h"

#include <algorithm>
#include <chrono>

namespace topolab::sim {

namespace {

// Shows one request-level run as a stretch [base, base + span] of a replication's progress,
// passes the stop request through, and keeps the run's state changes and samples to itself.
class StretchObserver final : public SimObserver
{
public:
    StretchObserver(SimObserver *target, double base, double span)
        : mTarget(target)
        , mBase(base)
        , mSpan(span)
    {
    }

    void onProgress(double fraction) override { mTarget->onProgress(mBase + mSpan * fraction); }
    bool stopRequested() const override { return mTarget->stopRequested(); }

private:
    SimObserver *mTarget;
    double mBase;
    double mSpan;
};

ReplicationResult replay(const ModelSpec &model, int replication, SimObserver *observer,
                         double base, double span)
{
    if (!observer)
        return runReplication(model, replication, nullptr);
    StretchObserver stretch(observer, base, span);
    return runReplication(model, replication, &stretch);
}

// Worse first: more failed requests, then earlier replication, then earlier start.
bool worse(const WindowSummary &a, const WindowSummary &b)
{
    if (a.failedRequests != b.failedRequests)
        return a.failedRequests > b.failedRequests;
    if (a.replication != b.replication)
        return a.replication < b.replication;
    return a.startSeconds < b.startSeconds;
}

void keepWorst(std::vector<WindowSummary> &list, WindowSummary w, int keep)
{
    if (keep <= 0)
        return;
    const auto at = std::upper_bound(list.begin(), list.end(), w, worse);
    if (at - list.begin() >= keep)
        return;
    list.insert(at, std::move(w));
    if (list.size() > static_cast<std::size_t>(keep))
        list.pop_back();
}

SimTime horizonOf(const AvailabilityOptions &options)
{
    return fromSeconds(std::max(0.0, options.years) * secondsPerYear);
}

SimTime settleOf(const ModelSpec &model, const AvailabilityOptions &options)
{
    return options.settle >= 0 ? options.settle : defaultSettleTime(model);
}

} // namespace

AvailabilityReplication runAvailabilityReplication(const ModelSpec &model,
                                                   const AvailabilityOptions &options,
                                                   int replication, SimObserver *observer)
{
    const auto wallStart = std::chrono::steady_clock::now();
    AvailabilityReplication out;
    out.replication = replication;

    const SimTime horizon = horizonOf(options);
    const std::vector<Outage> outages = outageTimeline(model, replication, horizon);
    const std::vector<IncidentWindow> windows = mergeIntoWindows(outages, settleOf(model, options));

    // Every component with a failure process, in model order; index by component.
    std::vector<std::size_t> slot(model.components.size(), SIZE_MAX);
    for (const RandomFailureSpec &r : model.randomFailures)
        for (std::uint32_t c = 0; c < model.components.size(); ++c)
            if (model.components[c].kind == r.kind && slot[c] == SIZE_MAX)
                slot[c] = 0;
    for (std::uint32_t c = 0; c < model.components.size(); ++c) {
        if (slot[c] == SIZE_MAX)
            continue;
        slot[c] = out.components.size();
        out.components.push_back(ComponentAvailability{c, model.components[c].id, 0, 0, 0, 0});
    }
    for (const Outage &o : outages) {
        ComponentAvailability &c = out.components[slot[o.component]];
        ++c.failures;
        c.downSeconds += toSeconds(o.end - o.start);
    }
    out.failures = outages.size();
    out.windows = windows.size();

    // Progress in simulated time, warm-ups included: the baseline first, then the windows.
    const ModelSpec baseline = baselineModel(model, replication, options.baselineDuration);
    double work = toSeconds(baseline.warmup + baseline.duration);
    for (const IncidentWindow &w : windows)
        work += toSeconds(model.warmup + w.length());
    work = std::max(work, 1e-9);
    double done = 0;

    const ReplicationResult base
        = replay(baseline, 0, observer, 0, toSeconds(baseline.warmup + baseline.duration) / work);
    done += toSeconds(baseline.warmup + baseline.duration);
    out.events += base.events;
    out.cancelled = base.cancelled;
    out.baselineFailedShare = base.requests.offered > 0
                                  ? static_cast<double>(base.requests.failed)
                                        / static_cast<double>(base.requests.offered)
                                  : 0.0;
    std::array<double, failureCauseCount> baselineCauseShare{};
    for (std::size_t i = 0; i < failureCauseCount; ++i)
        baselineCauseShare[i] = base.requests.offered > 0
                                    ? static_cast<double>(base.requests.failedByCause[i])
                                          / static_cast<double>(base.requests.offered)
                                    : 0.0;

    SimTime covered = 0; // window time, overhang past the horizon included
    SimTime end = horizon;
    double windowExpected = 0;
    for (std::size_t k = 0; k < windows.size() && !out.cancelled; ++k) {
        const IncidentWindow &w = windows[k];
        const double span = toSeconds(model.warmup + w.length());
        const ReplicationResult r
            = replay(windowModel(model, w, replication), static_cast<int>(k) + 1, observer,
                     done / work, span / work);
        done += span;
        out.cancelled = r.cancelled;
        covered += w.length();
        end = std::max(end, w.end);
        windowExpected += expectedOffered(model, w.start, w.end);
        out.offered += static_cast<double>(r.requests.offered);
        out.ok += static_cast<double>(r.requests.ok);
        out.failed += static_cast<double>(r.requests.failed);
        for (std::size_t i = 0; i < failureCauseCount; ++i)
            out.failedByCause[i] += static_cast<double>(r.requests.failedByCause[i]);
        out.writesLost += r.data.writesLost;
        out.events += r.events;

        bool solo = true;
        for (const Outage &o : w.outages)
            solo = solo && o.component == w.outages.front().component;
        if (solo) {
            ComponentAvailability &c = out.components[slot[w.outages.front().component]];
            c.failedRequests += static_cast<double>(r.requests.failed);
            ++c.soloWindows;
        } else {
            ++out.overlappingWindows;
            out.overlappingFailedRequests += static_cast<double>(r.requests.failed);
        }
        WindowSummary summary{
            replication, toSeconds(w.start), toSeconds(w.length()), {}, r.requests.failed};
        for (const Outage &o : w.outages)
            summary.components.push_back(model.components[o.component].id);
        keepWorst(out.worstWindows, std::move(summary), options.worstWindows);
    }

    // The quiet time: what the clients offer outside the windows, failing at the baseline's rate.
    out.simulatedSeconds = toSeconds(end);
    out.quietSeconds = toSeconds(end - covered);
    const double quietOffered = std::max(0.0, expectedOffered(model, 0, end) - windowExpected);
    out.offered += quietOffered;
    out.failed += quietOffered * out.baselineFailedShare;
    out.ok += quietOffered * (1 - out.baselineFailedShare);
    for (std::size_t i = 0; i < failureCauseCount; ++i)
        out.failedByCause[i] += quietOffered * baselineCauseShare[i];
    out.availability = out.offered > 0 ? out.ok / out.offered : 1.0;
    if (observer && !out.cancelled)
        observer->onProgress(1.0);
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wallStart;
    out.wallSeconds = wall.count();
    return out;
}

AvailabilityResult runAvailability(const ModelSpec &model, const AvailabilityOptions &options,
                                   int threads, SimObserver *observer)
{
    const auto start = std::chrono::steady_clock::now();
    const int replications
        = std::max(1, options.replications > 0 ? options.replications : model.replications);
    std::vector<AvailabilityReplication> runs(static_cast<std::size_t>(replications));
    const int workers
        = runReplicationPool(replications, threads, observer, [&](int k, SimObserver *forward) {
              runs[static_cast<std::size_t>(k)]
                  = runAvailabilityReplication(model, options, k, forward);
          });
    AvailabilityResult result = poolAvailability(model, options, std::move(runs));
    result.threads = workers;
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
    result.wallSeconds = wall.count();
    return result;
}

} // namespace topolab::sim
