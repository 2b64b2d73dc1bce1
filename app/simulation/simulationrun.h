#pragma once

#include "simulationoutcome.h"

#include "core/model/topology.h"
#include "core/simulation/simmodelbuilder.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <thread>

namespace topolab::app {

// One simulation for the designer, on a worker thread so that the window never waits: it
// reports progress and the per-second samples as they come, can be cancelled at any time,
// and hands over the whole outcome when it ends. Runs a copy of the topology, so the document
// may change meanwhile. The same model, seed and replications give the same result as
// `topolab-cli simulate`, whatever the thread count.
class SimulationRun : public QObject
{
    Q_OBJECT

public:
    explicit SimulationRun(QObject *parent = nullptr);
    // Cancels a run still going and waits for its thread.
    ~SimulationRun() override;

    // Why `topology` cannot be simulated: its validation errors as "id: message [code]", then
    // what it lacks (clients, dns); empty when it can.
    static QStringList problems(const core::Topology &topology);
    // Problems as people read them in a message: one "• " line each.
    static QString bulleted(const QStringList &problems);

    // Starts a run; false, starting nothing, while another runs or when problems() is not
    // empty. `threads` 0: one per replication, at most one per core.
    bool start(const core::Topology &topology, const core::SimOverrides &overrides = {},
               int threads = 0);
    bool isRunning() const { return mRunning; }
    // Asks the run to stop; it ends soon after with a cancelled outcome.
    void cancel();
    // The last run that ended, or null.
    std::shared_ptr<const SimulationOutcome> outcome() const { return mOutcome; }

Q_SIGNALS:
    void started();
    // The share of the run done, in [0, 1], a few dozen times a second at most.
    void progressed(double fraction);
    // A second of replication 0 closed (while the run goes on).
    void sampled(const topolab::sim::IntervalSample &sample);
    // The run ended, completed or cancelled (outcome->result.cancelled).
    void finished(std::shared_ptr<const topolab::app::SimulationOutcome> outcome);

private:
    class Bridge;
    void end(std::shared_ptr<const SimulationOutcome> outcome);

    std::thread mWorker;
    std::atomic<bool> mStop{false};
    bool mRunning = false;
    std::shared_ptr<const SimulationOutcome> mOutcome;
};

} // namespace topolab::app
