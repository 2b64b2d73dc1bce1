#include "sweeprun.h"

#include "simulationrun.h"

#include "sim/availability/availabilityrunner.h"
#include "sim/run/simulator.h"

#include <QMetaObject>

#include <algorithm>
#include <chrono>

namespace topolab::app {

// The simulator's observer on the worker thread: turns one point's progress into the share of
// the whole sweep and posts it to the run's thread at most every 40 ms; answers the
// simulator's polls for a stop. The simulator serialises its calls.
class SweepRun::Bridge : public sim::SimObserver
{
public:
    Bridge(SweepRun *run, const std::atomic<bool> *stop, int points)
        : mRun(run)
        , mStop(stop)
        , mPoints(points)
    {
    }

    void setPoint(int index) { mPoint = index; }

    void onProgress(double fraction) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (now - mLastPost < std::chrono::milliseconds(40))
            return;
        mLastPost = now;
        const double whole = (mPoint + std::clamp(fraction, 0.0, 1.0)) / mPoints;
        QMetaObject::invokeMethod(
            mRun, [run = mRun, whole] { Q_EMIT run->progressed(whole); }, Qt::QueuedConnection);
    }

    bool stopRequested() const override { return mStop->load(std::memory_order_relaxed); }

private:
    SweepRun *mRun;
    const std::atomic<bool> *mStop;
    double mPoints;
    int mPoint = 0;
    std::chrono::steady_clock::time_point mLastPost;
};

SweepRun::SweepRun(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<const SimulationOutcome>>();
}

SweepRun::~SweepRun()
{
    mStop = true;
    if (mWorker.joinable())
        mWorker.join();
}

bool SweepRun::start(const std::vector<core::Topology> &variants,
                     const core::SimOverrides &overrides, int threads)
{
    if (mRunning || variants.empty())
        return false;
    for (const core::Topology &variant : variants) {
        if (!SimulationRun::problems(variant).isEmpty())
            return false;
    }
    if (mWorker.joinable())
        mWorker.join();

    // The models are built here, so the worker needs nothing but them.
    core::SimOverrides common = overrides;
    mSeed = core::buildSimModel(variants.front(), overrides).seed;
    if (mCommonSeed)
        common.seed = mSeed;
    std::vector<sim::ModelSpec> models;
    int mostReplications = 1;
    for (const core::Topology &variant : variants) {
        models.push_back(core::buildSimModel(variant, common));
        mostReplications = std::max(mostReplications, models.back().replications);
    }
    if (threads <= 0) {
        const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
        threads = std::min(mostReplications, cores);
    }

    mOutcomes.assign(models.size(), nullptr);
    mStop = false;
    mRunning = true;
    Q_EMIT started();
    mWorker = std::thread([this, models = std::move(models), threads, years = mYears] {
        Bridge bridge(this, &mStop, int(models.size()));
        bool completed = true;
        for (std::size_t i = 0; i < models.size(); ++i) {
            if (mStop) {
                completed = false;
                break;
            }
            bridge.setPoint(int(i));
            auto outcome = std::make_shared<SimulationOutcome>();
            outcome->model = models[i];
            if (years > 0) {
                sim::AvailabilityOptions options;
                options.years = years;
                outcome->availability
                    = sim::runAvailability(outcome->model, options, threads, &bridge);
                outcome->result.replications = outcome->availability->replications;
                outcome->result.cancelled = outcome->availability->cancelled;
            } else {
                outcome->result = sim::runSimulation(outcome->model, threads, &bridge);
            }
            if (outcome->result.cancelled) {
                completed = false;
                break;
            }
            std::shared_ptr<const SimulationOutcome> done = outcome;
            QMetaObject::invokeMethod(
                this, [this, i, done] { deliver(int(i), done); }, Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(
            this, [this, completed] { end(completed); }, Qt::QueuedConnection);
    });
    return true;
}

void SweepRun::cancel()
{
    mStop = true;
}

void SweepRun::deliver(int index, std::shared_ptr<const SimulationOutcome> outcome)
{
    mOutcomes[std::size_t(index)] = outcome;
    Q_EMIT pointFinished(index, std::move(outcome));
}

void SweepRun::end(bool completed)
{
    if (mWorker.joinable())
        mWorker.join();
    mRunning = false;
    if (completed)
        Q_EMIT progressed(1.0);
    Q_EMIT finished(completed);
}

} // namespace topolab::app
