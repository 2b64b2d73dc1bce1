#include "simulationrun.h"

#include "document/stdstrings.h"

#include "core/simulation/simreadiness.h"
#include "core/validation/validator.h"
#include "sim/run/simulator.h"

#include <QMetaObject>

#include <algorithm>
#include <chrono>
#include <mutex>

namespace topolab::app {

// The simulator's observer on the worker thread: keeps what the outcome needs and posts what
// the window shows to the run's own thread. Progress is posted at most every 40 ms; more would
// only fill the event queue.
class SimulationRun::Bridge : public sim::SimObserver
{
public:
    Bridge(SimulationRun *run, const std::atomic<bool> *stop)
        : mRun(run)
        , mStop(stop)
    {
    }

    void onProgress(double fraction) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (fraction < 1.0 && now - mLastPost < std::chrono::milliseconds(40))
            return;
        mLastPost = now;
        QMetaObject::invokeMethod(
            mRun, [run = mRun, fraction] { Q_EMIT run->progressed(fraction); },
            Qt::QueuedConnection);
    }

    void onStateChange(const sim::StateChange &change) override { changes.push_back(change); }

    void onSample(const sim::IntervalSample &sample) override
    {
        samples.push_back(sample);
        QMetaObject::invokeMethod(
            mRun, [run = mRun, sample] { Q_EMIT run->sampled(sample); }, Qt::QueuedConnection);
    }

    bool stopRequested() const override { return mStop->load(std::memory_order_relaxed); }

    std::vector<sim::StateChange> changes;
    std::vector<sim::IntervalSample> samples;

private:
    SimulationRun *mRun;
    const std::atomic<bool> *mStop;
    std::chrono::steady_clock::time_point mLastPost;
};

SimulationRun::SimulationRun(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<sim::IntervalSample>();
    qRegisterMetaType<std::shared_ptr<const SimulationOutcome>>();
}

SimulationRun::~SimulationRun()
{
    mStop = true;
    if (mWorker.joinable())
        mWorker.join();
}

QStringList SimulationRun::problems(const core::Topology &topology)
{
    QStringList out;
    for (const core::Diagnostic &d : core::validateTopology(topology)) {
        if (d.severity != core::Severity::Error)
            continue;
        const QString where
            = d.componentId.empty() ? QString() : toQString(d.componentId) + QStringLiteral(": ");
        out.append(where + toQString(d.message) + QStringLiteral(" [") + toQString(d.code)
                   + QLatin1Char(']'));
    }
    if (out.isEmpty()) {
        if (const std::string missing = core::missingForSimulation(topology); !missing.empty())
            out.append(toQString(missing));
    }
    return out;
}

QString SimulationRun::bulleted(const QStringList &problems)
{
    return QStringLiteral("• ") + problems.join(QStringLiteral("\n• "));
}

bool SimulationRun::start(const core::Topology &topology, const core::SimOverrides &overrides,
                          int threads)
{
    if (mRunning || !problems(topology).isEmpty())
        return false;
    if (mWorker.joinable())
        mWorker.join();
    auto outcome = std::make_shared<SimulationOutcome>();
    outcome->model = core::buildSimModel(topology, overrides);
    outcome->model.recordLoad = true; // for the replay; it draws no random number
    if (threads <= 0) {
        const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
        threads = std::min(outcome->model.replications, cores);
    }
    mStop = false;
    mRunning = true;
    Q_EMIT started();
    mWorker = std::thread([this, outcome, threads] {
        Bridge bridge(this, &mStop);
        outcome->result = sim::runSimulation(outcome->model, threads, &bridge);
        outcome->changes = std::move(bridge.changes);
        outcome->samples = std::move(bridge.samples);
        std::shared_ptr<const SimulationOutcome> done = outcome;
        QMetaObject::invokeMethod(
            this, [this, done] { end(done); }, Qt::QueuedConnection);
    });
    return true;
}

void SimulationRun::cancel()
{
    mStop = true;
}

void SimulationRun::end(std::shared_ptr<const SimulationOutcome> outcome)
{
    if (mWorker.joinable())
        mWorker.join();
    mRunning = false;
    mOutcome = std::move(outcome);
    Q_EMIT finished(mOutcome);
}

} // namespace topolab::app
