#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>

// How reports round numbers for JSON. Each rule is a pure function of the value, and nlohmann
// prints the shortest form that reads back as the same double, so equal inputs give equal bytes
// whichever thread, process or machine computed them.
namespace topolab::core {

// Decimal places, for quantities with a natural resolution (ms, s, counts of requests).
inline nlohmann::ordered_json fixed(double value, int decimals)
{
    if (!std::isfinite(value))
        return nullptr;
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    return rounded == 0.0 ? 0.0 : rounded; // no "-0.0"
}

// Significant digits, for shares close to 1 (availability), where decimal places would hide the
// nines that matter.
inline nlohmann::ordered_json significant(double value, int digits)
{
    if (!std::isfinite(value))
        return nullptr;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", digits, value);
    const double rounded = std::strtod(buf, nullptr);
    return rounded == 0.0 ? 0.0 : rounded;
}

} // namespace topolab::core
