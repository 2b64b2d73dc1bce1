#pragma once

#include "modelspec.h"
#include "sim/engine/eventhandler.h"
#include "sim/random/randomstream.h"
#include "sim/run/failurecause.h"

#include <vector>

namespace topolab::sim {

class World;
struct Request;

// A population of clients sending requests open-loop (Poisson, independent of responses, so a
// slow system cannot hide its latency). Models what a client does before and after the load
// balancer: its app-level DNS cache, its resolver's cache with TTL (and TTL-stretching
// resolvers), the choice among the addresses, connect failures and the next-address retry.
class ClientGroupModel final : public EventHandler
{
public:
    ClientGroupModel(World &world, std::uint32_t group);

    void start();
    // Counts the requests sent before the end that the run did not get to.
    void finish();
    void handleEvent(const Event &event) override;

    // The load balancer refused the connection (a dead process answers with a reset) or never
    // answered; the client tries the next address or gives up.
    void connectFailed(std::uint32_t request);
    // The load balancer of the request was silent: the client waits out its connect timeout.
    void awaitConnectTimeout(std::uint32_t request);
    // The answer left the load balancer at `at`; it reaches the client one latency later.
    void respond(std::uint32_t request, SimTime at);
    void respondFailure(std::uint32_t request, FailureCause cause, SimTime at);

    // One-way latency from the clients to a component's region.
    SimTime latencyTo(std::uint32_t component) const;
    std::uint32_t handlerId() const { return mHandler; }

private:
    struct ResolverCache
    {
        SimTime expiry = 0;
        std::uint32_t version = 0;
    };
    struct AppCache
    {
        SimTime expiry = 0;
        std::uint32_t version = 0;
        std::uint8_t rotation = 0;
    };

    void arrive();
    // The send time of the request after one sent at `after`: Poisson at the base rate, or,
    // with a rate profile, Poisson at the profile's peak thinned to the rate of the moment.
    SimTime nextSendTime(SimTime after);
    void pickNextClient();
    void sendStatic(std::uint32_t id);
    void connect(std::uint32_t id);
    FailureCause connectCause(std::uint32_t lb) const;

    World &mWorld;
    const ClientGroupSpec &mSpec;
    std::uint32_t mGroup;
    std::uint32_t mHandler;
    RandomStream mArrivals;
    RandomStream mChoices;
    double mMeanGapNs = 0; // at the peak rate when the rate follows a profile
    double mPeakFactor = 1;
    SimTime mArrivalDelay = 0; // handshake and request to a local load balancer
    SimTime mNextIntended = 0;
    std::size_t mNextClient = 0; // which client sends the next request
    std::vector<ResolverCache> mResolvers;
    std::vector<bool> mViolating;
    std::vector<AppCache> mClients;
    std::uint32_t mStorage = noIndex;
};

} // namespace topolab::sim
