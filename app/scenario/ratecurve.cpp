#include "ratecurve.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace topolab::app {

RateCurve::RateCurve(const core::ParamSet &group)
    : mRate(group.number("rate_rps"))
{
    if (!group.schema().find("profile") || !group.groupEnabled("profile"))
        return;
    mShape = shapeOf(QString::fromStdString(group.text("profile.shape")));
    mFactor = group.number("profile.factor");
    mAt = group.number("profile.at_s");
    mEvery = group.number("profile.every_s");
    mCount = static_cast<int>(group.integer("profile.count"));
    mFor = group.number("profile.for_s");
    mTrough = group.number("profile.trough_factor");
    mPeakHours = group.number("profile.peak_h");
}

double RateCurve::rateAt(double seconds) const
{
    const double t = std::max(seconds, 0.0);
    switch (mShape) {
    case Shape::Constant:
        return mRate;
    case Shape::Steps: {
        if (t < mAt || mEvery <= 0)
            return mRate;
        const double done = std::min(std::floor((t - mAt) / mEvery) + 1, double(mCount));
        return mRate * std::pow(mFactor, done);
    }
    case Shape::Spike:
        return t >= mAt && t < mAt + mFor ? mRate * mFactor : mRate;
    case Shape::Daily: {
        constexpr double day = 86400;
        const double phase = t / day - mPeakHours / 24;
        const double wave = (1 + std::cos(2 * std::numbers::pi * phase)) / 2;
        return mRate * (mTrough + (mFactor - mTrough) * wave);
    }
    }
    return mRate;
}

std::vector<double> RateCurve::changes(double duration) const
{
    std::vector<double> out;
    const auto add = [&](double t) {
        if (t > 0 && t < duration)
            out.push_back(t);
    };
    if (mShape == Shape::Steps) {
        for (int k = 0; k < mCount && mAt + k * mEvery < duration; ++k)
            add(mAt + k * mEvery);
    } else if (mShape == Shape::Spike) {
        add(mAt);
        add(mAt + mFor);
    }
    return out;
}

double RateCurve::peakRate(double duration) const
{
    double peak = std::max(rateAt(0), rateAt(duration));
    for (double t : changes(duration))
        peak = std::max(peak, rateAt(t));
    if (mShape == Shape::Daily) {
        // The curve's top within the run, if it comes; otherwise the ends above tell.
        constexpr int samples = 512;
        for (int i = 0; i <= samples; ++i)
            peak = std::max(peak, rateAt(duration * i / samples));
        double crest = mPeakHours * 3600;
        while (crest <= duration) {
            peak = std::max(peak, rateAt(crest));
            crest += 86400;
        }
    }
    return peak;
}

RateCurve::Shape RateCurve::shapeOf(const QString &name)
{
    if (name == QLatin1String("steps"))
        return Shape::Steps;
    if (name == QLatin1String("daily"))
        return Shape::Daily;
    if (name == QLatin1String("spike"))
        return Shape::Spike;
    return Shape::Constant;
}

QString RateCurve::nameOf(Shape shape)
{
    switch (shape) {
    case Shape::Constant:
        return QStringLiteral("constant");
    case Shape::Steps:
        return QStringLiteral("steps");
    case Shape::Daily:
        return QStringLiteral("daily");
    case Shape::Spike:
        return QStringLiteral("spike");
    }
    return QStringLiteral("constant");
}

} // namespace topolab::app
