#include "loadtimeline.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace topolab::app {

LoadTimeline::LoadTimeline(std::shared_ptr<const SimulationOutcome> outcome)
    : mOutcome(std::move(outcome))
{
    if (!mOutcome)
        return;
    const sim::TimeSeries &series = mOutcome->result.series;
    if (series.servedPerS.size() != mOutcome->model.components.size())
        return; // the run did not record load
    const std::vector<sim::ComponentSpec> &components = mOutcome->model.components;
    std::map<sim::SimKind, double> peakOfKind;
    for (std::size_t i = 0; i < components.size(); ++i) {
        const sim::SimKind kind = components[i].kind;
        mIds.push_back(QString::fromStdString(components[i].id));
        mQueues.push_back(kind == sim::SimKind::AppServer || kind == sim::SimKind::Database);
        for (float v : series.servedPerS[i])
            peakOfKind[kind] = std::max(peakOfKind[kind], double(v));
    }
    for (const sim::ComponentSpec &c : components)
        mPeakServed.push_back(peakOfKind[c.kind]);
}

QHash<QString, ComponentLoad> LoadTimeline::loadAt(double seconds) const
{
    QHash<QString, ComponentLoad> loads;
    if (empty())
        return loads;
    const sim::TimeSeries &series = mOutcome->result.series;
    const std::size_t buckets = series.t.size();
    if (buckets == 0)
        return loads;
    const double bucketSeconds = series.bucketSeconds > 0 ? series.bucketSeconds : 1;
    const auto bucket = static_cast<std::size_t>(
        std::clamp(std::floor(seconds / bucketSeconds), 0.0, double(buckets - 1)));
    loads.reserve(qsizetype(mIds.size()));
    for (std::size_t i = 0; i < mIds.size(); ++i) {
        ComponentLoad load;
        if (mQueues[i] && bucket < series.utilization[i].size())
            load.utilization = series.utilization[i][bucket];
        if (bucket < series.servedPerS[i].size())
            load.servedPerS = series.servedPerS[i][bucket];
        load.trafficShare = mPeakServed[i] > 0 ? load.servedPerS / mPeakServed[i] : 0;
        loads.insert(mIds[i], load);
    }
    return loads;
}

} // namespace topolab::app
