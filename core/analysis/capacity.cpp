// Capacity per tier from workers and mean service times, against the demand the traffic section
// sends each tier. A first-order estimate (utilisation = arrival rate × mean service time /
// servers); the simulator gives queueing delays and failures.
#include "analysisreport.h"

#include "../model/topologyindex.h"

#include <limits>
#include <map>

namespace topolab::core {

namespace {

using K = ComponentKind;

struct Loads
{
    std::map<std::string, double, std::less<>> requests; // per LB and app server, req/s
    std::map<std::string, double, std::less<>> queries;  // per database, queries/s
};

void spreadOverLoadBalancers(const Topology &t, const TopologyIndex &index, const ClientGroup &g,
                             double dynamicRps, Loads &loads)
{
    const auto dnsList = t.componentsOfKind(K::Dns);
    if (dnsList.empty()) {
        const auto lbs = t.componentsOfKind(K::LoadBalancer);
        for (const Component *lb : lbs)
            loads.requests[lb->id] += dynamicRps / static_cast<double>(lbs.size());
        return;
    }
    const double perDns = dynamicRps / static_cast<double>(dnsList.size());
    for (const Component *dns : dnsList) {
        auto lbs = ofKind(index.targets(dns->id), K::LoadBalancer);
        if (lbs.empty())
            continue;
        const std::string &policy = dns->params.text("policy");
        if (policy == "active_standby") {
            lbs.resize(1);
        } else if (policy == "geo" && !g.region.empty()) {
            auto local = lbs;
            std::erase_if(local, [&](const Component *lb) { return lb->region != g.region; });
            if (!local.empty())
                lbs = local;
        }
        for (const Component *lb : lbs)
            loads.requests[lb->id] += perDns / static_cast<double>(lbs.size());
    }
}

Loads computeLoads(const Topology &t, const TopologyIndex &index, double &offered, double &stat)
{
    Loads loads;
    for (const auto &g : t.clientGroups) {
        const double rate = g.params.number("rate_rps");
        const double staticShare = g.params.number("static_fraction");
        offered += rate;
        stat += rate * staticShare;
        spreadOverLoadBalancers(t, index, g, rate * (1 - staticShare), loads);
    }
    for (const Component *lb : t.componentsOfKind(K::LoadBalancer)) {
        const auto apps = ofKind(index.targets(lb->id), K::AppServer);
        const double load = loads.requests[lb->id];
        for (const Component *app : apps)
            loads.requests[app->id] += load / static_cast<double>(apps.size());
    }
    for (const Component *app : t.componentsOfKind(K::AppServer)) {
        const auto dbs = ofKind(index.targets(app->id), K::Database);
        const double q = loads.requests[app->id] * app->params.number("db_queries");
        for (const Component *db : dbs)
            loads.queries[db->id] += q / static_cast<double>(dbs.size());
    }
    return loads;
}

// Mean time an app worker is held: its own service plus its queries to the database.
double appBusyMs(const TopologyIndex &index, const Component &app)
{
    double ms = app.params.number("service_ms.mean");
    const auto dbs = ofKind(index.targets(app.id), K::Database);
    if (!dbs.empty())
        ms += app.params.number("db_queries") * dbs.front()->params.number("query_ms");
    return ms;
}

constexpr double unlimited = std::numeric_limits<double>::infinity();

double serversPerSecond(double servers, double busyMs)
{
    return busyMs > 0 ? servers * 1000.0 / busyMs : unlimited;
}

} // namespace

std::vector<TierCapacity> estimateCapacity(const Topology &t, double *offeredRps, double *staticRps)
{
    TopologyIndex index(t);
    double offered = 0;
    double stat = 0;
    Loads loads = computeLoads(t, index, offered, stat);
    if (offeredRps)
        *offeredRps = offered;
    if (staticRps)
        *staticRps = stat;

    std::vector<TierCapacity> tiers;
    std::vector<std::string> regions;
    for (const auto &r : t.regions)
        regions.push_back(r.id);
    regions.push_back({}); // components outside regions
    for (const std::string &region : regions) {
        TierCapacity lbTier{region, "load_balancer", {}, 0, 0};
        TierCapacity appTier{region, "app_server", {}, 0, 0};
        for (const auto &c : t.components) {
            if (c.region != region)
                continue;
            if (c.kind == K::LoadBalancer) {
                lbTier.members.push_back(c.id);
                lbTier.capacityRps += serversPerSecond(1, c.params.number("overhead_ms"));
                lbTier.demandRps += loads.requests[c.id];
            } else if (c.kind == K::AppServer) {
                appTier.members.push_back(c.id);
                appTier.capacityRps += serversPerSecond(
                    static_cast<double>(c.params.integer("workers")), appBusyMs(index, c));
                appTier.demandRps += loads.requests[c.id];
            }
        }
        for (TierCapacity *tier : {&lbTier, &appTier}) {
            if (!tier->members.empty())
                tiers.push_back(*tier);
        }
        for (const auto &c : t.components) {
            if (c.region != region || !index.isPrimary(c))
                continue;
            // A primary and the standbys that serve reads share the query load.
            TierCapacity dbTier{region, "database " + c.id, {}, 0, 0};
            double queryCapacity = 0;
            double queryDemand = 0;
            for (const Component *db : index.replicaSet(c)) {
                const bool serves = db == &c || db->params.boolean("serves_reads");
                if (!serves)
                    continue;
                dbTier.members.push_back(db->id);
                queryCapacity += serversPerSecond(static_cast<double>(db->params.integer("cpus")),
                                                  db->params.number("query_ms"));
                queryDemand += loads.queries[db->id];
            }
            // Expressed in requests: divide by the queries one request makes.
            double queriesPerRequest = 0;
            double requests = 0;
            for (const Component *app : ofKind(index.sources(c.id), K::AppServer)) {
                requests += loads.requests[app->id];
                queriesPerRequest += loads.requests[app->id] * app->params.number("db_queries");
            }
            queriesPerRequest = requests > 0 ? queriesPerRequest / requests : 1;
            if (queriesPerRequest <= 0)
                continue;
            dbTier.capacityRps = queryCapacity / queriesPerRequest;
            dbTier.demandRps = queryDemand / queriesPerRequest;
            tiers.push_back(dbTier);
        }
    }
    return tiers;
}

} // namespace topolab::core
