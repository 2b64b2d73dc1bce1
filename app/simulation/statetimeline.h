#pragma once

#include "simulationoutcome.h"

#include <QHash>
#include <QString>

#include <vector>

namespace topolab::app {

// Every component's state through a run, from the state changes it recorded (replication 0):
// what the canvas shows when the replay is scrubbed to a moment. Looking a moment up costs a
// binary search per component that ever changed, so scrubbing jumps without re-running.
class StateTimeline
{
public:
    StateTimeline() = default;
    explicit StateTimeline(const SimulationOutcome &outcome);

    // Seconds after the warm-up, as the charts count.
    double duration() const { return mDuration; }
    // The components whose state at `seconds` is not up, by id.
    QHash<QString, sim::ComponentState> statesAt(double seconds) const;
    // Moments (seconds after the warm-up) at which some state changes, in order.
    std::vector<double> changeTimes() const;

private:
    struct Change
    {
        double seconds;
        sim::ComponentState state;
    };
    std::vector<QString> mIds;
    std::vector<std::vector<Change>> mChanges; // per component, in time order
    double mDuration = 0;
};

} // namespace topolab::app
