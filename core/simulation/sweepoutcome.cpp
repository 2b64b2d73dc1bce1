#include "sweepoutcome.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace topolab::core {

namespace {

using json = nlohmann::json;

// Bumped whenever the fields change, so a checkpoint from another version is not misread.
constexpr int outcomeFormat = 1;

// nlohmann would read -4 as a huge unsigned number and 2.5 as 2: counts are checked first.
std::uint64_t count(const json &value)
{
    if (!value.is_number_unsigned())
        throw std::invalid_argument("not a count");
    return value.get<std::uint64_t>();
}

double number(const json &value)
{
    if (!value.is_number())
        throw std::invalid_argument("not a number");
    return value.get<double>();
}

} // namespace

std::string encodeOutcome(const SweepOutcome &o)
{
    json causes = json::array();
    for (double c : o.failedByCause)
        causes.push_back(c);
    const json j = {{"v", outcomeFormat},
                    {"offered", o.offered},
                    {"ok", o.ok},
                    {"failed", o.failed},
                    {"causes", causes},
                    {"latency_count", o.latencyCount},
                    {"latency_mean_ms", o.latencyMeanMs},
                    {"latency_p99_ms", o.latencyP99Ms},
                    {"failures", o.failures},
                    {"writes_lost", o.writesLost},
                    {"simulated_s", o.simulatedSeconds},
                    {"events", o.events}};
    return j.dump();
}

std::optional<SweepOutcome> decodeOutcome(std::string_view text)
{
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return std::nullopt;
    try {
        if (j.at("v").get<int>() != outcomeFormat)
            return std::nullopt;
        SweepOutcome o;
        o.offered = number(j.at("offered"));
        o.ok = number(j.at("ok"));
        o.failed = number(j.at("failed"));
        const json &causes = j.at("causes");
        if (!causes.is_array() || causes.size() != o.failedByCause.size())
            return std::nullopt;
        for (std::size_t i = 0; i < o.failedByCause.size(); ++i)
            o.failedByCause[i] = number(causes[i]);
        o.latencyCount = count(j.at("latency_count"));
        o.latencyMeanMs = number(j.at("latency_mean_ms"));
        o.latencyP99Ms = number(j.at("latency_p99_ms"));
        o.failures = count(j.at("failures"));
        o.writesLost = number(j.at("writes_lost"));
        o.simulatedSeconds = number(j.at("simulated_s"));
        o.events = count(j.at("events"));
        return o;
    } catch (const std::exception &) {
        return std::nullopt;
    }
}

} // namespace topolab::core
