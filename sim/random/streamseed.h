#pragma once

#include <cstdint>
#include <string_view>

namespace topolab::sim {

// Seeds of the independent random streams of one run. Every stochastic source (a component's
// service times, a client group's arrivals, DNS phases) draws from its own stream whose seed
// depends only on (master seed, replication, stable id, purpose): adding a component leaves the
// other streams unchanged, and replications never overlap by construction.
std::uint64_t streamSeed(std::uint64_t masterSeed, std::uint64_t replication,
                         std::string_view stableId, std::string_view purpose = {});

// 64-bit FNV-1a of a string: stable across platforms and runs (unlike std::hash).
std::uint64_t stableHash(std::string_view text);

// SplitMix64 finaliser: a bijective mix that spreads nearby inputs across the whole range.
std::uint64_t mix64(std::uint64_t x);

} // namespace topolab::sim
