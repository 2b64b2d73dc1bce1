#include "studentt.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>

namespace topolab::sim {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();
constexpr double halfLog2Pi = 0.91893853320467274178; // log(sqrt(2 pi))

// Own log-gamma instead of std::lgamma: glibc's writes the global signgam, a data race when
// replications compute their intervals on several threads. Lanczos (g = 7, n = 9), ~1e-15.
double logGamma(double x)
{
    if (x < 0.5) // reflection; the argument is never a non-positive integer here
        return std::log(std::numbers::pi / std::abs(std::sin(std::numbers::pi * x)))
               - logGamma(1.0 - x);
    static constexpr std::array<double, 9> c
        = {0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
           771.32342877765313,   -176.61502916214059,   12.507343278686905,
           -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    x -= 1.0;
    double sum = c[0];
    for (std::size_t i = 1; i < c.size(); ++i)
        sum += c[i] / (x + double(i));
    const double t = x + 7.5;
    return halfLog2Pi + (x + 0.5) * std::log(t) - t + std::log(sum);
}

// logGamma(x) - Stirling's approximation, for x >= 15 (the remainder of the series is < 1e-19).
double stirlingCorrection(double x)
{
    const double r = 1.0 / (x * x);
    return (1.0 / 12.0
            + r
                  * (-1.0 / 360.0
                     + r
                           * (1.0 / 1260.0
                              + r
                                    * (-1.0 / 1680.0
                                       + r
                                             * (1.0 / 1188.0
                                                + r * (-691.0 / 360360.0 + r * (1.0 / 156.0)))))))
           / x;
}

// log B(a, b). With a large argument, log-gammas of size a log a would cancel to a small
// difference; the Stirling remainders keep the full relative precision (as R's lbeta does).
double logBeta(double a, double b)
{
    const double p = std::min(a, b);
    const double q = std::max(a, b);
    if (q < 15.0)
        return logGamma(p) + logGamma(q) - logGamma(p + q);
    const double corr = stirlingCorrection(q) - stirlingCorrection(p + q);
    const double ratio = p / (p + q);
    if (p < 15.0)
        return logGamma(p) + corr + p - p * std::log(p + q) + (q - 0.5) * std::log1p(-ratio);
    return -0.5 * std::log(q) + halfLog2Pi + stirlingCorrection(p) + corr
           + (p - 0.5) * std::log(ratio) + q * std::log1p(-ratio);
}

// Continued fraction of I_x(a, b), evaluated by the modified Lentz method. Converges fast for
// x < (a + 1) / (a + b + 2), in O(sqrt(max(a, b))) terms.
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double tiny = 1e-300;
    constexpr double epsilon = 1e-16;
    constexpr int maxTerms = 100000;
    const auto guard = [](double v) {
        return std::abs(v) < tiny ? tiny : v;
    };
    double c = 1.0;
    double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
    double h = d;
    for (int m = 1; m <= maxTerms; ++m) {
        const double dm = m;
        const double even = dm * (b - dm) * x / ((a + 2.0 * dm - 1.0) * (a + 2.0 * dm));
        d = 1.0 / guard(1.0 + even * d);
        c = guard(1.0 + even / c);
        h *= d * c;
        const double odd = -(a + dm) * (a + b + dm) * x / ((a + 2.0 * dm) * (a + 2.0 * dm + 1.0));
        d = 1.0 / guard(1.0 + odd * d);
        c = guard(1.0 + odd / c);
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1.0) < epsilon)
            break;
    }
    return h;
}

// I_x(a, b) with y = 1 - x passed in separately, so that callers who know y more precisely than
// 1 - x (the t distribution near its centre) do not lose it.
double incompleteBeta(double a, double b, double x, double y)
{
    if (x <= 0.0)
        return 0.0;
    if (y <= 0.0)
        return 1.0;
    const double logFront = a * std::log(x) + b * std::log(y) - logBeta(a, b);
    if (x < (a + 1.0) / (a + b + 2.0))
        return std::exp(logFront) * betaContinuedFraction(a, b, x) / a;
    return 1.0 - std::exp(logFront) * betaContinuedFraction(b, a, y) / b;
}

// Both tails of |T| at t >= 0: {P(|T| > t), P(|T| <= t)}, each from its own incomplete beta so
// that the small one keeps its relative precision.
struct TTails
{
    double outside;
    double inside;
};

TTails tTails(double t, double dof)
{
    const double t2 = t * t;
    const double x = dof / (dof + t2);
    const double y = t2 / (dof + t2);
    return {incompleteBeta(dof / 2.0, 0.5, x, y), incompleteBeta(0.5, dof / 2.0, y, x)};
}

double tDensity(double t, double dof, double logNorm)
{
    return std::exp(logNorm - (dof + 1.0) / 2.0 * std::log1p(t * t / dof));
}

// Newton's method from 0 on f(t) = outside(t) - p. outside is decreasing and convex for t > 0,
// so every step lands at or below the root: the iteration climbs monotonically and needs no
// bracket. Far in the tail it doubles t per step until it is close, then converges quadratically.
template<typename Tails, typename Density>
double invertTwoSided(double confidence, Tails tails, Density density)
{
    if (std::isnan(confidence))
        return nan;
    if (confidence <= 0.0)
        return 0.0;
    if (confidence >= 1.0)
        return infinity;
    const double p = 1.0 - confidence;
    double t = 0.0;
    for (int i = 0; i < 2000; ++i) {
        const auto [outside, inside] = tails(t);
        // Compare the smaller probability with its own target: no cancellation near the root.
        const double f = p <= 0.5 ? outside - p : confidence - inside;
        if (f <= 0.0)
            break;
        const double step = f / (2.0 * density(t));
        if (!std::isfinite(step))
            break;
        t += step;
        if (step <= 1e-15 * t)
            break;
    }
    return t;
}

// Cornish-Fisher expansion of the t quantile around the normal one (Abramowitz & Stegun
// 26.7.5). Used for large dof, where the continued fraction needs many terms and the expansion's
// error, O(z^11 / dof^5), is far below double precision.
double tFromNormal(double z, double dof)
{
    const double z2 = z * z;
    const double g1 = (z2 + 1.0) * z / 4.0;
    const double g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    const double g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    const double g4
        = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
    return z + (g1 + (g2 + (g3 + g4 / dof) / dof) / dof) / dof;
}

constexpr double largeDof = 1e5;

} // namespace

double regularizedIncompleteBeta(double a, double b, double x)
{
    if (!(a > 0.0) || !(b > 0.0) || std::isnan(x))
        return nan;
    return incompleteBeta(a, b, x, 1.0 - x);
}

double normalQuantile(double confidence)
{
    const auto tails = [](double z) {
        return TTails{std::erfc(z / std::numbers::sqrt2), std::erf(z / std::numbers::sqrt2)};
    };
    const auto density = [](double z) {
        return std::exp(-0.5 * z * z - halfLog2Pi);
    };
    return invertTwoSided(confidence, tails, density);
}

double studentTQuantile(double confidence, int dof)
{
    if (dof < 1)
        return nan;
    const double nu = dof;
    if (nu >= largeDof) {
        const double z = normalQuantile(confidence);
        return std::isfinite(z) ? tFromNormal(z, nu) : z;
    }
    const double logNorm = -logBeta(nu / 2.0, 0.5) - 0.5 * std::log(nu);
    return invertTwoSided(
        confidence, [nu](double t) { return tTails(t, nu); },
        [nu, logNorm](double t) { return tDensity(t, nu, logNorm); });
}

double studentTCdf(double t, int dof)
{
    if (dof < 1 || std::isnan(t))
        return nan;
    if (std::isinf(t))
        return t > 0 ? 1.0 : 0.0;
    const TTails tails = tTails(std::abs(t), dof);
    return t >= 0 ? 1.0 - tails.outside / 2.0 : tails.outside / 2.0;
}

} // namespace topolab::sim
