#include "dnsmodel.h"

#include "loadbalancermodel.h"
#include "world.h"

namespace topolab::sim {

namespace {

enum Tag : std::uint16_t { Check = 1, Publish = 2 };

} // namespace

DnsModel::DnsModel(World &world, std::uint32_t index)
    : ComponentModel(world, index)
{
    const auto &lbs = spec().dns.loadBalancers;
    mHealthy.assign(lbs.size(), true);
    mStreak.assign(lbs.size(), 0);
    mWithdrawnFor.assign(lbs.begin(), lbs.end());
    mPositionOf.assign(world.spec.components.size(), noIndex);
    for (std::size_t p = 0; p < lbs.size(); ++p)
        mPositionOf[lbs[p]] = static_cast<std::uint32_t>(p);
    mVersions.push_back(makeVersion(mHealthy));
}

void DnsModel::start()
{
    const DnsSpec &dns = spec().dns;
    if (!dns.healthCheck || dns.loadBalancers.empty())
        return;
    // Checkers are not synchronised with failures: each LB's first check is at a random phase.
    RandomStream random = mWorld.stream(spec().id, "health-check-phase");
    for (std::size_t p = 0; p < dns.loadBalancers.size(); ++p) {
        const auto phase
            = static_cast<SimTime>(random.uniform() * static_cast<double>(dns.checkInterval));
        mWorld.kernel.schedule(phase, handlerId(), static_cast<std::uint32_t>(p), Check);
    }
}

bool DnsModel::announced(std::uint32_t loadBalancer) const
{
    const std::uint32_t p = mPositionOf[loadBalancer];
    return p != noIndex && mVersions[mVisible].included[p];
}

DnsModel::Version DnsModel::makeVersion(const std::vector<bool> &healthy) const
{
    const DnsSpec &dns = spec().dns;
    const auto &lbs = dns.loadBalancers;
    Version v;
    v.included.assign(lbs.size(), false);
    bool any = false;
    for (bool h : healthy)
        any = any || h;
    // A provider never withdraws the last record (Route 53 treats all-unhealthy as all-healthy):
    // an empty answer would be cached negatively and take the name down entirely.
    auto usable = [&](std::size_t p) {
        return !any || healthy[p];
    };
    switch (dns.policy) {
    case DnsPolicy::RoundRobin:
    case DnsPolicy::Geo:
        for (std::size_t p = 0; p < lbs.size(); ++p)
            v.included[p] = usable(p);
        break;
    case DnsPolicy::ActiveStandby:
        for (std::size_t p = 0; p < lbs.size(); ++p) {
            if (usable(p)) {
                v.included[p] = true;
                break;
            }
        }
        break;
    }
    const auto &groups = mWorld.spec.clientGroups;
    v.perGroup.resize(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        std::vector<std::uint32_t> &answer = v.perGroup[g];
        if (dns.policy == DnsPolicy::Geo && groups[g].region != noIndex) {
            for (std::size_t p = 0; p < lbs.size(); ++p)
                if (v.included[p] && mWorld.spec.components[lbs[p]].region == groups[g].region)
                    answer.push_back(lbs[p]);
        }
        if (answer.empty()) {
            for (std::size_t p = 0; p < lbs.size(); ++p)
                if (v.included[p])
                    answer.push_back(lbs[p]);
        }
    }
    return v;
}

bool DnsModel::passes(std::size_t position) const
{
    const std::uint32_t lb = spec().dns.loadBalancers[position];
    const ComponentModel &c = mWorld.component(lb);
    // The provider checks through the LB: a region whose active database is down answers
    // errors, so its LBs fail the check too.
    return c.serving() && !mWorld.regionSick(mWorld.spec.components[lb].region);
}

void DnsModel::check(std::size_t position)
{
    const DnsSpec &dns = spec().dns;
    const bool ok = passes(position);
    if (ok == mHealthy[position]) {
        mStreak[position] = 0;
    } else if (++mStreak[position] >= dns.checkFall) {
        mStreak[position] = 0;
        mHealthy[position] = ok;
        const std::uint32_t lb = dns.loadBalancers[position];
        mWithdrawnFor[position] = lb;
        if (!ok && mWorld.component(lb).serving()) {
            // The LB itself is fine: its region is sick, and the withdrawal belongs to the
            // database failure that made it so.
            const std::uint32_t primary = mWorld.sickPrimary(mWorld.spec.components[lb].region);
            if (primary != noIndex)
                mWithdrawnFor[position] = primary;
        } else if (!ok) {
            mWorld.incidents.detected(lb, mWorld.kernel.now());
        }
        mVersions.push_back(makeVersion(mHealthy));
        const auto version = static_cast<std::uint32_t>(mVersions.size() - 1);
        mWorld.kernel.schedule(mWorld.kernel.now() + dns.propagation, handlerId(), version,
                               Publish);
    }
    mWorld.kernel.schedule(mWorld.kernel.now() + dns.checkInterval, handlerId(),
                           static_cast<std::uint32_t>(position), Check);
}

void DnsModel::handleEvent(const Event &event)
{
    if (event.tag() == Check) {
        check(event.arg);
        return;
    }
    // Versions propagate in the order they were made: the delay is the same for each.
    const Version &before = mVersions[mVisible];
    mVisible = event.arg;
    const Version &after = mVersions[mVisible];
    const auto &lbs = spec().dns.loadBalancers;
    for (std::size_t p = 0; p < lbs.size(); ++p)
        if (before.included[p] && !after.included[p])
            mWorld.incidents.dnsUpdated(mWithdrawnFor[p], event.time);
}

} // namespace topolab::sim
