#include "streamseed.h"

namespace topolab::sim {

std::uint64_t stableHash(std::string_view text)
{
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

std::uint64_t streamSeed(std::uint64_t masterSeed, std::uint64_t replication,
                         std::string_view stableId, std::string_view purpose)
{
    // Chain the mixes so that each input changes every bit of the result.
    std::uint64_t s = mix64(masterSeed);
    s = mix64(s ^ replication);
    s = mix64(s ^ stableHash(stableId));
    s = mix64(s ^ stableHash(purpose));
    return s;
}

} // namespace topolab::sim
