#pragma once

#include "simulationoutcome.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace topolab::app {

// How busy one component was in one second of a run.
struct ComponentLoad
{
    std::optional<double> utilization; // busy share of workers or cpus; kinds that queue only
    double servedPerS = 0;             // requests (queries for a database) it served
    // servedPerS against the busiest second of any component of its kind: load balancers are
    // compared with load balancers, databases (which count queries) with databases.
    double trafficShare = 0;
};

// Every component's load through a run, per time-series bucket (the run's means over its
// replications, as the charts show): what the canvas draws when the replay is scrubbed.
class LoadTimeline
{
public:
    LoadTimeline() = default;
    explicit LoadTimeline(std::shared_ptr<const SimulationOutcome> outcome);

    bool empty() const { return mIds.empty(); }
    // The load of every component in the bucket holding `seconds` (after the warm-up).
    QHash<QString, ComponentLoad> loadAt(double seconds) const;

private:
    std::shared_ptr<const SimulationOutcome> mOutcome;
    std::vector<QString> mIds;
    std::vector<bool> mQueues;       // per component: utilisation applies
    std::vector<double> mPeakServed; // per component: the busiest second of its kind
};

} // namespace topolab::app
