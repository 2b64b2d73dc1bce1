#pragma once

#include "streamseed.h"

#include <bit>
#include <cmath>
#include <cstdint>

namespace topolab::sim {

// One independent stream of random numbers: xoshiro256++ (Blackman & Vigna), 256 bits of state,
// seeded by expanding a 64-bit stream seed with SplitMix64 as its authors recommend. Written here
// because the standard engines are either slow (mt19937_64's 2.5 KB state per stream) or weak
// (minstd), and the standard distributions are not specified bit for bit across libraries.
class RandomStream
{
    __extension__ typedef unsigned __int128 Wide;

public:
    RandomStream() { seed(0); }
    explicit RandomStream(std::uint64_t seedValue) { seed(seedValue); }

    void seed(std::uint64_t seedValue)
    {
        std::uint64_t x = seedValue;
        for (std::uint64_t &word : mState) {
            x += 0x9E3779B97F4A7C15ULL;
            word = mix64(x - 0x9E3779B97F4A7C15ULL);
        }
        mHasSpareNormal = false;
    }

    std::uint64_t next()
    {
        const std::uint64_t result = std::rotl(mState[0] + mState[3], 23) + mState[0];
        const std::uint64_t t = mState[1] << 17;
        mState[2] ^= mState[0];
        mState[3] ^= mState[1];
        mState[1] ^= mState[2];
        mState[0] ^= mState[3];
        mState[2] ^= t;
        mState[3] = std::rotl(mState[3], 45);
        return result;
    }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // Uniform in (0, 1]: safe under a logarithm.
    double uniformPositive() { return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53; }

    // Uniform integer in [0, n), unbiased (Lemire's multiply-and-reject).
    std::uint64_t below(std::uint64_t n)
    {
        if (n <= 1)
            return 0;
        Wide m = static_cast<Wide>(next()) * n;
        auto low = static_cast<std::uint64_t>(m);
        if (low < n) {
            const std::uint64_t threshold = (0 - n) % n;
            while (low < threshold) {
                m = static_cast<Wide>(next()) * n;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::uint64_t>(m >> 64);
    }

    bool bernoulli(double p) { return p >= 1.0 || (p > 0.0 && uniform() < p); }

    // Exponential with the given mean (inversion, so one draw per variate).
    double exponential(double mean) { return -mean * std::log(uniformPositive()); }

    // Standard normal by Marsaglia's polar method; the second variate is kept for the next call.
    double normal()
    {
        if (mHasSpareNormal) {
            mHasSpareNormal = false;
            return mSpareNormal;
        }
        double u, v, s;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double f = std::sqrt(-2.0 * std::log(s) / s);
        mSpareNormal = v * f;
        mHasSpareNormal = true;
        return u * f;
    }

private:
    std::uint64_t mState[4];
    double mSpareNormal = 0;
    bool mHasSpareNormal = false;
};

} // namespace topolab::sim
