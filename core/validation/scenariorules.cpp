// Traffic and scenario sections: what a simulation of this topology would trip over.
#include "findings.h"

namespace topolab::core {

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
    const double end
        = t.scenario->params.number("warmup_s") + t.scenario->params.number("duration_s");
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
                      + " s starts after the run ends (" + formatParamValue(end) + " s)",
                  f.failureLocation(i));
        }
    }
}

} // namespace topolab::core
