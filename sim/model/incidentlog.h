#pragma once

#include "modelspec.h"
#include "sim/engine/simtime.h"
#include "sim/run/simulationresult.h"

#include <cstdint>
#include <vector>

namespace topolab::sim {

// The record of every failure of a run and what followed it: when something noticed (a health
// check, Patroni, tinc), when DNS stopped announcing it, when service came back, and how many
// requests failed meanwhile. Components point at the incident that last hit them.
class IncidentLog
{
public:
    explicit IncidentLog(std::size_t componentCount, SimTime origin)
        : mCurrent(componentCount, none)
        , mOrigin(origin)
    {
    }

    static constexpr std::uint32_t none = 0xFFFFFFFFu;

    std::uint32_t open(SimTime at, std::string target, FailureMode mode, bool random,
                       const std::vector<std::uint32_t> &components);
    void detected(std::uint32_t component, SimTime at);
    void dnsUpdated(std::uint32_t component, SimTime at);
    void recovered(std::uint32_t incident, SimTime at);
    void recoveredComponent(std::uint32_t component, SimTime at);
    void writesLost(std::uint32_t component, std::uint64_t count);
    // A request failed at `at`: it counts for the latest incident still open then.
    void requestFailed(SimTime at);
    std::uint32_t incidentOf(std::uint32_t component) const { return mCurrent[component]; }
    // `component` was taken down by the failure behind `incident` (a database by its volume):
    // what happens to it from now on belongs to that incident.
    void attach(std::uint32_t component, std::uint32_t incident)
    {
        if (incident != none)
            mCurrent[component] = incident;
    }

    std::vector<Incident> incidents(int replication) const;

private:
    struct Entry
    {
        SimTime at = 0;
        std::string target;
        FailureMode mode = FailureMode::Crash;
        bool random = false;
        SimTime detected = -1;
        SimTime dnsUpdated = -1;
        SimTime recovered = -1;
        std::uint64_t failed = 0;
        std::uint64_t lost = 0;
    };

    std::vector<Entry> mEntries;
    std::vector<std::uint32_t> mCurrent;
    std::vector<std::uint32_t> mOpen; // incidents not yet recovered, oldest first
    SimTime mOrigin;
};

} // namespace topolab::sim
