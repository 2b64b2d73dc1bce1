#pragma once

#include "modelspec.h"
#include "sim/engine/eventhandler.h"
#include "sim/engine/simobserver.h"
#include "sim/run/simulationresult.h"
#include "sim/stats/timeaverage.h"

namespace topolab::sim {

class World;

// The part every simulated component shares: its failure state (crashed, silent, degraded,
// stacked when failures overlap), downtime accounting and request counters. Each kind's model
// derives from it and reacts to onFailed/onRepaired.
class ComponentModel : public EventHandler
{
public:
    ComponentModel(World &world, std::uint32_t index);

    std::uint32_t index() const { return mIndex; }
    std::uint32_t handlerId() const { return mHandlerId; }
    const ComponentSpec &spec() const;

    // Refuses connections: the process is dead (crash) or the model keeps it down (recreating).
    bool refusing() const { return mState == ComponentState::Down; }
    // Drops packets: connections and requests get no answer.
    bool silent() const { return mState == ComponentState::Silent; }
    bool serving() const { return !refusing() && !silent(); }
    double slowdown() const { return mState == ComponentState::Degraded ? mSlowdown : 1.0; }
    ComponentState state() const { return mState; }

    // A failure starts or ends. Failures stack: the component is whole again when every one has
    // ended. The model may also take itself down (a database being recreated) with holdDown.
    void fail(FailureMode mode, double slowdown);
    void repair();
    bool failed() const { return mFailures > 0; }
    // The model replaced the broken instance (a recreated database): it serves again, and the
    // end of the failures that broke the old one changes nothing.
    void restoreService();

    void countServed() { ++mServed; }
    void countFailed() { ++mFailed; }

    // Running totals since the end of the warm-up, from which the load of a bucket follows:
    // busy and capacity are integrals over time (workers x ns), served a count.
    struct LoadMark
    {
        double busy = 0;
        double capacity = 0;
        std::uint64_t served = 0;
    };
    virtual LoadMark loadMark(SimTime now) const;

    // End of the warm-up: statistics restart here.
    virtual void restartStatistics(SimTime now);
    virtual ComponentResult result(SimTime now) const;

protected:
    // Sets the visible state and reports it; accounts downtime.
    void setState(ComponentState state);
    virtual void onFailed(FailureMode /*mode*/) {}
    virtual void onRepaired() {}

    World &mWorld;

private:
    std::uint32_t mIndex;
    std::uint32_t mHandlerId;
    ComponentState mState = ComponentState::Up;
    double mSlowdown = 1;
    int mFailures = 0;
    TimeAverage mDown;
    std::uint64_t mServed = 0;
    std::uint64_t mFailed = 0;
};

} // namespace topolab::sim
