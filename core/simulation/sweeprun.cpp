#include "sweeprun.h"

#include "sim/availability/availabilityrunner.h"
#include "sim/run/simulator.h"

#include <algorithm>
#include <mutex>
#include <thread>

namespace topolab::core {

namespace {

// Lets a task see a stop asked of the whole run; progress is reported per task instead.
class StopOnly final : public sim::SimObserver
{
public:
    StopOnly(sim::SimObserver *target, std::mutex &mutex)
        : mTarget(target)
        , mMutex(mutex)
    {
    }

    bool stopRequested() const override
    {
        std::lock_guard lock(mMutex);
        return mTarget->stopRequested();
    }

private:
    sim::SimObserver *mTarget;
    std::mutex &mMutex;
};

SweepOutcome fromReplication(const sim::ReplicationResult &run, const sim::ModelSpec &model)
{
    SweepOutcome o;
    o.offered = static_cast<double>(run.requests.offered);
    o.ok = static_cast<double>(run.requests.ok);
    o.failed = static_cast<double>(run.requests.failed);
    for (std::size_t i = 0; i < o.failedByCause.size(); ++i)
        o.failedByCause[i] = static_cast<double>(run.requests.failedByCause[i]);
    o.latencyCount = run.latency.count();
    if (!run.latency.empty()) {
        o.latencyMeanMs = run.latency.mean() / 1e6;
        o.latencyP99Ms = static_cast<double>(run.latency.quantile(0.99)) / 1e6;
    }
    // Failures that began before the warm-up ended are not part of the measured period.
    for (const sim::Incident &incident : run.incidents)
        o.failures += incident.atSeconds >= 0 ? 1 : 0;
    o.writesLost = static_cast<double>(run.data.writesLost);
    o.simulatedSeconds = sim::toSeconds(model.duration);
    o.events = run.events;
    o.wallSeconds = run.wallSeconds;
    return o;
}

// The availability mode reports no latency: it replays only the incident windows, so the
// requests it times are not a sample of all requests.
SweepOutcome fromAvailability(const sim::AvailabilityReplication &run)
{
    SweepOutcome o;
    o.offered = run.offered;
    o.ok = run.ok;
    o.failed = run.failed;
    o.failedByCause = run.failedByCause;
    o.failures = run.failures;
    o.writesLost = static_cast<double>(run.writesLost);
    o.simulatedSeconds = run.simulatedSeconds;
    o.events = run.events;
    o.wallSeconds = run.wallSeconds;
    return o;
}

} // namespace

SweepOutcome runSweepTask(const SweepPlan &plan, SweepTask task, sim::SimObserver *observer)
{
    const sim::ModelSpec &model = plan.models.at(task.point);
    if (plan.years > 0) {
        sim::AvailabilityOptions options;
        options.years = plan.years;
        options.replications = plan.replications;
        return fromAvailability(sim::runAvailabilityReplication(
            model, options, static_cast<int>(task.replication), observer));
    }
    const sim::ReplicationResult run
        = sim::runReplication(model, static_cast<int>(task.replication), observer);
    return fromReplication(run, model);
}

std::string describeFailedTask(const SweepPlan &plan, std::size_t index, const char *what)
{
    const SweepTask task = taskAt(plan, index);
    return "run " + std::to_string(index) + " (point " + std::to_string(task.point + 1) + ", "
           + (task.point < plan.labels.size() ? plan.labels[task.point] : std::string())
           + ", replication " + std::to_string(task.replication + 1) + ") failed: " + what;
}

std::string runSweepThreads(const SweepPlan &plan, SweepQueue &queue, int threads,
                            sim::SimObserver *observer)
{
    std::mutex mutex;
    std::string failure;
    StopOnly stop(observer, mutex);
    const auto stopped = [&] {
        return observer && stop.stopRequested();
    };
    auto work = [&] {
        while (!stopped()) {
            const std::optional<std::size_t> index = queue.take();
            if (!index)
                return;
            SweepOutcome outcome;
            try {
                outcome = runSweepTask(plan, taskAt(plan, *index), observer ? &stop : nullptr);
            } catch (const std::exception &e) {
                std::lock_guard lock(mutex);
                if (failure.empty())
                    failure = describeFailedTask(plan, *index, e.what());
                queue.abandon();
                return;
            }
            if (stopped()) {
                queue.giveBack(*index);
                return;
            }
            queue.finish(*index, outcome);
            if (observer) {
                std::lock_guard lock(mutex);
                observer->onProgress(static_cast<double>(queue.finishedCount())
                                     / static_cast<double>(std::max<std::size_t>(1, queue.size())));
            }
        }
    };
    const int workers = std::max(1, threads);
    if (workers == 1) {
        work();
        return failure;
    }
    std::vector<std::thread> pool;
    for (int i = 0; i < workers; ++i)
        pool.emplace_back(work);
    for (std::thread &t : pool)
        t.join();
    return failure;
}

} // namespace topolab::core
