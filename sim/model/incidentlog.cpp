#include "incidentlog.h"

#include <algorithm>

namespace topolab::sim {

namespace {

const char *modeName(FailureMode mode)
{
    switch (mode) {
    case FailureMode::Crash:
        return "crash";
    case FailureMode::Blackhole:
        return "blackhole";
    case FailureMode::Degrade:
        return "degrade";
    }
    return "crash";
}

} // namespace

std::uint32_t IncidentLog::open(SimTime at, std::string target, FailureMode mode, bool random,
                                const std::vector<std::uint32_t> &components)
{
    const auto id = static_cast<std::uint32_t>(mEntries.size());
    Entry e;
    e.at = at;
    e.target = std::move(target);
    e.mode = mode;
    e.random = random;
    mEntries.push_back(std::move(e));
    for (std::uint32_t c : components)
        mCurrent[c] = id;
    mOpen.push_back(id);
    return id;
}

void IncidentLog::detected(std::uint32_t component, SimTime at)
{
    const std::uint32_t id = mCurrent[component];
    if (id != none && mEntries[id].detected < 0 && mEntries[id].recovered < 0)
        mEntries[id].detected = at;
}

void IncidentLog::dnsUpdated(std::uint32_t component, SimTime at)
{
    const std::uint32_t id = mCurrent[component];
    if (id != none && mEntries[id].dnsUpdated < 0)
        mEntries[id].dnsUpdated = at;
}

void IncidentLog::recovered(std::uint32_t incident, SimTime at)
{
    if (incident == none || mEntries[incident].recovered >= 0)
        return;
    mEntries[incident].recovered = at;
    mOpen.erase(std::remove(mOpen.begin(), mOpen.end(), incident), mOpen.end());
}

void IncidentLog::recoveredComponent(std::uint32_t component, SimTime at)
{
    recovered(mCurrent[component], at);
}

void IncidentLog::writesLost(std::uint32_t component, std::uint64_t count)
{
    const std::uint32_t id = mCurrent[component];
    if (id != none)
        mEntries[id].lost += count;
}

void IncidentLog::requestFailed(SimTime at)
{
    for (auto it = mOpen.rbegin(); it != mOpen.rend(); ++it) {
        if (mEntries[*it].at <= at) {
            ++mEntries[*it].failed;
            return;
        }
    }
}

std::vector<Incident> IncidentLog::incidents(int replication) const
{
    auto seconds = [this](SimTime t) {
        return toSeconds(t - mOrigin);
    };
    std::vector<Incident> out;
    out.reserve(mEntries.size());
    for (const Entry &e : mEntries) {
        Incident i;
        i.replication = replication;
        i.atSeconds = seconds(e.at);
        i.target = e.target;
        i.kind = modeName(e.mode);
        i.random = e.random;
        if (e.detected >= 0)
            i.detectedSeconds = seconds(e.detected);
        if (e.dnsUpdated >= 0)
            i.dnsUpdatedSeconds = seconds(e.dnsUpdated);
        if (e.recovered >= 0)
            i.recoveredSeconds = seconds(e.recovered);
        i.failedRequests = e.failed;
        i.writesLost = e.lost;
        out.push_back(std::move(i));
    }
    return out;
}

} // namespace topolab::sim
