#pragma once

#include "core/model/paramset.h"

#include <QString>

#include <vector>

namespace topolab::app {

// The request rate of one client group over a run, as its `profile` shapes its `rate_rps`, in
// the simulator's terms: time in seconds after the warm-up; steps multiply the rate by the
// factor at at_s, at_s + every_s, ... (count steps); a spike multiplies it during
// [at_s, at_s + for_s); the daily curve runs between trough_factor × rate and factor × rate
// with its peak peak_h hours after the start. Plain values copied from the parameters.
class RateCurve
{
public:
    enum class Shape { Constant, Steps, Daily, Spike };

    // Reads a client group's parameters (clientGroupSchema()).
    explicit RateCurve(const core::ParamSet &group);

    Shape shape() const { return mShape; }
    double baseRate() const { return mRate; }
    // Requests per second `seconds` after the warm-up (a time before 0 counts as 0).
    double rateAt(double seconds) const;
    // The highest rate over [0, duration].
    double peakRate(double duration) const;
    // The times in (0, duration) at which a step or a spike changes the rate.
    std::vector<double> changes(double duration) const;

    static Shape shapeOf(const QString &name);
    static QString nameOf(Shape shape);

private:
    Shape mShape = Shape::Constant;
    double mRate = 0;
    double mFactor = 1;
    double mAt = 0;
    double mEvery = 1;
    int mCount = 0;
    double mFor = 0;
    double mTrough = 1;
    double mPeakHours = 0;
};

} // namespace topolab::app
