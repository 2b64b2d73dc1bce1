// The random streams and duration distributions, checked against their theoretical moments with
// tolerances computed from the sample size (5 standard errors), never guessed.
#include "sim/random/distribution.h"
#include "sim/random/randomstream.h"

#include <QtTest>

#include <array>
#include <cmath>
#include <cstdint>
#include <set>
#include <vector>

using namespace topolab::sim;

namespace {

__extension__ typedef unsigned __int128 Wide;

constexpr int draws = 1'000'000;
constexpr double sigmas = 5.0;

// Running sums of one sample, for its mean, variance and coefficient of variation.
struct Sums
{
    double n = 0;
    double s1 = 0;
    double s2 = 0;

    void add(double x)
    {
        n += 1;
        s1 += x;
        s2 += x * x;
    }
    double mean() const { return s1 / n; }
    double variance() const { return (s2 - s1 * s1 / n) / (n - 1); }
    double cv() const { return std::sqrt(variance()) / mean(); }
};

// Raw moments E[X], E[X²], E[X³], E[X⁴] of a distribution.
struct Moments
{
    std::array<double, 5> raw{}; // raw[k] = E[X^k], raw[0] = 1

    double mean() const { return raw[1]; }
    double variance() const { return raw[2] - raw[1] * raw[1]; }
    double cv() const { return std::sqrt(variance()) / mean(); }

    // Standard error of a sample variance: sqrt((mu4 - sigma^4) / n) with the central mu4.
    double varianceError(double n) const
    {
        const double m = raw[1];
        const double mu4 = raw[4] - 4 * m * raw[3] + 6 * m * m * raw[2] - 3 * m * m * m * m;
        return std::sqrt((mu4 - variance() * variance()) / n);
    }

    // Standard error of the sample CV s/x̄ by the delta method on (x̄, mean of x²):
    // cv = sqrt(m2 - m1²) / m1, so d/dm1 = -m2 / (s m1²) and d/dm2 = 1 / (2 s m1).
    double cvError(double n) const
    {
        const double m1 = raw[1];
        const double m2 = raw[2];
        const double s = std::sqrt(variance());
        const double g1 = -m2 / (s * m1 * m1);
        const double g2 = 1.0 / (2.0 * s * m1);
        const double var1 = variance();
        const double var2 = raw[4] - m2 * m2;
        const double cov12 = raw[3] - m1 * m2;
        return std::sqrt((g1 * g1 * var1 + 2 * g1 * g2 * cov12 + g2 * g2 * var2) / n);
    }
};

Moments momentsOfExponential(double mean)
{
    // E[X^k] = k! mean^k
    return {{1, mean, 2 * std::pow(mean, 2), 6 * std::pow(mean, 3), 24 * std::pow(mean, 4)}};
}

Moments momentsOfUniform(double mean)
{
    // Uniform on [0, b]: E[X^k] = b^k / (k + 1)
    const double b = 2 * mean;
    return {{1, b / 2, b * b / 3, std::pow(b, 3) / 4, std::pow(b, 4) / 5}};
}

Moments momentsOfLognormal(double mu, double sigma2)
{
    Moments m;
    for (int k = 0; k <= 4; ++k)
        m.raw[k] = std::exp(k * mu + k * k * sigma2 / 2);
    return m;
}

// Regularised upper incomplete gamma Q(a, x) from the series of the lower one; accurate enough
// for the tail probabilities a test needs (x not far above a).
double upperGammaQ(double a, double x)
{
    double term = 1.0 / a;
    double sum = term;
    for (int k = 1; k < 1000 && term > sum * 1e-16; ++k) {
        term *= x / (a + k);
        sum += term;
    }
    return 1.0 - std::exp(a * std::log(x) - x - std::lgamma(a)) * sum;
}

// The chi-square value exceeded with probability p at `dof` degrees of freedom, by bisection.
double chiSquareCritical(int dof, double p)
{
    double low = 0.0;
    double high = 10.0 * dof + 100.0;
    for (int i = 0; i < 200; ++i) {
        const double mid = (low + high) / 2;
        if (upperGammaQ(dof / 2.0, mid / 2.0) > p)
            low = mid;
        else
            high = mid;
    }
    return (low + high) / 2;
}

double chiSquare(const std::vector<std::uint64_t> &counts, double expectedEach)
{
    double sum = 0;
    for (std::uint64_t c : counts) {
        const double d = static_cast<double>(c) - expectedEach;
        sum += d * d / expectedEach;
    }
    return sum;
}

QString describe(const char *what, double got, double expected, double error)
{
    return QStringLiteral("%1: got %2, expected %3 ± %4")
        .arg(QLatin1String(what))
        .arg(got, 0, 'g', 8)
        .arg(expected, 0, 'g', 8)
        .arg(sigmas * error, 0, 'g', 3);
}

#define CHECK_WITHIN(what, got, expected, error)                                                   \
    QVERIFY2(std::abs((got) - (expected)) <= sigmas * (error),                                     \
             qPrintable(describe(what, got, expected, error)))

} // namespace

// Checks RandomStream's determinism and moments and Distribution's means and CVs.
class TestRandom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameSequence();
    void differentSeedsDiffer();
    void matchesReferenceXoshiro();
    void uniformMoments();
    void chiSquareHelperMatchesTable();
    void belowIsUnbiased_data();
    void belowIsUnbiased();
    void belowLargeBoundNeedsRejection();
    void exponentialMean();
    void normalMoments();
    void distributionMoments_data();
    void distributionMoments();
    void deterministicIsConstant();
    void lognormalLogSpace();
};

void TestRandom::sameSeedSameSequence()
{
    RandomStream a(2024);
    RandomStream b(2024);
    for (int i = 0; i < 10'000; ++i)
        QCOMPARE(a.next(), b.next());
    // Reseeding restarts the sequence and forgets a kept normal variate.
    a.normal();
    a.seed(2024);
    RandomStream c(2024);
    QCOMPARE(a.normal(), c.normal());
    QCOMPARE(a.next(), c.next());
}

void TestRandom::differentSeedsDiffer()
{
    // Neighbouring seeds must not give shifted copies of one sequence either.
    RandomStream a(1);
    RandomStream b(2);
    std::set<std::uint64_t> first;
    for (int i = 0; i < 10'000; ++i)
        first.insert(a.next());
    int shared = 0;
    for (int i = 0; i < 10'000; ++i)
        shared += first.count(b.next()) > 0 ? 1 : 0;
    QCOMPARE(shared, 0);
    QVERIFY(RandomStream(0).next() != RandomStream(1).next());
}

void TestRandom::matchesReferenceXoshiro()
{
    // xoshiro256++ with its state filled by SplitMix64, as in the authors' reference code
    // (computed independently): a change here changes every simulation result.
    RandomStream zero(0);
    QCOMPARE(zero.next(), std::uint64_t(0x53175d61490b23dfULL));
    QCOMPARE(zero.next(), std::uint64_t(0x61da6f3dc380d507ULL));
    QCOMPARE(zero.next(), std::uint64_t(0x5c0fdf91ec9a7bfcULL));
    RandomStream other(12345);
    QCOMPARE(other.next(), std::uint64_t(0x8d948a82def8a568ULL));
}

void TestRandom::uniformMoments()
{
    RandomStream random(7);
    Sums sums;
    for (int i = 0; i < draws; ++i) {
        const double u = random.uniform();
        QVERIFY(u >= 0.0 && u < 1.0);
        sums.add(u);
    }
    const Moments m = momentsOfUniform(0.5);
    CHECK_WITHIN("mean", sums.mean(), 0.5, std::sqrt(m.variance() / draws));
    CHECK_WITHIN("variance", sums.variance(), 1.0 / 12.0, m.varianceError(draws));

    RandomStream positive(8);
    for (int i = 0; i < 100'000; ++i) {
        const double u = positive.uniformPositive();
        QVERIFY(u > 0.0 && u <= 1.0);
    }
}

void TestRandom::chiSquareHelperMatchesTable()
{
    // Published upper 0.1 % points of the chi-square distribution.
    QVERIFY(std::abs(chiSquareCritical(2, 0.001) - 13.816) < 0.005);
    QVERIFY(std::abs(chiSquareCritical(9, 0.001) - 27.877) < 0.005);
}

void TestRandom::belowIsUnbiased_data()
{
    QTest::addColumn<quint64>("bound");
    QTest::newRow("10") << quint64(10);
    // 2^64 mod 3·2^61 = 2^61: a plain modulo would draw the lowest third twice as often.
    QTest::newRow("3*2^61") << quint64(3ULL << 61);
}

void TestRandom::belowIsUnbiased()
{
    QFETCH(quint64, bound);
    constexpr int bins = 10;
    RandomStream random(bound);
    std::vector<std::uint64_t> counts(bins, 0);
    for (int i = 0; i < draws; ++i) {
        const std::uint64_t v = random.below(bound);
        QVERIFY(v < bound);
        // Equal-width bins; the products fit in 128 bits for any 64-bit bound.
        ++counts[static_cast<std::size_t>(static_cast<Wide>(v) * bins / bound)];
    }
    const double statistic = chiSquare(counts, double(draws) / bins);
    const double critical = chiSquareCritical(bins - 1, 0.001);
    QVERIFY2(statistic < critical,
             qPrintable(QStringLiteral("chi-square %1 >= %2").arg(statistic).arg(critical)));
    QCOMPARE(random.below(0), std::uint64_t(0));
    QCOMPARE(random.below(1), std::uint64_t(0));
}

void TestRandom::belowLargeBoundNeedsRejection()
{
    // Multiply-and-shift without the rejection step maps 3 inputs to two of every three values
    // and 2 inputs to the third when the bound is 3·2^61: the residue mod 3 shows it.
    const std::uint64_t bound = 3ULL << 61;
    RandomStream random(99);
    std::vector<std::uint64_t> counts(3, 0);
    for (int i = 0; i < draws; ++i)
        ++counts[random.below(bound) % 3];
    const double statistic = chiSquare(counts, double(draws) / 3);
    const double critical = chiSquareCritical(2, 0.001);
    QVERIFY2(statistic < critical, qPrintable(QString::number(statistic)));
}

void TestRandom::exponentialMean()
{
    const double mean = 2.5;
    RandomStream random(11);
    Sums sums;
    for (int i = 0; i < draws; ++i) {
        const double x = random.exponential(mean);
        QVERIFY(x >= 0.0 && std::isfinite(x));
        sums.add(x);
    }
    const Moments m = momentsOfExponential(mean);
    CHECK_WITHIN("mean", sums.mean(), mean, std::sqrt(m.variance() / draws));
    CHECK_WITHIN("variance", sums.variance(), mean * mean, m.varianceError(draws));
}

void TestRandom::normalMoments()
{
    RandomStream random(13);
    Sums sums;
    for (int i = 0; i < draws; ++i)
        sums.add(random.normal());
    // Standard normal: the sample variance has standard error sqrt(2 / n) (mu4 = 3).
    CHECK_WITHIN("mean", sums.mean(), 0.0, std::sqrt(1.0 / draws));
    CHECK_WITHIN("variance", sums.variance(), 1.0, std::sqrt(2.0 / draws));
}

void TestRandom::distributionMoments_data()
{
    QTest::addColumn<int>("shape");
    QTest::addColumn<double>("cv");

    QTest::newRow("exponential") << int(Distribution::Shape::Exponential) << 1.0;
    QTest::newRow("lognormal cv 1.5") << int(Distribution::Shape::Lognormal) << 1.5;
    QTest::newRow("lognormal cv 0.3") << int(Distribution::Shape::Lognormal) << 0.3;
    QTest::newRow("uniform") << int(Distribution::Shape::Uniform) << 1.0 / std::sqrt(3.0);
}

void TestRandom::distributionMoments()
{
    QFETCH(int, shape);
    QFETCH(double, cv);
    const double mean = 25.0;

    Distribution d;
    Moments m;
    switch (static_cast<Distribution::Shape>(shape)) {
    case Distribution::Shape::Exponential:
        d = Distribution::exponential(mean);
        m = momentsOfExponential(mean);
        break;
    case Distribution::Shape::Lognormal: {
        d = Distribution::lognormal(mean, cv);
        const double sigma2 = std::log(1 + cv * cv);
        m = momentsOfLognormal(std::log(mean) - sigma2 / 2, sigma2);
        break;
    }
    case Distribution::Shape::Uniform:
        d = Distribution::uniform(mean);
        m = momentsOfUniform(mean);
        break;
    case Distribution::Shape::Deterministic:
        QFAIL("covered by deterministicIsConstant");
    }
    // The moments are the ones the distribution claims, so the check below tests the sampler.
    QVERIFY(std::abs(m.mean() - mean) < 1e-9 * mean);
    QVERIFY(std::abs(m.cv() - cv) < 1e-9);
    QCOMPARE(d.mean(), mean);
    QVERIFY(std::abs(d.cv() - cv) < 1e-12);

    RandomStream random(static_cast<std::uint64_t>(shape) * 31 + 5);
    Sums sums;
    for (int i = 0; i < draws; ++i) {
        const double x = d.sample(random);
        QVERIFY(x >= 0.0);
        sums.add(x);
    }
    CHECK_WITHIN("mean", sums.mean(), mean, std::sqrt(m.variance() / draws));
    CHECK_WITHIN("cv", sums.cv(), cv, m.cvError(draws));
}

void TestRandom::deterministicIsConstant()
{
    const Distribution d = Distribution::deterministic(25.0);
    RandomStream random(3);
    const std::uint64_t before = RandomStream(3).next();
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(d.sample(random), 25.0);
    // It draws nothing, so a model's other draws do not shift when a stage becomes fixed.
    QCOMPARE(random.next(), before);
    QCOMPARE(d.cv(), 0.0);
    QCOMPARE(d.sampleTime(random), SimTime(25));
}

void TestRandom::lognormalLogSpace()
{
    const double mean = 25.0;
    const double cv = 1.5;
    const double sigma2 = std::log(1 + cv * cv);
    const double mu = std::log(mean) - sigma2 / 2;
    const Distribution d = Distribution::lognormal(mean, cv);
    RandomStream random(17);
    Sums logs;
    for (int i = 0; i < draws; ++i) {
        const double x = d.sample(random);
        QVERIFY(x > 0.0);
        logs.add(std::log(x));
    }
    // log X is normal(mu, sigma²): mean error sigma/sqrt(n), variance error sigma² sqrt(2/n).
    CHECK_WITHIN("mean of log", logs.mean(), mu, std::sqrt(sigma2 / draws));
    CHECK_WITHIN("variance of log", logs.variance(), sigma2, sigma2 * std::sqrt(2.0 / draws));
}

QTEST_GUILESS_MAIN(TestRandom)
#include "tst_random.moc"
