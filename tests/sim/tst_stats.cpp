// The statistics toolkit behind every simulation result: log histograms, running moments,
// Student-t quantiles, confidence intervals and time averages.
#include "sim/stats/confidenceinterval.h"
#include "sim/stats/loghistogram.h"
#include "sim/stats/runningstats.h"
#include "sim/stats/studentt.h"
#include "sim/stats/timeaverage.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>
#include <vector>

using namespace topolab::sim;

namespace {

constexpr std::int64_t int64Max = std::numeric_limits<std::int64_t>::max();

// The reference a histogram quantile approximates: the value at rank ceil(q n), at least 1.
std::int64_t exactQuantile(const std::vector<std::int64_t> &sorted, double q)
{
    const double n = static_cast<double>(sorted.size());
    const double rank = std::max(std::ceil(q * n), 1.0);
    return sorted[std::size_t(std::min(rank, n)) - 1];
}

bool relativelyClose(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * std::abs(expected);
}

template<typename Histogram> void checkBucketLayout()
{
    constexpr int bits = Histogram::subBucketBits;
    const std::size_t slots = Histogram::bucketSlots();
    QVERIFY(slots <= std::size_t(64 - bits + 1) << bits);
    QCOMPARE(Histogram::bucketLow(0), std::int64_t(0));
    for (std::size_t i = 0; i < slots; ++i) {
        const std::int64_t low = Histogram::bucketLow(i);
        const std::int64_t high = Histogram::bucketHigh(i);
        QVERIFY(low <= high);
        QCOMPARE(Histogram::bucketIndex(low), i);
        QCOMPARE(Histogram::bucketIndex(high), i);
        // The width, relative to the smallest value in the bucket, is the error bound.
        if (low > 0) {
            const double width = static_cast<double>(std::uint64_t(high - low) + 1);
            QVERIFY(width / static_cast<double>(low) <= Histogram::relativeErrorBound()
                    || high - low == 0);
        }
        if (i + 1 < slots)
            QCOMPARE(Histogram::bucketLow(i + 1), high + 1);
    }
    QCOMPARE(Histogram::bucketHigh(slots - 1), int64Max);
    QCOMPARE(Histogram::bucketIndex(int64Max), slots - 1);
    QCOMPARE(Histogram::bucketIndex(-1), std::size_t(0));
    QCOMPARE(Histogram::bucketIndex(std::numeric_limits<std::int64_t>::min()), std::size_t(0));
}

template<typename Histogram> void checkExactSmallValues()
{
    const std::int64_t exactBelow = std::int64_t(1) << (Histogram::subBucketBits + 1);
    Histogram h;
    for (std::int64_t v = 0; v < exactBelow; ++v) {
        QCOMPARE(Histogram::bucketLow(Histogram::bucketIndex(v)), v);
        QCOMPARE(Histogram::bucketHigh(Histogram::bucketIndex(v)), v);
        h.record(v);
    }
    // One value per bucket: every rank is reported exactly.
    const auto n = static_cast<double>(exactBelow);
    for (std::int64_t rank = 1; rank <= exactBelow; ++rank)
        QCOMPARE(h.quantile((static_cast<double>(rank) - 0.5) / n), rank - 1);
}

template<typename Histogram> void checkQuantiles(const std::vector<std::int64_t> &values)
{
    Histogram h;
    // The exact sum, to check that mean() does not come from the buckets.
    __extension__ using Wide = __int128;
    Wide sum = 0;
    for (std::int64_t v : values) {
        h.record(v);
        sum += v;
    }
    std::vector<std::int64_t> sorted = values;
    std::sort(sorted.begin(), sorted.end());

    QCOMPARE(h.count(), std::uint64_t(values.size()));
    QCOMPARE(h.min(), sorted.front());
    QCOMPARE(h.max(), sorted.back());
    const long double exactMean = static_cast<long double>(sum) / values.size();
    QCOMPARE(h.mean(), static_cast<double>(exactMean));

    for (double q : {0.0, 0.5, 0.9, 0.99, 0.999, 1.0}) {
        const std::int64_t exact = exactQuantile(sorted, q);
        const std::int64_t reported = h.quantile(q);
        const double error = std::abs(static_cast<double>(reported - exact));
        if (error > Histogram::relativeErrorBound() * static_cast<double>(exact)) {
            QFAIL(qPrintable(
                QStringLiteral("q=%1: reported %2, exact %3").arg(q).arg(reported).arg(exact)));
        }
    }
    QCOMPARE(h.quantile(0.0), sorted.front());
    QCOMPARE(h.quantile(1.0), sorted.back());
}

using Generator = std::function<std::int64_t(std::mt19937_64 &)>;

std::vector<std::int64_t> sample(const Generator &generate, std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::vector<std::int64_t> values(n);
    for (auto &v : values)
        v = generate(rng);
    return values;
}

std::int64_t toNanoseconds(double x)
{
    return x >= 9.2e18 ? int64Max : static_cast<std::int64_t>(std::llround(x));
}

} // namespace

Q_DECLARE_METATYPE(Generator)

// Checks the histogram against exact order statistics, the Student-t quantiles against
// independently computed values, and the intervals against their nominal coverage.
class TestStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void histogramExactForSmallValues();
    void histogramBucketsAreContiguous();
    void histogramQuantileWithinBound_data();
    void histogramQuantileWithinBound();
    void histogramMeanIsExact();
    void histogramNegativeClampsToZero();
    void histogramEmpty();
    void histogramStorageIsLazyAndBounded();
    void histogramMergeEqualsRecordingAll();
    void histogramClear();
    void coarseHistogramSaturatesBucketsNotCount();

    void studentTKnownValues_data();
    void studentTKnownValues();
    void studentTInvertsCdf();
    void studentTEdgeCases();
    void normalQuantileKnownValues();

    void meanIntervalOfKnownSample();
    void meanIntervalWithFewSamples();
    void meanIntervalCoverage();
    void meanIntervalFromRunningStats();
    void batchMeansUsesConsecutiveBatches();
    void batchMeansWidensForCorrelatedSeries();

    void runningStatsMatchesTwoPass();
    void runningStatsMerge();
    void runningStatsFewValues();

    void timeAverageHandExample();
    void timeAverageRestart();
};

void TestStats::histogramExactForSmallValues()
{
    checkExactSmallValues<LogHistogram>();
    checkExactSmallValues<CoarseLogHistogram>();
}

void TestStats::histogramBucketsAreContiguous()
{
    checkBucketLayout<LogHistogram>();
    checkBucketLayout<CoarseLogHistogram>();
}

void TestStats::histogramQuantileWithinBound_data()
{
    QTest::addColumn<Generator>("generate");

    QTest::newRow("exponential 1 ms") << Generator([](std::mt19937_64 &rng) {
        return toNanoseconds(std::exponential_distribution<double>(1e-6)(rng));
    });
    QTest::newRow("lognormal 1 ms, sigma 1.5") << Generator([](std::mt19937_64 &rng) {
        return toNanoseconds(std::lognormal_distribution<double>(std::log(1e6), 1.5)(rng));
    });
    QTest::newRow("uniform 0..1 s") << Generator([](std::mt19937_64 &rng) {
        return std::uniform_int_distribution<std::int64_t>(0, 1'000'000'000)(rng);
    });
    QTest::newRow("pareto 1.2, heavy tail") << Generator([](std::mt19937_64 &rng) {
        const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
        return toNanoseconds(1e4 * std::pow(1.0 - u, -1.0 / 1.2));
    });
    QTest::newRow("small integers") << Generator([](std::mt19937_64 &rng) {
        return std::int64_t(std::poisson_distribution<int>(20.0)(rng));
    });
    QTest::newRow("near int64 max") << Generator([](std::mt19937_64 &rng) {
        return std::uniform_int_distribution<std::int64_t>(int64Max / 2, int64Max)(rng);
    });
}

void TestStats::histogramQuantileWithinBound()
{
    QFETCH(Generator, generate);
    const std::vector<std::int64_t> values = sample(generate, 100'000, 20240611);
    checkQuantiles<LogHistogram>(values);
    checkQuantiles<CoarseLogHistogram>(values);
}

void TestStats::histogramMeanIsExact()
{
    LogHistogram h;
    h.record(int64Max, 3);
    h.record(1);
    QCOMPARE(h.count(), std::uint64_t(4));
    // 3 (2^63 - 1) + 1 needs 65 bits; a double or long double running sum would round it.
    __extension__ using Wide = __int128;
    const Wide exactSum = Wide(int64Max) * 3 + 1;
    QCOMPARE(h.sum(), static_cast<long double>(exactSum));
    QCOMPARE(h.mean(), static_cast<double>(static_cast<long double>(exactSum) / 4.0L));
    QCOMPARE(h.min(), std::int64_t(1));
    QCOMPARE(h.max(), int64Max);

    CoarseLogHistogram coarse;
    coarse.record(1'000'001);
    coarse.record(1'000'002);
    QCOMPARE(coarse.mean(), 1'000'001.5);
}

void TestStats::histogramNegativeClampsToZero()
{
    LogHistogram h;
    h.record(-5);
    h.record(std::numeric_limits<std::int64_t>::min());
    QCOMPARE(h.count(), std::uint64_t(2));
    QCOMPARE(h.min(), std::int64_t(0));
    QCOMPARE(h.max(), std::int64_t(0));
    QCOMPARE(h.mean(), 0.0);
    QCOMPARE(h.bucketCount(0), std::uint64_t(2));
}

void TestStats::histogramEmpty()
{
    const LogHistogram h;
    QVERIFY(h.empty());
    QCOMPARE(h.count(), std::uint64_t(0));
    QCOMPARE(h.mean(), 0.0);
    QCOMPARE(h.min(), std::int64_t(0));
    QCOMPARE(h.max(), std::int64_t(0));
    QCOMPARE(h.quantile(0.5), std::int64_t(0));
    LogHistogram zeroCount;
    zeroCount.record(42, 0);
    QVERIFY(zeroCount.empty());
    QCOMPARE(zeroCount.storedBuckets(), std::size_t(0));
}

void TestStats::histogramStorageIsLazyAndBounded()
{
    CoarseLogHistogram unused;
    QCOMPARE(unused.storedBuckets(), std::size_t(0));
    QVERIFY(sizeof(CoarseLogHistogram) <= 12 * sizeof(void *));

    // Latencies from 1 ms to 1 s span ten powers of two: ten groups, not the whole range.
    LogHistogram latencies;
    for (std::int64_t v = 1'000'000; v <= 1'000'000'000; v += 7'919)
        latencies.record(v);
    QCOMPARE(latencies.storedBuckets(), std::size_t(11) << LogHistogram::subBucketBits);

    LogHistogram full;
    full.record(0);
    full.record(int64Max);
    QCOMPARE(full.storedBuckets(), LogHistogram::bucketSlots());
    QVERIFY(full.storedBuckets() <= std::size_t(64 - 7 + 1) << 7);
    QCOMPARE(full.quantile(0.5), std::int64_t(0));
    QCOMPARE(full.quantile(1.0), int64Max);
}

void TestStats::histogramMergeEqualsRecordingAll()
{
    std::mt19937_64 rng(7);
    std::lognormal_distribution<double> latency(std::log(2e5), 2.0);
    LogHistogram all;
    LogHistogram low; // disjoint and overlapping ranges, so merge has to widen both ways
    LogHistogram high;
    LogHistogram mixed;
    for (int i = 0; i < 30'000; ++i) {
        const std::int64_t v = toNanoseconds(latency(rng));
        all.record(v);
        if (i % 3 == 0)
            mixed.record(v);
        else if (v < 200'000)
            low.record(v);
        else
            high.record(v);
    }
    LogHistogram merged;
    merged.merge(high);
    merged.merge(LogHistogram());
    merged.merge(low);
    merged.merge(mixed);
    QVERIFY(merged == all);
    QVERIFY(!(merged == high));
    QCOMPARE(merged.count(), all.count());
    QCOMPARE(merged.mean(), all.mean());
    QCOMPARE(merged.min(), all.min());
    QCOMPARE(merged.max(), all.max());
    for (double q : {0.0, 0.25, 0.5, 0.9, 0.99, 0.999, 1.0})
        QCOMPARE(merged.quantile(q), all.quantile(q));
}

void TestStats::histogramClear()
{
    CoarseLogHistogram h;
    h.record(5);
    h.record(123'456'789);
    h.clear();
    QVERIFY(h.empty());
    QCOMPARE(h.count(), std::uint64_t(0));
    QCOMPARE(h.storedBuckets(), std::size_t(0));
    QCOMPARE(h.quantile(0.5), std::int64_t(0));
    QVERIFY(h == CoarseLogHistogram());
    h.record(77);
    QCOMPARE(h.min(), std::int64_t(77));
    QCOMPARE(h.max(), std::int64_t(77));
    QCOMPARE(h.quantile(0.5), std::int64_t(77));
}

void TestStats::coarseHistogramSaturatesBucketsNotCount()
{
    CoarseLogHistogram h;
    const std::uint64_t many = std::uint64_t(1) << 33;
    h.record(3, many);
    h.record(1'000);
    QCOMPARE(h.count(), many + 1);
    QCOMPARE(h.bucketCount(CoarseLogHistogram::bucketIndex(3)),
             std::uint64_t(std::numeric_limits<std::uint32_t>::max()));
    QCOMPARE(h.mean(), static_cast<double>((3.0L * many + 1000.0L) / (many + 1)));
    // The quantiles rank within what the buckets hold.
    QCOMPARE(h.quantile(0.5), std::int64_t(3));
    QCOMPARE(h.quantile(0.99), std::int64_t(3));
    QCOMPARE(h.quantile(1.0), std::int64_t(1'000));
}

void TestStats::studentTKnownValues_data()
{
    QTest::addColumn<double>("confidence");
    QTest::addColumn<int>("dof");
    QTest::addColumn<double>("expected");

    // From the brief (standard tables).
    QTest::newRow("0.95, 1") << 0.95 << 1 << 12.7062047362;
    QTest::newRow("0.95, 2") << 0.95 << 2 << 4.30265272975;
    QTest::newRow("0.95, 4") << 0.95 << 4 << 2.7764451052;
    QTest::newRow("0.95, 9") << 0.95 << 9 << 2.26215716280;
    QTest::newRow("0.95, 19") << 0.95 << 19 << 2.09302405441;
    QTest::newRow("0.95, 30") << 0.95 << 30 << 2.04227245630;
    QTest::newRow("0.99, 10") << 0.99 << 10 << 3.16927267262;
    QTest::newRow("0.95, 1000") << 0.95 << 1000 << 1.96233908082;
    // Computed with mpmath at 30 digits by root-finding on the regularized incomplete beta.
    QTest::newRow("0.8, 1") << 0.8 << 1 << 3.0776835371752541;
    QTest::newRow("0.8, 3") << 0.8 << 3 << 1.6377443536962103;
    QTest::newRow("0.9, 5") << 0.9 << 5 << 2.0150483733330244;
    QTest::newRow("0.999, 1") << 0.999 << 1 << 636.61924876871905;
    QTest::newRow("0.999, 2") << 0.999 << 2 << 31.599054576443607;
    QTest::newRow("0.999, 7") << 0.999 << 7 << 5.4078825208617244;
    QTest::newRow("0.999, 15") << 0.999 << 15 << 4.0727651959037913;
    QTest::newRow("0.999, 1000") << 0.999 << 1000 << 3.3002826484239127;
    QTest::newRow("0.8, 1000") << 0.8 << 1000 << 1.2823987214609246;
    QTest::newRow("0.85, 12") << 0.85 << 12 << 1.5379564945301248;
    QTest::newRow("0.9, 57") << 0.9 << 57 << 1.6720288884609532;
    QTest::newRow("0.975, 123") << 0.975 << 123 << 2.2691720973396014;
    QTest::newRow("0.99, 500") << 0.99 << 500 << 2.5856978351419417;
    QTest::newRow("0.995, 3") << 0.995 << 3 << 7.453318505150623;
    // Large dof goes through the Cornish-Fisher expansion around the normal quantile.
    QTest::newRow("0.95, 100000") << 0.95 << 100000 << 1.9599877075346093;
    QTest::newRow("0.999, 100000") << 0.999 << 100000 << 3.2906240314118824;
    QTest::newRow("0.95, 1000000") << 0.95 << 1000000 << 1.9599663568141067;
}

void TestStats::studentTKnownValues()
{
    QFETCH(double, confidence);
    QFETCH(int, dof);
    QFETCH(double, expected);
    const double t = studentTQuantile(confidence, dof);
    if (!relativelyClose(t, expected, 1e-10))
        QFAIL(qPrintable(QStringLiteral("got %1, expected %2").arg(t, 0, 'g', 17).arg(expected)));
}

void TestStats::studentTInvertsCdf()
{
    for (int dof : {1, 2, 3, 5, 8, 13, 30, 99, 250, 1000, 5000}) {
        for (double confidence : {0.01, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.999999}) {
            const double t = studentTQuantile(confidence, dof);
            const double upper = (1.0 - confidence) / 2.0;
            // Compare the small upper tail, which is where the precision must be.
            QVERIFY(relativelyClose(1.0 - studentTCdf(t, dof), upper, 1e-9));
            QVERIFY(relativelyClose(studentTCdf(-t, dof), upper, 1e-9));
        }
    }
    QCOMPARE(studentTCdf(0.0, 7), 0.5);
}

void TestStats::studentTEdgeCases()
{
    QCOMPARE(studentTQuantile(0.0, 5), 0.0);
    QVERIFY(std::isinf(studentTQuantile(1.0, 5)));
    QVERIFY(std::isnan(studentTQuantile(0.95, 0)));
    QVERIFY(std::isnan(studentTQuantile(std::nan(""), 3)));
    // Monotone in both arguments.
    QVERIFY(studentTQuantile(0.95, 10) > studentTQuantile(0.95, 11));
    QVERIFY(studentTQuantile(0.951, 10) > studentTQuantile(0.95, 10));
    QVERIFY(studentTQuantile(0.95, 99'999) >= studentTQuantile(0.95, 100'000));
    // The incomplete beta at its closed forms: I_x(1, 1) = x, I_x(a, 1) = x^a.
    QVERIFY(relativelyClose(regularizedIncompleteBeta(1.0, 1.0, 0.3), 0.3, 1e-14));
    QVERIFY(relativelyClose(regularizedIncompleteBeta(2.5, 1.0, 0.7), std::pow(0.7, 2.5), 1e-14));
}

void TestStats::normalQuantileKnownValues()
{
    QVERIFY(relativelyClose(normalQuantile(0.95), 1.9599639845400539, 1e-12));
    QVERIFY(relativelyClose(normalQuantile(0.99), 2.5758293035489005, 1e-12));
    QVERIFY(relativelyClose(normalQuantile(0.999), 3.2905267314918945, 1e-12));
    QCOMPARE(normalQuantile(0.0), 0.0);
}

void TestStats::meanIntervalOfKnownSample()
{
    // {2, 4, 4, 4, 5, 5, 7, 9}: mean 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32, so
    // s^2 = 32 / 7 and the standard error is sqrt(32 / 7 / 8) = sqrt(4 / 7) = 0.7559289460184545;
    // t(0.95, 7) = 2.3646242515927847, half-width 1.7874879182362104.
    const ConfidenceInterval ci = meanConfidenceInterval({2, 4, 4, 4, 5, 5, 7, 9});
    QCOMPARE(ci.samples, 8);
    QCOMPARE(ci.mean, 5.0);
    QVERIFY(relativelyClose(ci.halfWidth, 1.7874879182362104, 1e-12));
    QVERIFY(relativelyClose(ci.low, 5.0 - 1.7874879182362104, 1e-12));
    QVERIFY(relativelyClose(ci.high, 5.0 + 1.7874879182362104, 1e-12));
    QVERIFY(ci.contains(5.0) && ci.contains(3.5) && !ci.contains(6.9));
    QVERIFY(relativelyClose(ci.relativeHalfWidth(), 1.7874879182362104 / 5.0, 1e-12));

    const ConfidenceInterval wider = meanConfidenceInterval({2, 4, 4, 4, 5, 5, 7, 9}, 0.99);
    QVERIFY(wider.halfWidth > ci.halfWidth);
}

void TestStats::meanIntervalWithFewSamples()
{
    const ConfidenceInterval none = meanConfidenceInterval(std::vector<double>{});
    QCOMPARE(none.samples, 0);
    QCOMPARE(none.halfWidth, 0.0);
    const ConfidenceInterval one = meanConfidenceInterval({4.5});
    QCOMPARE(one.samples, 1);
    QCOMPARE(one.mean, 4.5);
    QCOMPARE(one.low, 4.5);
    QCOMPARE(one.high, 4.5);
    QCOMPARE(one.halfWidth, 0.0);
    const ConfidenceInterval same = meanConfidenceInterval({2.0, 2.0, 2.0});
    QCOMPARE(same.halfWidth, 0.0);
    QCOMPARE(same.mean, 2.0);
}

void TestStats::meanIntervalCoverage()
{
    // 2000 intervals of 10 normal samples: the share covering the true mean is binomial with
    // standard deviation sqrt(0.95 * 0.05 / 2000) = 0.5 %, so +-1.5 % is three of them.
    std::mt19937_64 rng(12345);
    std::normal_distribution<double> normal(3.0, 2.0);
    int covered = 0;
    const int intervals = 2000;
    for (int i = 0; i < intervals; ++i) {
        std::vector<double> samples(10);
        for (double &x : samples)
            x = normal(rng);
        if (meanConfidenceInterval(samples).contains(3.0))
            ++covered;
    }
    const double coverage = double(covered) / intervals;
    QVERIFY2(std::abs(coverage - 0.95) <= 0.015, qPrintable(QString::number(coverage)));
}

void TestStats::meanIntervalFromRunningStats()
{
    const std::vector<double> samples = {2, 4, 4, 4, 5, 5, 7, 9};
    RunningStats stats;
    for (double x : samples)
        stats.add(x);
    const ConfidenceInterval fromStats = meanConfidenceInterval(stats);
    const ConfidenceInterval fromSamples = meanConfidenceInterval(samples);
    QCOMPARE(fromStats.samples, fromSamples.samples);
    QVERIFY(relativelyClose(fromStats.mean, fromSamples.mean, 1e-14));
    QVERIFY(relativelyClose(fromStats.halfWidth, fromSamples.halfWidth, 1e-12));
    QCOMPARE(meanConfidenceInterval(RunningStats()).halfWidth, 0.0);
}

void TestStats::batchMeansUsesConsecutiveBatches()
{
    // 11 values in 3 batches of 3: the first 2 values (the warm-up end) are dropped, and the
    // batch means are (1+2+3)/3 = 2, (4+5+6)/3 = 5, (7+8+9)/3 = 8.
    const std::vector<double> series = {100, -100, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const ConfidenceInterval ci = batchMeansInterval(series, 3);
    const ConfidenceInterval expected = meanConfidenceInterval({2, 5, 8});
    QCOMPARE(ci.samples, 3);
    QCOMPARE(ci.mean, 5.0);
    QVERIFY(relativelyClose(ci.halfWidth, expected.halfWidth, 1e-14));
    // Fewer values than batches: each value is a batch.
    QCOMPARE(batchMeansInterval({1, 2, 3}, 30).samples, 3);
    QCOMPARE(batchMeansInterval(std::vector<double>{}, 30).samples, 0);
    QCOMPARE(batchMeansInterval({1, 2, 3, 4}, 0).halfWidth, 0.0);
}

void TestStats::batchMeansWidensForCorrelatedSeries()
{
    // AR(1) with phi = 0.9: the variance of the mean is (1 + phi) / (1 - phi) = 19 times what
    // the independence assumption claims, so batch means must be about sqrt(19) = 4.4 times
    // wider than the naive interval, and still cover the true mean 0.
    std::mt19937_64 rng(99);
    std::normal_distribution<double> noise(0.0, 1.0);
    const double phi = 0.9;
    std::vector<double> series(200'000);
    double x = 0.0;
    for (double &v : series) {
        x = phi * x + noise(rng);
        v = x;
    }
    const ConfidenceInterval batched = batchMeansInterval(series, 30);
    const ConfidenceInterval naive = meanConfidenceInterval(series);
    QCOMPARE(batched.samples, 30);
    const double ratio = batched.halfWidth / naive.halfWidth;
    QVERIFY2(ratio > 3.0 && ratio < 6.5, qPrintable(QString::number(ratio)));
    QVERIFY(batched.contains(0.0));
}

void TestStats::runningStatsMatchesTwoPass()
{
    // A large offset is where sum-of-squares formulas lose the variance; Welford must not.
    std::mt19937_64 rng(3);
    std::normal_distribution<double> normal(1e9, 3.0);
    std::vector<double> values(50'000);
    RunningStats stats;
    for (double &v : values) {
        v = normal(rng);
        stats.add(v);
    }
    long double sum = 0;
    for (double v : values)
        sum += v;
    const long double mean = sum / values.size();
    long double squares = 0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    const long double variance = squares / (values.size() - 1);

    QCOMPARE(stats.count(), std::uint64_t(values.size()));
    QVERIFY(relativelyClose(stats.mean(), double(mean), 1e-14));
    QVERIFY(relativelyClose(stats.variance(), double(variance), 1e-8));
    QVERIFY(relativelyClose(stats.stddev(), std::sqrt(double(variance)), 1e-8));
    QCOMPARE(stats.min(), *std::min_element(values.begin(), values.end()));
    QCOMPARE(stats.max(), *std::max_element(values.begin(), values.end()));
}

void TestStats::runningStatsMerge()
{
    std::mt19937_64 rng(5);
    std::exponential_distribution<double> exponential(0.01);
    RunningStats all;
    RunningStats parts[3];
    for (int i = 0; i < 30'000; ++i) {
        const double v = exponential(rng) + (i < 10'000 ? 0.0 : 500.0); // parts differ in mean
        all.add(v);
        parts[i * 3 / 30'000].add(v);
    }
    RunningStats merged;
    merged.merge(RunningStats());
    for (const RunningStats &part : parts)
        merged.merge(part);
    QCOMPARE(merged.count(), all.count());
    QVERIFY(relativelyClose(merged.mean(), all.mean(), 1e-12));
    QVERIFY(relativelyClose(merged.variance(), all.variance(), 1e-10));
    QCOMPARE(merged.min(), all.min());
    QCOMPARE(merged.max(), all.max());
}

void TestStats::runningStatsFewValues()
{
    RunningStats stats;
    QCOMPARE(stats.count(), std::uint64_t(0));
    QCOMPARE(stats.mean(), 0.0);
    QCOMPARE(stats.variance(), 0.0);
    stats.add(-4.0);
    QCOMPARE(stats.mean(), -4.0);
    QCOMPARE(stats.variance(), 0.0);
    QCOMPARE(stats.min(), -4.0);
    QCOMPARE(stats.max(), -4.0);
    stats.add(2.0);
    QCOMPARE(stats.mean(), -1.0);
    QCOMPARE(stats.variance(), 18.0); // (9 + 9) / 1
    QCOMPARE(stats.standardError(), 3.0);
    stats.clear();
    QCOMPARE(stats.count(), std::uint64_t(0));
}

void TestStats::timeAverageHandExample()
{
    // Queue length: 0 on [0, 10), 2 on [10, 30), 5 on [30, 40), 0 on [40, 50].
    // Integral 2*20 + 5*10 = 90 over 50 ns: average 1.8.
    TimeAverage queue;
    QCOMPARE(queue.average(0), 0.0);
    queue.set(10, 2.0);
    queue.add(30, 3.0);
    QCOMPARE(queue.value(), 5.0);
    queue.add(40, -5.0);
    QCOMPARE(queue.integral(50), 90.0);
    QCOMPARE(queue.average(50), 1.8);
    // Several changes at the same instant leave no trace but the last value.
    queue.set(50, 7.0);
    queue.set(50, 1.0);
    QCOMPARE(queue.integral(60), 100.0);
}

void TestStats::timeAverageRestart()
{
    // A busy/idle indicator: busy on [100, 300), warm-up ends at 200, idle from 300 to 400:
    // after restart the window is [200, 400], busy for 100 of it.
    TimeAverage busy(100, 1.0);
    QCOMPARE(busy.start(), std::int64_t(100));
    QCOMPARE(busy.average(100), 1.0);
    busy.restart(200);
    QCOMPARE(busy.value(), 1.0);
    QCOMPARE(busy.average(200), 1.0);
    busy.set(300, 0.0);
    QCOMPARE(busy.integral(400), 100.0);
    QCOMPARE(busy.average(400), 0.5);
}

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
