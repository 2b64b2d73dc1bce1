#include "windowreplay.h"

#include "sim/random/streamseed.h"

#include <cmath>
#include <numbers>

namespace topolab::sim {

std::uint64_t replaySeed(std::uint64_t modelSeed, int replication)
{
    return streamSeed(modelSeed, static_cast<std::uint64_t>(replication), "",
                      "availability-replay");
}

ModelSpec withoutScenarioProfiles(const ModelSpec &model)
{
    ModelSpec m = model;
    for (ClientGroupSpec &g : m.clientGroups) {
        const RateProfile::Shape shape = g.profile.shape;
        if (shape == RateProfile::Shape::Steps || shape == RateProfile::Shape::Spike)
            g.profile.shape = RateProfile::Shape::Constant;
    }
    return m;
}

ModelSpec windowModel(const ModelSpec &model, const IncidentWindow &window, int replication)
{
    ModelSpec m = withoutScenarioProfiles(model);
    m.randomFailures.clear();
    m.failures.clear();
    for (const Outage &o : window.outages) {
        FailureSpec f;
        f.at = o.start - window.start;
        f.duration = o.end - o.start; // >= 1 ns: the timeline never draws an empty outage
        f.mode = o.mode;
        f.target = model.components[o.component].id;
        f.components = {o.component};
        m.failures.push_back(std::move(f));
    }
    m.duration = window.length();
    m.replications = 1;
    m.seed = replaySeed(model.seed, replication);
    m.recordLoad = false;
    // The window's clock starts at its own start: move the daily peak back by as much.
    const double shiftHours = std::fmod(toSeconds(window.start) / 3600.0, 24.0);
    for (ClientGroupSpec &g : m.clientGroups)
        if (g.profile.shape == RateProfile::Shape::Daily)
            g.profile.peakHours = std::fmod(g.profile.peakHours - shiftHours + 48.0, 24.0);
    return m;
}

ModelSpec baselineModel(const ModelSpec &model, int replication, SimTime duration)
{
    ModelSpec m = withoutScenarioProfiles(model);
    m.randomFailures.clear();
    m.failures.clear();
    if (duration > 0)
        m.duration = duration;
    m.replications = 1;
    m.seed = replaySeed(model.seed, replication);
    m.recordLoad = false;
    return m;
}

namespace {

// Integral of RateProfile::factorAt over [a, b] seconds (from the profile's time 0).
double factorIntegral(const RateProfile &p, double a, double b)
{
    if (p.shape != RateProfile::Shape::Daily)
        return b - a;
    constexpr double day = 86400.0;
    const double w = 2 * std::numbers::pi / day;
    const double peak = p.peakHours * 3600.0;
    // factor = trough + (factor - trough) (1 + cos(w (t - peak))) / 2
    const double amplitude = (p.factor - p.troughFactor) / 2;
    const double mean = p.troughFactor + amplitude;
    return mean * (b - a) + amplitude / w * (std::sin(w * (b - peak)) - std::sin(w * (a - peak)));
}

} // namespace

double expectedOffered(const ModelSpec &model, SimTime from, SimTime to)
{
    if (to <= from)
        return 0;
    double total = 0;
    for (const ClientGroupSpec &g : model.clientGroups)
        total += g.rateRps * factorIntegral(g.profile, toSeconds(from), toSeconds(to));
    return total;
}

} // namespace topolab::sim
