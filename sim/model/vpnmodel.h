#pragma once

#include "componentmodel.h"
#include "sim/random/randomstream.h"

namespace topolab::sim {

// A tinc network between regions. When the path fails, tinc notices only when a PING goes
// unanswered (PingInterval, then PingTimeout); after the path heals it reconnects on its retry
// schedule (5 s, 10 s, 15 s... after the detection), so the tunnel comes back late.
// Cross-region replication runs through it.
class VpnModel final : public ComponentModel
{
public:
    VpnModel(World &world, std::uint32_t index);

    void handleEvent(const Event &event) override;
    bool tunnelUp() const { return mTunnelUp; }
    SimTime latency() const { return spec().vpn.latency; }
    // Writes committed on the primaries it joins while they could not replicate to each other.
    std::uint64_t writesDiverged() const { return mDiverged; }
    void countDiverged() { ++mDiverged; }

protected:
    void onFailed(FailureMode mode) override;
    void onRepaired() override;

private:
    void setTunnel(bool up);

    RandomStream mRandom;
    bool mTunnelUp = true;
    SimTime mDetectedAt = -1;
    SimTime mFailedAt = 0;
    std::uint32_t mOutage = 0; // generation: events of an earlier outage are ignored
    std::uint64_t mDiverged = 0;
};

} // namespace topolab::sim
