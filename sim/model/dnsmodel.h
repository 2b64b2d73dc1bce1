#pragma once

#include "componentmodel.h"

#include <vector>

namespace topolab::sim {

// A DNS name at a provider: the records it publishes, the provider's health checks of the load
// balancers, and the propagation delay before a change reaches every authoritative server.
// Each published record set is a version; a resolver caches a version number, so a stale answer
// costs nothing to keep and is recognised exactly.
class DnsModel final : public ComponentModel
{
public:
    DnsModel(World &world, std::uint32_t index);

    void start();
    void handleEvent(const Event &event) override;

    // The version a lookup at `now` returns (what the authoritative servers give).
    std::uint32_t visibleVersion() const { return mVisible; }
    // The addresses of a version for a client group, in the provider's order.
    const std::vector<std::uint32_t> &answer(std::uint32_t version, std::uint32_t group) const
    {
        return mVersions[version].perGroup[group];
    }
    // False once a lookup would no longer return this load balancer.
    bool announced(std::uint32_t loadBalancer) const;
    SimTime ttl() const { return spec().dns.ttl; }
    SimTime lookupTime() const { return spec().dns.lookup; }

private:
    struct Version
    {
        std::vector<std::vector<std::uint32_t>> perGroup;
        std::vector<bool> included; // per position in the LB list
    };

    Version makeVersion(const std::vector<bool> &healthy) const;
    void check(std::size_t position);
    bool passes(std::size_t position) const;

    std::vector<Version> mVersions;
    std::uint32_t mVisible = 0;
    std::vector<bool> mHealthy;               // the provider's current verdict per LB position
    std::vector<int> mStreak;                 // consecutive checks contradicting the verdict
    std::vector<std::uint32_t> mWithdrawnFor; // per position: whose failure a withdrawal is
    std::vector<std::uint32_t> mPositionOf;   // component index → position, noIndex otherwise
};

} // namespace topolab::sim
