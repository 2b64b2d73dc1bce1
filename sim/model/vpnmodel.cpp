#include "vpnmodel.h"

#include "eventtypes.h"
#include "world.h"

#include <algorithm>

namespace topolab::sim {

namespace {

enum Tag : std::uint16_t { Detected = 1, Reconnected = 2 };

// tinc adds 5 s to its outgoing retry delay after each failed attempt (src/net_socket.c).
constexpr SimTime retryStep = 5 * second;
// ... up to MaxTimeout (tinc.conf(5) default 900 s).
constexpr SimTime maxRetryDelay = 900 * second;

} // namespace

VpnModel::VpnModel(World &world, std::uint32_t index)
    : ComponentModel(world, index)
    , mRandom(world.stream(spec().id, "ping-phase"))
{
}

void VpnModel::onFailed(FailureMode mode)
{
    if (mode == FailureMode::Degrade)
        return;
    const SimTime now = mWorld.kernel.now();
    ++mOutage;
    mFailedAt = now;
    mDetectedAt = -1;
    // The packets stop now, whatever tinc believes: replication stalls at once.
    setTunnel(false);
    const VpnSpec &v = spec().vpn;
    const auto wait = static_cast<SimTime>(mRandom.uniform() * static_cast<double>(v.pingInterval));
    mWorld.kernel.schedule(now + wait + v.pingTimeout, handlerId(), mOutage, Detected);
}

void VpnModel::onRepaired()
{
    const SimTime now = mWorld.kernel.now();
    if (mDetectedAt < 0) {
        // Healed before tinc noticed: the meta connection never dropped.
        ++mOutage;
        setTunnel(true);
        mWorld.incidents.recoveredComponent(index(), now);
        return;
    }
    // Reconnect attempts at detection + 5, +10, +15 s... (cumulative); the first after healing
    // succeeds.
    SimTime attempt = mDetectedAt;
    SimTime step = retryStep;
    while (attempt < now) {
        attempt += step;
        step = std::min(step + retryStep, maxRetryDelay);
    }
    mWorld.kernel.schedule(attempt, handlerId(), mOutage, Reconnected);
}

void VpnModel::handleEvent(const Event &event)
{
    if (event.arg != mOutage)
        return;
    if (event.tag() == Detected) {
        if (failed()) {
            mDetectedAt = event.time;
            mWorld.incidents.detected(index(), event.time);
        }
    } else if (event.tag() == Reconnected && !failed()) {
        setTunnel(true);
        mWorld.incidents.recoveredComponent(index(), event.time);
    }
}

void VpnModel::setTunnel(bool up)
{
    if (up == mTunnelUp)
        return;
    mTunnelUp = up;
    mWorld.tunnelChanged();
}

} // namespace topolab::sim
