#include "timeaxis.h"

#include <QStringList>

#include <array>
#include <cmath>

namespace topolab::app {

namespace {

constexpr double minute = 60;
constexpr double hour = 3600;
constexpr double day = 86400;

constexpr std::array roundSteps = {
    0.001,  0.002,  0.005,  0.01,    0.02,    0.05,    0.1,     0.2,      0.5,      1.0,
    2.0,    5.0,    10.0,   15.0,    30.0,    60.0,    120.0,   300.0,    600.0,    900.0,
    1800.0, 3600.0, 7200.0, 10800.0, 21600.0, 43200.0, 86400.0, 172800.0, 432000.0, 864000.0,
};

// A number without trailing zeros: 1.5, 2, 0.25.
QString number(double value)
{
    return QString::number(value, 'g', 6);
}

} // namespace

double TimeAxis::niceStep(double minimum)
{
    for (double step : roundSteps) {
        if (step >= minimum)
            return step;
    }
    // Beyond ten days: whole multiples of ten days.
    return std::ceil(minimum / (10 * day)) * 10 * day;
}

double TimeAxis::tickStep(double span, double pixels, double minimumGap)
{
    if (span <= 0 || pixels <= 0)
        return 1;
    return niceStep(span * minimumGap / pixels);
}

std::vector<double> TimeAxis::ticks(double span, double step)
{
    std::vector<double> out;
    if (span < 0 || step <= 0)
        return out;
    const auto count = static_cast<long long>(std::floor(span / step + 1e-9));
    for (long long i = 0; i <= count && i < 10000; ++i)
        out.push_back(static_cast<double>(i) * step);
    return out;
}

QString TimeAxis::tickLabel(double seconds, double step)
{
    if (seconds == 0)
        return QStringLiteral("0");
    if (step >= day && std::fmod(seconds, day / 2) == 0)
        return tr("%1 d").arg(number(seconds / day));
    if (step >= hour || (step >= 30 * minute && std::fmod(seconds, 30 * minute) == 0)
        || (step >= 5 * minute && std::fmod(seconds, hour) == 0))
        return tr("%1 h").arg(number(seconds / hour));
    if (step >= minute)
        return tr("%1 min").arg(number(seconds / minute));
    return tr("%1 s").arg(number(seconds));
}

QString TimeAxis::duration(double seconds)
{
    if (seconds < 0)
        return QLatin1Char('-') + duration(-seconds);
    const double whole = std::round(seconds);
    if (seconds < minute || std::abs(seconds - whole) > 1e-6)
        return tr("%1 s").arg(number(seconds));
    const auto total = static_cast<long long>(whole);
    const long long d = total / 86400;
    const long long h = total % 86400 / 3600;
    const long long m = total % 3600 / 60;
    const long long s = total % 60;
    QStringList parts;
    if (d)
        parts.append(tr("%1 d").arg(d));
    if (h)
        parts.append(tr("%1 h").arg(h));
    if (m)
        parts.append(tr("%1 min").arg(m));
    if (s)
        parts.append(tr("%1 s").arg(s));
    return parts.join(QLatin1Char(' '));
}

double TimeAxis::snap(double seconds, double step)
{
    if (step <= 0)
        return seconds;
    return std::round(seconds / step) * step;
}

} // namespace topolab::app
