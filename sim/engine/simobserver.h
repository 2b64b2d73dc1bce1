#pragma once

#include "simtime.h"

#include <cstdint>

namespace topolab::sim {

// What a component is doing, as a front end colours it.
enum class ComponentState : std::uint8_t { Up, Down, Silent, Degraded, Booting, Draining, Sick };

const char *componentStateName(ComponentState state);

// One component changed state at `time` (simulation time, warm-up included).
struct StateChange
{
    SimTime time = 0;
    std::uint32_t component = 0; // index into the model's component list
    ComponentState state = ComponentState::Up;
};

// Totals of one time-series bucket, reported when the bucket closes.
struct IntervalSample
{
    double t_s = 0; // bucket start, seconds after the warm-up
    std::uint64_t ok = 0;
    std::uint64_t failed = 0;
    double p99_ms = 0;
};

// How the simulator reports to a front end (terminal progress bar, GUI, nothing). Called on the
// simulating thread; an implementation that talks to a GUI must hand over to its own thread.
// The defaults ignore everything, so an observer overrides only what it shows.
class SimObserver
{
public:
    virtual ~SimObserver() = default;
    // Share of the run's simulated time done, in [0, 1]; called every few thousand events.
    virtual void onProgress(double /*fraction*/) {}
    virtual void onStateChange(const StateChange & /*change*/) {}
    virtual void onSample(const IntervalSample & /*sample*/) {}
    // Polled with the progress; true ends the run early (the result is then marked cancelled).
    virtual bool stopRequested() const { return false; }
};

} // namespace topolab::sim
