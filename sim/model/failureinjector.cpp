#include "failureinjector.h"

#include "componentmodel.h"
#include "world.h"

namespace topolab::sim {

namespace {

enum Tag : std::uint16_t { Start = 1, End = 2, RandomFail = 3, RandomRepair = 4 };

SimTime exponentialTime(RandomStream &random, double meanSeconds)
{
    return fromSeconds(random.exponential(meanSeconds));
}

} // namespace

FailureInjector::FailureInjector(World &world)
    : mWorld(world)
    , mHandler(world.kernel.addHandler(this))
    , mScheduledIncidents(world.spec.failures.size(), IncidentLog::none)
{
    for (const RandomFailureSpec &r : world.spec.randomFailures) {
        for (std::uint32_t c = 0; c < world.spec.components.size(); ++c) {
            const ComponentSpec &cs = world.spec.components[c];
            if (cs.kind != r.kind)
                continue;
            const std::string purpose
                = "random-failures-" + std::to_string(&r - world.spec.randomFailures.data());
            mRandom.push_back(RandomProcess{c, &r, world.stream(cs.id, purpose)});
        }
    }
}

void FailureInjector::start()
{
    for (std::uint32_t i = 0; i < mWorld.spec.failures.size(); ++i) {
        const FailureSpec &f = mWorld.spec.failures[i];
        const SimTime at = mWorld.warmupEnd + f.at;
        mWorld.kernel.schedule(at, mHandler, i, Start);
        if (f.duration > 0)
            mWorld.kernel.schedule(at + f.duration, mHandler, i, End);
    }
    for (std::uint32_t i = 0; i < mRandom.size(); ++i) {
        RandomProcess &p = mRandom[i];
        mWorld.kernel.schedule(exponentialTime(p.random, p.spec->mtbfHours * 3600.0), mHandler, i,
                               RandomFail);
    }
}

void FailureInjector::begin(const std::vector<std::uint32_t> &components, FailureMode mode,
                            double slowdown)
{
    for (std::uint32_t c : components)
        mWorld.component(c).fail(mode, slowdown);
}

void FailureInjector::end(const std::vector<std::uint32_t> &components, std::uint32_t incident)
{
    for (std::uint32_t c : components)
        mWorld.component(c).repair();
    // A tunnel is back only when tinc reconnects; it reports that itself.
    bool vpnOnly = !components.empty();
    for (std::uint32_t c : components)
        vpnOnly = vpnOnly && mWorld.spec.components[c].kind == SimKind::Vpn;
    if (!vpnOnly)
        mWorld.incidents.recovered(incident, mWorld.kernel.now());
}

void FailureInjector::handleEvent(const Event &event)
{
    const SimTime now = event.time;
    switch (event.tag()) {
    case Start: {
        const FailureSpec &f = mWorld.spec.failures[event.arg];
        mScheduledIncidents[event.arg]
            = mWorld.incidents.open(now, f.target, f.mode, false, f.components);
        begin(f.components, f.mode, f.slowdown);
        break;
    }
    case End: {
        const FailureSpec &f = mWorld.spec.failures[event.arg];
        end(f.components, mScheduledIncidents[event.arg]);
        break;
    }
    case RandomFail: {
        RandomProcess &p = mRandom[event.arg];
        const std::vector<std::uint32_t> one{p.component};
        p.incident = mWorld.incidents.open(now, mWorld.spec.components[p.component].id,
                                           p.spec->mode, true, one);
        begin(one, p.spec->mode, 4.0);
        mWorld.kernel.schedule(now + exponentialTime(p.random, p.spec->mttrMinutes * 60.0),
                               mHandler, event.arg, RandomRepair);
        break;
    }
    case RandomRepair: {
        RandomProcess &p = mRandom[event.arg];
        end({p.component}, p.incident);
        mWorld.kernel.schedule(now + exponentialTime(p.random, p.spec->mtbfHours * 3600.0),
                               mHandler, event.arg, RandomFail);
        break;
    }
    default:
        break;
    }
}

} // namespace topolab::sim
