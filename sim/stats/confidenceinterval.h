#pragma once

#include <vector>

namespace topolab::sim {

class RunningStats;

// A mean with its two-sided confidence interval, as reported for every simulation result.
struct ConfidenceInterval
{
    double mean = 0;
    double low = 0;
    double high = 0;
    double halfWidth = 0;
    int samples = 0; // independent samples (replications or batches) behind the interval

    bool contains(double value) const { return low <= value && value <= high; }
    // halfWidth / |mean|: the usual stopping rule for "enough replications"; 0 if mean is 0.
    double relativeHalfWidth() const;
};

// Student-t interval of the mean of independent samples (e.g. one value per replication).
// With fewer than 2 samples the interval is [mean, mean] with halfWidth 0.
ConfidenceInterval meanConfidenceInterval(const std::vector<double> &samples,
                                          double confidence = 0.95);

// The same from a stream summary, when the samples were not kept.
ConfidenceInterval meanConfidenceInterval(const RunningStats &stats, double confidence = 0.95);

// Batch-means interval for one long autocorrelated series: split into `batches` equal
// consecutive batches (the remainder is dropped at the start, where the warm-up transient
// lingers), interval of the batch means with batches - 1 dof. The mean is that of the kept part.
// With fewer values than batches, each value is its own batch; batches < 1 counts as 1.
ConfidenceInterval batchMeansInterval(const std::vector<double> &series, int batches = 30,
                                      double confidence = 0.95);

} // namespace topolab::sim
