#include "rateprofile.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace topolab::sim {

double RateProfile::factorAt(SimTime sinceStart) const
{
    const SimTime t = std::max<SimTime>(sinceStart, 0);
    switch (shape) {
    case Shape::Constant:
        return 1;
    case Shape::Steps: {
        if (t < at || every <= 0)
            return 1;
        const auto done = std::min<SimTime>((t - at) / every + 1, count);
        return std::pow(factor, static_cast<double>(done));
    }
    case Shape::Spike:
        return t >= at && t < at + length ? factor : 1;
    case Shape::Daily: {
        constexpr double day = 86400.0;
        const double phase = toSeconds(t) / day - peakHours / 24.0;
        const double wave = (1 + std::cos(2 * std::numbers::pi * phase)) / 2;
        return troughFactor + (factor - troughFactor) * wave;
    }
    }
    return 1;
}

double RateProfile::maxFactor() const
{
    switch (shape) {
    case Shape::Constant:
        return 1;
    case Shape::Steps:
        return std::max(1.0, std::pow(factor, static_cast<double>(count)));
    case Shape::Spike:
        return std::max(1.0, factor);
    case Shape::Daily:
        return std::max(factor, troughFactor);
    }
    return 1;
}

} // namespace topolab::sim
