#pragma once

#include "simulationoutcome.h"

#include "core/model/topology.h"
#include "core/simulation/simmodelbuilder.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

namespace topolab::app {

// Simulates several variants of a topology one after another on a worker thread: the points
// of a parameter sweep, or the two sides of a comparison. Every point runs with the same seed
// (common random numbers: what differs between points is the parameter, not the noise) and
// its replications on the simulator's own worker threads, so the numbers are those of
// `topolab-cli simulate` on that variant with that seed, whatever the thread count. Each point
// is handed over as it finishes; cancel stops the point running within moments. Owns the
// worker thread and copies of the variants.
class SweepRun : public QObject
{
    Q_OBJECT

public:
    explicit SweepRun(QObject *parent = nullptr);
    // Cancels a sweep still going and waits for its thread.
    ~SweepRun() override;

    // Starts simulating `variants` in order; false, starting nothing, while another sweep runs,
    // when there is no variant, or when one of them cannot be simulated (see
    // SimulationRun::problems). `overrides` win over every variant's scenario; without a seed
    // among them, all run with the first variant's seed. `threads` 0: one per replication, at
    // most one per core.
    bool start(const std::vector<core::Topology> &variants,
               const core::SimOverrides &overrides = {}, int threads = 0);
    bool isRunning() const { return mRunning; }
    // Asks the sweep to stop; it ends soon after, with the points finished so far.
    void cancel();
    // Whether the points share one seed (the default); off when the seed is what varies, so
    // each runs its own scenario's. A seed among the overrides applies either way.
    void setCommonSeed(bool common) { mCommonSeed = common; }
    // Years > 0 runs each point in the long-horizon availability mode over that many simulated
    // years per replication, as `topolab-cli sweep --years` does; 0 runs the scenario.
    void setYears(double years) { mYears = years; }
    double years() const { return mYears; }

    int pointCount() const { return int(mOutcomes.size()); }
    // The seed the first point of the last sweep ran with (every point's, with a common seed).
    std::uint64_t seed() const { return mSeed; }
    // The points of the last sweep by index, null for a point not (yet) finished.
    const std::vector<std::shared_ptr<const SimulationOutcome>> &outcomes() const
    {
        return mOutcomes;
    }

Q_SIGNALS:
    void started();
    // The share of the whole sweep done, in [0, 1], at most every 40 ms.
    void progressed(double fraction);
    // Point `index` (in the order given) finished with this outcome.
    void pointFinished(int index, std::shared_ptr<const topolab::app::SimulationOutcome> outcome);
    // The sweep ended: every point done (completed), or stopped by cancel.
    void finished(bool completed);

private:
    class Bridge;
    void deliver(int index, std::shared_ptr<const SimulationOutcome> outcome);
    void end(bool completed);

    std::thread mWorker;
    std::atomic<bool> mStop{false};
    bool mRunning = false;
    bool mCommonSeed = true;
    double mYears = 0;
    std::uint64_t mSeed = 0;
    std::vector<std::shared_ptr<const SimulationOutcome>> mOutcomes;
};

} // namespace topolab::app
