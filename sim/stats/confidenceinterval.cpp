#include "confidenceinterval.h"

#include "runningstats.h"
#include "studentt.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstddef>

namespace topolab::sim {

namespace {

ConfidenceInterval fromMoments(double mean, double variance, std::size_t count, double confidence)
{
    ConfidenceInterval ci;
    ci.mean = mean;
    ci.low = mean;
    ci.high = mean;
    ci.samples = count > std::size_t(INT_MAX) ? INT_MAX : int(count);
    if (count < 2)
        return ci;
    const double n = static_cast<double>(count);
    const int dof = count - 1 > std::size_t(INT_MAX) ? INT_MAX : int(count - 1);
    ci.halfWidth = studentTQuantile(confidence, dof) * std::sqrt(variance / n);
    ci.low = mean - ci.halfWidth;
    ci.high = mean + ci.halfWidth;
    return ci;
}

} // namespace

double ConfidenceInterval::relativeHalfWidth() const
{
    return mean == 0 ? 0.0 : halfWidth / std::abs(mean);
}

ConfidenceInterval meanConfidenceInterval(const std::vector<double> &samples, double confidence)
{
    // Two passes: the samples are at hand, and this is exact where a running update rounds.
    const std::size_t n = samples.size();
    if (n == 0)
        return {};
    double sum = 0;
    for (double x : samples)
        sum += x;
    const double mean = sum / static_cast<double>(n);
    double squares = 0;
    for (double x : samples)
        squares += (x - mean) * (x - mean);
    const double variance = n < 2 ? 0.0 : squares / static_cast<double>(n - 1);
    return fromMoments(mean, variance, n, confidence);
}

ConfidenceInterval meanConfidenceInterval(const RunningStats &stats, double confidence)
{
    return fromMoments(stats.mean(), stats.variance(), stats.count(), confidence);
}

ConfidenceInterval batchMeansInterval(const std::vector<double> &series, int batches,
                                      double confidence)
{
    if (series.empty())
        return {};
    const std::size_t count = std::min(series.size(), std::size_t(std::max(batches, 1)));
    const std::size_t size = series.size() / count;
    const std::size_t skip = series.size() - count * size;
    std::vector<double> means;
    means.reserve(count);
    for (std::size_t b = 0; b < count; ++b) {
        double sum = 0;
        const std::size_t begin = skip + b * size;
        for (std::size_t i = begin; i < begin + size; ++i)
            sum += series[i];
        means.push_back(sum / static_cast<double>(size));
    }
    return meanConfidenceInterval(means, confidence);
}

} // namespace topolab::sim
