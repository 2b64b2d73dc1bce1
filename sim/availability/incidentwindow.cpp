#include "incidentwindow.h"

#include <algorithm>

namespace topolab::sim {

std::vector<IncidentWindow> mergeIntoWindows(const std::vector<Outage> &outages, SimTime settle)
{
    std::vector<IncidentWindow> windows;
    for (const Outage &o : outages) {
        const SimTime opens = std::max<SimTime>(0, o.start - windowLead);
        if (windows.empty() || opens >= windows.back().end) {
            windows.push_back(IncidentWindow{opens, o.end + settle, {o}});
            continue;
        }
        IncidentWindow &w = windows.back();
        w.outages.push_back(o);
        w.end = std::max(w.end, o.end + settle);
    }
    return windows;
}

SimTime defaultSettleTime(const ModelSpec &model)
{
    SimTime timeout = 0;
    SimTime rise = 0;
    for (const ClientGroupSpec &g : model.clientGroups)
        timeout = std::max(timeout, g.requestTimeout);
    for (const ComponentSpec &c : model.components) {
        if (c.kind != SimKind::LoadBalancer)
            continue;
        timeout = std::max(timeout, c.loadBalancer.serverTimeout);
        rise = std::max(rise, c.loadBalancer.checkInter * c.loadBalancer.checkRise);
    }
    return timeout + rise + 10 * second;
}

} // namespace topolab::sim
