#pragma once

#include "modelspec.h"
#include "sim/engine/eventhandler.h"
#include "sim/random/randomstream.h"

#include <vector>

namespace topolab::sim {

class World;

// Starts and ends the scenario's failures: the scheduled ones at their times (after the
// warm-up), and the random ones as an alternating up/down process per component of a kind
// (exponential times with the given MTBF and MTTR, one stream per component). Opens an incident
// for each.
class FailureInjector final : public EventHandler
{
public:
    explicit FailureInjector(World &world);

    void start();
    void handleEvent(const Event &event) override;

private:
    struct RandomProcess
    {
        std::uint32_t component;
        const RandomFailureSpec *spec;
        RandomStream random;
        std::uint32_t incident = 0;
    };

    void begin(const std::vector<std::uint32_t> &components, FailureMode mode, double slowdown);
    void end(const std::vector<std::uint32_t> &components, std::uint32_t incident);

    World &mWorld;
    std::uint32_t mHandler;
    std::vector<std::uint32_t> mScheduledIncidents;
    std::vector<RandomProcess> mRandom;
};

} // namespace topolab::sim
