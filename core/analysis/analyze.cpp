#include "analysisreport.h"

#include <cmath>
#include <stdexcept>

namespace topolab::core {

AnalysisReport analyzeTopology(const Topology &topology)
{
    AnalysisReport report;
    report.singlePointsOfFailure = findSinglePointsOfFailure(topology, &report.servicePathExists);
    report.redundancy = tierRedundancy(topology);
    report.reachability = databaseReachability(topology);
    try {
        report.deployOrder = deployOrder(topology);
    } catch (const std::runtime_error &e) {
        report.deployOrderProblem = e.what();
    }
    report.capacity = estimateCapacity(topology, &report.offeredRps, &report.staticRps);

    // The bottleneck saturates first as traffic grows: the highest utilisation, or, without
    // traffic, the smallest finite capacity.
    const bool anyDemand = report.offeredRps > report.staticRps;
    for (std::size_t i = 0; i < report.capacity.size(); ++i) {
        const TierCapacity &tier = report.capacity[i];
        if (!std::isfinite(tier.capacityRps))
            continue;
        if (!report.bottleneck) {
            report.bottleneck = i;
            continue;
        }
        const TierCapacity &best = report.capacity[*report.bottleneck];
        const bool worse = anyDemand ? tier.utilization() > best.utilization()
                                     : tier.capacityRps < best.capacityRps;
        if (worse)
            report.bottleneck = i;
    }
    return report;
}

} // namespace topolab::core
