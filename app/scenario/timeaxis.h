#pragma once

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace topolab::app {

// Simulated time for people: tick steps that fall on round times (1, 2, 5, 10, 15, 30 s, 1, 2,
// 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, days), their labels in the unit that suits the step, and
// durations written out ("1 h 30 min"). Shared by the failure timeline and the rate preview.
// Owns nothing; all functions are static.
class TimeAxis
{
    Q_DECLARE_TR_FUNCTIONS(topolab::app::TimeAxis)

public:
    // The smallest round step at least `minimum` seconds long.
    static double niceStep(double minimum);
    // The round step between ticks for `span` seconds drawn over `pixels`, with at least
    // `minimumGap` pixels between ticks.
    static double tickStep(double span, double pixels, double minimumGap);
    // The ticks from 0 to `span` (inclusive when it falls on a step).
    static std::vector<double> ticks(double span, double step);
    // "0", "30 s", "10 min", "1.5 h", "2 d": `seconds` in the unit of `step`.
    static QString tickLabel(double seconds, double step);
    // "45 s", "10 min", "1 h 30 min", "2 d 6 h", "90.5 s": exact, zero units left out.
    static QString duration(double seconds);
    // `seconds` to the nearest multiple of `step`.
    static double snap(double seconds, double step);
};

} // namespace topolab::app
