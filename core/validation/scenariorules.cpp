// Traffic and scenario sections: what a simulation of this topology would trip over.
#include "findings.h"

#include "../simulation/simmodelbuilder.h"

namespace topolab::core {

namespace {

// Far beyond what one machine simulates in reasonable time (tens of millions of events a
// second), and still finite.
constexpr double maximumPeakRateRps = 1e8;

} // namespace

void checkTrafficAndScenario(Findings &f)
{
    const Topology &t = f.topology();
    for (const Component *app : t.componentsOfKind(ComponentKind::AppServer)) {
        if (!app->params.groupEnabled("autoscale"))
            continue;
        const double out = app->params.number("autoscale.scale_out_utilization");
        const double in = app->params.number("autoscale.scale_in_utilization");
        if (in >= out) {
            f.warning("autoscale-thresholds", app->id,
                      "app server '" + app->id + "' scales in at " + formatParamValue(in)
                          + " utilisation but out only at " + formatParamValue(out)
                          + ": it would add and remove instances in turn; keep "
                            "scale_in_utilization well below scale_out_utilization");
        }
    }
    for (const auto &g : t.clientGroups) {
        // Steps compound: a few of them at a large factor ask for more requests than any run
        // could send, and the run would never end.
        const double peak = g.params.number("rate_rps") * rateProfileOf(g.params).maxFactor();
        if (!(peak <= maximumPeakRateRps)) {
            f.add(Severity::Error, "rate-profile-too-high", {},
                  "client group '" + g.id + "' would reach " + formatParamValue(peak)
                      + " requests per second at the peak of its rate profile, more than "
                      + formatParamValue(maximumPeakRateRps)
                      + "; lower profile.factor, profile.count or rate_rps",
                  f.clientGroupLocation(g.id));
        }
    }
    if (t.componentsOfKind(ComponentKind::ObjectStorage).empty()) {
        for (const auto &g : t.clientGroups) {
            if (g.params.number("static_fraction") > 0) {
                f.add(Severity::Warning, "static-no-object-storage", {},
                      "client group '" + g.id + "' requests static content (static_fraction "
                          + formatParamValue(g.params.value("static_fraction"))
                          + ") but there is no object storage; add one or set static_fraction: 0",
                      f.clientGroupLocation(g.id));
                break;
            }
        }
    }
    if (!t.scenario)
        return;
    // Failure times count from the end of the warm-up, so the run ends at duration_s.
    const double end = t.scenario->params.number("duration_s");
    for (std::size_t i = 0; i < t.scenario->failures.size(); ++i) {
        const ParamSet &p = t.scenario->failures[i].params;
        const std::string &target = p.text("target");
        const Component *c = t.component(target);
        const bool wholeRegionOrVpn = !c || c->kind == ComponentKind::Vpn;
        if (p.text("mode") == "degrade" && wholeRegionOrVpn) {
            f.add(Severity::Error, "failure-mode-invalid", target,
                  "a " + std::string(c ? "vpn" : "region") + " cannot be degraded ('" + target
                      + "'); use crash or blackhole",
                  f.failureLocation(i));
        }
        if (p.number("at_s") >= end) {
            f.add(Severity::Warning, "failure-after-end", target,
                  "the failure of '" + target + "' at " + formatParamValue(p.value("at_s"))
                      + " s starts after the run ends (" + formatParamValue(end)
                      + " s after the warm-up)",
                  f.failureLocation(i));
        }
    }
}

} // namespace topolab::core
