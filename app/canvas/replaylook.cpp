// How the canvas shows a moment of a simulation's replay: the members of DesignScene that tint
// components by state, draw their load and widen links by their traffic.
#include "designscene.h"

#include "gui/componentitem.h"
#include "gui/linkitem.h"

namespace topolab::app {

void DesignScene::showStates(const QHash<QString, sim::ComponentState> &states)
{
    for (auto it = mComponents.constBegin(); it != mComponents.constEnd(); ++it) {
        const auto state = states.constFind(it.key());
        it.value()->setSimState(state == states.constEnd()
                                    ? std::nullopt
                                    : std::optional<sim::ComponentState>(*state));
    }
}

void DesignScene::showLoads(const QHash<QString, ComponentLoad> &loads)
{
    for (auto it = mComponents.constBegin(); it != mComponents.constEnd(); ++it) {
        const auto load = loads.constFind(it.key());
        it.value()->setSimLoad(load == loads.constEnd() ? std::nullopt
                                                        : std::optional<ComponentLoad>(*load));
    }
    // A request link into a component carries the part of what it served that came from the
    // link's source: shared by what each source served (evenly when they serve nothing
    // themselves, as a DNS name).
    QHash<QString, double> servedBySources;
    QHash<QString, int> sources;
    for (const LinkItem *link : std::as_const(mLinks)) {
        if (link->kind() != core::LinkKind::Request)
            continue;
        servedBySources[link->to()] += loads.value(link->from()).servedPerS;
        ++sources[link->to()];
    }
    for (LinkItem *link : std::as_const(mLinks)) {
        const auto target = loads.constFind(link->to());
        if (link->kind() != core::LinkKind::Request || target == loads.constEnd()) {
            link->setTraffic(std::nullopt);
            continue;
        }
        const double total = servedBySources.value(link->to());
        const double part = total > 0 ? loads.value(link->from()).servedPerS / total
                                      : 1.0 / sources.value(link->to(), 1);
        link->setTraffic(target->trafficShare * part);
    }
}

} // namespace topolab::app
