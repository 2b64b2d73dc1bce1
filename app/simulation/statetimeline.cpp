#include "statetimeline.h"

#include <algorithm>

namespace topolab::app {

StateTimeline::StateTimeline(const SimulationOutcome &outcome)
    : mChanges(outcome.model.components.size())
    , mDuration(outcome.result.durationSeconds)
{
    mIds.reserve(outcome.model.components.size());
    for (const sim::ComponentSpec &component : outcome.model.components)
        mIds.push_back(QString::fromStdString(component.id));
    const double warmup = double(outcome.model.warmup) / 1e9;
    for (const sim::StateChange &change : outcome.changes) {
        if (change.component >= mChanges.size())
            continue;
        mChanges[change.component].push_back({double(change.time) / 1e9 - warmup, change.state});
    }
    for (std::vector<Change> &changes : mChanges) {
        std::stable_sort(changes.begin(), changes.end(),
                         [](const Change &a, const Change &b) { return a.seconds < b.seconds; });
    }
}

QHash<QString, sim::ComponentState> StateTimeline::statesAt(double seconds) const
{
    QHash<QString, sim::ComponentState> states;
    for (std::size_t i = 0; i < mChanges.size(); ++i) {
        const std::vector<Change> &changes = mChanges[i];
        // The last change at or before the moment.
        const auto after = std::upper_bound(
            changes.begin(), changes.end(), seconds,
            [](double t, const Change &change) { return t < change.seconds; });
        if (after == changes.begin())
            continue;
        const sim::ComponentState state = std::prev(after)->state;
        if (state != sim::ComponentState::Up)
            states.insert(mIds[i], state);
    }
    return states;
}

std::vector<double> StateTimeline::changeTimes() const
{
    std::vector<double> times;
    for (const std::vector<Change> &changes : mChanges) {
        for (const Change &change : changes)
            times.push_back(change.seconds);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

} // namespace topolab::app
