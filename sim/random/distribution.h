#pragma once

#include "randomstream.h"
#include "sim/engine/simtime.h"

namespace topolab::sim {

// A non-negative duration distribution given by its mean and coefficient of variation: what a
// service time or a repair time needs. Lognormal parameters are solved once, not per draw.
class Distribution
{
public:
    enum class Shape { Exponential, Deterministic, Lognormal, Uniform };

    Distribution() = default;
    static Distribution exponential(double mean) { return {Shape::Exponential, mean, 1.0}; }
    static Distribution deterministic(double mean) { return {Shape::Deterministic, mean, 0.0}; }
    static Distribution lognormal(double mean, double cv) { return {Shape::Lognormal, mean, cv}; }
    // Uniform on [0, 2·mean].
    static Distribution uniform(double mean)
    {
        return {Shape::Uniform, mean, 1.0 / std::sqrt(3.0)};
    }

    Shape shape() const { return mShape; }
    double mean() const { return mMean; }
    double cv() const { return mCv; }

    double sample(RandomStream &random) const
    {
        switch (mShape) {
        case Shape::Exponential:
            return random.exponential(mMean);
        case Shape::Deterministic:
            return mMean;
        case Shape::Lognormal:
            return mSigma == 0.0 ? mMean : std::exp(mMu + mSigma * random.normal());
        case Shape::Uniform:
            return 2.0 * mMean * random.uniform();
        }
        return mMean;
    }

    // A sample in nanoseconds when the mean is given in nanoseconds.
    SimTime sampleTime(RandomStream &random) const
    {
        const double value = sample(random);
        return value >= 9.2e18 ? simTimeMax : static_cast<SimTime>(value + 0.5);
    }

private:
    Distribution(Shape shape, double mean, double cv)
        : mShape(shape)
        , mMean(mean)
        , mCv(cv)
    {
        if (shape == Shape::Lognormal && mean > 0.0) {
            const double s2 = std::log1p(cv * cv);
            mSigma = std::sqrt(s2);
            mMu = std::log(mean) - s2 / 2.0;
        }
    }

    Shape mShape = Shape::Deterministic;
    double mMean = 0;
    double mCv = 0;
    double mMu = 0;
    double mSigma = 0;
};

} // namespace topolab::sim
