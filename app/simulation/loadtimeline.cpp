#include "loadtimeline.h"

#include <algorithm>
#include <cmath>

namespace topolab::app {

LoadTimeline::LoadTimeline(std::shared_ptr<const SimulationOutcome> outcome)
    : mOutcome(std::move(outcome))
{
    if (!mOutcome)
        return;
    const sim::TimeSeries &series = mOutcome->result.series;
    if (series.servedPerS.size() != mOutcome->model.components.size())
        return; // the run did not record load
    for (const sim::ComponentSpec &c : mOutcome->model.components) {
        mIds.push_back(QString::fromStdString(c.id));
        mQueues.push_back(c.kind == sim::SimKind::AppServer || c.kind == sim::SimKind::Database);
    }
    for (const std::vector<float> &perBucket : series.servedPerS)
        for (float v : perBucket)
            mPeakServed = std::max(mPeakServed, double(v));
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
        load.trafficShare = mPeakServed > 0 ? load.servedPerS / mPeakServed : 0;
        loads.insert(mIds[i], load);
    }
    return loads;
}

} // namespace topolab::app
