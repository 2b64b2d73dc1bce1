// dns → load balancer → app server → database: the path every request takes.
#include "findings.h"

namespace topolab::core {

namespace {

using K = ComponentKind;

void checkDns(Findings &f, const Component &dns)
{
    const auto lbs = ofKind(f.index().targets(dns.id), K::LoadBalancer);
    if (lbs.empty()) {
        f.error("dns-no-load-balancer", dns.id,
                "dns '" + dns.id
                    + "' points at no load balancer; link it to one or more "
                      "load_balancer components");
    } else if (lbs.size() == 1) {
        f.warning("dns-single-lb", dns.id,
                  "dns '" + dns.id + "' resolves to a single load balancer ('" + lbs.front()->id
                      + "') with no standby: if it fails, every request fails. Add a second "
                        "load balancer");
    }
}

void checkLoadBalancer(Findings &f, const Component &lb, bool topologyHasDns)
{
    if (topologyHasDns && ofKind(f.index().sources(lb.id), K::Dns).empty()) {
        f.warning("lb-unreachable", lb.id,
                  "no dns record points at load balancer '" + lb.id
                      + "', so no client reaches it; link a dns to it");
    }
    const auto apps = ofKind(f.index().targets(lb.id), K::AppServer);
    if (apps.empty()) {
        f.error("lb-no-app-server", lb.id,
                "load balancer '" + lb.id
                    + "' forwards to no app server; link it to the app "
                      "servers of its region");
    }
    const bool multiRegion = f.topology().regions.size() > 1;
    for (const Component *app : apps) {
        if (multiRegion && !lb.region.empty() && !app->region.empty() && app->region != lb.region) {
            f.error("lb-cross-region", lb.id,
                    "load balancer '" + lb.id + "' (region " + lb.region + ") forwards to '"
                        + app->id + "' in region " + app->region
                        + "; load balancers only forward within their region");
        }
    }
}

void checkAppServer(Findings &f, const Component &app)
{
    if (ofKind(f.index().sources(app.id), K::LoadBalancer).empty()) {
        f.error("app-unreachable", app.id,
                "no load balancer forwards to app server '" + app.id
                    + "'; link a load balancer of its region to it");
    }
    const auto databases = ofKind(f.index().targets(app.id), K::Database);
    if (databases.empty() && app.params.number("db_queries") > 0) {
        f.error("app-no-database", app.id,
                "app server '" + app.id + "' makes "
                    + formatParamValue(app.params.number("db_queries"))
                    + " database queries per request but is linked to no database; link it to "
                      "its region's primary, or set db_queries: 0");
    }
    for (const Component *db : databases) {
        if (!app.region.empty() && !db->region.empty() && db->region != app.region) {
            f.warning("app-cross-region-database", app.id,
                      "app server '" + app.id + "' (region " + app.region + ") queries '" + db->id
                          + "' in region " + db->region
                          + ": every query crosses regions; use the database of its own region");
        }
    }
}

} // namespace

void checkRequestPath(Findings &f)
{
    const bool hasDns = !f.topology().componentsOfKind(K::Dns).empty();
    const bool hasLb = !f.topology().componentsOfKind(K::LoadBalancer).empty();
    if (!hasDns && hasLb) {
        f.warning("no-entry-point", {},
                  "no dns points clients at the load balancers; add a dns component and link it "
                  "to them");
    }
    for (const auto &c : f.topology().components) {
        switch (c.kind) {
        case K::Dns:
            checkDns(f, c);
            break;
        case K::LoadBalancer:
            checkLoadBalancer(f, c, hasDns);
            break;
        case K::AppServer:
            checkAppServer(f, c);
            break;
        default:
            break;
        }
    }
}

} // namespace topolab::core
