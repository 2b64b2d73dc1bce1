#pragma once

#include "componentmodel.h"
#include "sim/random/randomstream.h"

#include <deque>
#include <vector>

namespace topolab::sim {

// An HAProxy instance: its view of each server (health checks every `inter` at a random phase,
// DOWN after `fall` failures, UP after `rise` successes; a silent server's check fails only at
// its timeout), the balance algorithm over the servers it believes UP, per-server `maxconn`
// with a backend queue, and connection `retries` with `redispatch` on the last one.
class LoadBalancerModel final : public ComponentModel
{
public:
    LoadBalancerModel(World &world, std::uint32_t index);

    void start();
    void handleEvent(const Event &event) override;

    // A client's request reaches this load balancer now.
    void receive(std::uint32_t request) { arrive(request); }
    // Processing time per request, slowed while degraded.
    SimTime overhead() const;
    // The server finished (or failed) the request at the current time.
    void serverDone(std::uint32_t request, bool ok, FailureCause cause);
    // The server went silent while holding the request: HAProxy gives up at `timeout server`.
    void serverWentSilent(std::uint32_t request);
    bool believesUp(std::uint32_t server) const;

    void restartStatistics(SimTime now) override;

protected:
    void onFailed(FailureMode mode) override;
    void onRepaired() override;

private:
    struct Backend
    {
        std::uint32_t server = 0;
        bool up = true;
        int streak = 0; // consecutive checks contradicting `up`
        std::uint32_t active = 0;
    };

    void arrive(std::uint32_t request);
    void dispatch(std::uint32_t request, std::size_t backend);
    void retry(std::uint32_t request, bool afterTimeout);
    // A backend for a new request; `exclude` is skipped (redispatch). noBackend when none is UP,
    // queueFull-style `busy` when every UP server is at maxconn.
    std::size_t choose(std::size_t exclude);
    void checkServer(std::size_t backend);
    void checkResult(std::size_t backend, bool ok);
    void drainQueue();
    void expireQueued();
    void fail(std::uint32_t request, FailureCause cause);
    std::size_t backendOf(std::uint32_t server) const;

    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    static constexpr std::size_t busy = static_cast<std::size_t>(-2);

    const LoadBalancerSpec &mLb;
    std::vector<Backend> mBackends;
    std::size_t mNext = 0; // round-robin position
    std::deque<std::uint32_t> mQueue;
    RandomStream mRandom;
    std::vector<std::size_t> mScratch;
    bool mRestarts = false; // a crash or blackhole: its view of the servers is lost
};

} // namespace topolab::sim
