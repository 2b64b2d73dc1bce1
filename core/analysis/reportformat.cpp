#include "reportformat.h"

#include "../model/words.h"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace topolab::core {

namespace {

std::string tierName(const std::string &region, const std::string &tier)
{
    return region.empty() ? tier : region + " " + tier;
}

std::string rate(double rps)
{
    if (!std::isfinite(rps))
        return "unlimited";
    if (rps == 0)
        return "0 req/s";
    char buf[64];
    std::snprintf(buf, sizeof buf, rps >= 100 ? "%.0f req/s" : "%.1f req/s", rps);
    return buf;
}

std::string percent(double share)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100);
    return buf;
}

std::string padded(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.resize(width, ' ');
    return text;
}

void writeSinglePoints(std::ostringstream &out, const AnalysisReport &r)
{
    out << "Single points of failure on the request path\n";
    if (!r.servicePathExists) {
        out << "  no request can be served: no path leads from the clients through dns, a load "
               "balancer and an app server to a working database\n";
    } else if (r.singlePointsOfFailure.empty()) {
        out << "  none: every component on the request path has an alternative\n";
    }
    for (const auto &s : r.singlePointsOfFailure) {
        out << "  " << padded(s.componentId, 20) << kindName(s.kind)
            << (s.region.empty() ? "" : " in " + s.region) << "\n";
    }
    out << "  (dns names are served by the provider's redundant name servers: not counted)\n";
}

void writeRedundancy(std::ostringstream &out, const AnalysisReport &r)
{
    out << "\nRedundancy per tier\n";
    for (const auto &t : r.redundancy) {
        out << "  " << padded(tierName(t.region, t.tier), 28)
            << padded(std::to_string(t.members.size()), 4) << joinWords(t.members)
            << (t.members.size() == 1 && t.tier != "dns" ? "   <- single" : "") << "\n";
    }
}

void writeReachability(std::ostringstream &out, const AnalysisReport &r)
{
    out << "\nDatabases reached from dns\n";
    if (r.reachability.empty())
        out << "  no databases\n";
    for (const auto &d : r.reachability) {
        out << "  " << padded(d.databaseId, 20)
            << (d.reachable ? joinWords(d.viaPath, " -> ") : "NOT REACHED by any request path")
            << "\n";
    }
}

void writeDeployOrder(std::ostringstream &out, const AnalysisReport &r)
{
    out << "\nDeploy order (each step in parallel)\n";
    if (!r.deployOrderProblem.empty())
        out << "  " << r.deployOrderProblem << "\n";
    for (std::size_t i = 0; i < r.deployOrder.size(); ++i)
        out << "  " << (i + 1) << ". " << padded(r.deployOrder[i].tier + ":", 22)
            << joinWords(r.deployOrder[i].componentIds) << "\n";
}

void writeCapacity(std::ostringstream &out, const AnalysisReport &r)
{
    out << "\nCapacity estimate (offered " << rate(r.offeredRps);
    if (r.offeredRps == 0)
        out << ": no client groups in the traffic section";
    if (r.staticRps > 0)
        out << ", of which " << rate(r.staticRps) << " static from object storage";
    out << ")\n";
    out << "  " << padded("tier", 28) << padded("capacity", 16) << padded("demand", 16)
        << "utilisation\n";
    for (const auto &t : r.capacity) {
        out << "  " << padded(tierName(t.region, t.tier), 28) << padded(rate(t.capacityRps), 16)
            << padded(rate(t.demandRps), 16)
            << (std::isfinite(t.capacityRps) ? percent(t.utilization()) : "-") << "\n";
    }
    if (r.bottleneck) {
        const TierCapacity &b = r.capacity[*r.bottleneck];
        out << "  Bottleneck: " << tierName(b.region, b.tier) << " (" << rate(b.capacityRps) << ", "
            << percent(b.utilization()) << " busy"
            << (b.utilization() >= 1 ? ": OVERLOADED, requests will queue and fail" : "") << ")\n";
    }
}

} // namespace

std::string formatAnalysisText(const AnalysisReport &report, const Topology &topology)
{
    std::ostringstream out;
    out << (topology.name.empty() ? std::string("Topology") : topology.name) << ": "
        << topology.components.size() << " components, " << topology.links.size() << " links, "
        << topology.regions.size() << (topology.regions.size() == 1 ? " region" : " regions")
        << "\n\n";
    writeSinglePoints(out, report);
    writeRedundancy(out, report);
    writeReachability(out, report);
    writeDeployOrder(out, report);
    writeCapacity(out, report);
    return out.str();
}

nlohmann::ordered_json analysisToJson(const AnalysisReport &r)
{
    using json = nlohmann::ordered_json;
    const auto finite = [](double v) -> json {
        return std::isfinite(v) ? json(v) : json(nullptr);
    };
    json out;
    out["service_path"] = r.servicePathExists;
    out["single_points_of_failure"] = json::array();
    for (const auto &s : r.singlePointsOfFailure) {
        out["single_points_of_failure"].push_back(
            {{"id", s.componentId}, {"kind", std::string(kindName(s.kind))}, {"region", s.region}});
    }
    out["redundancy"] = json::array();
    for (const auto &t : r.redundancy) {
        out["redundancy"].push_back({{"region", t.region},
                                     {"tier", t.tier},
                                     {"count", t.members.size()},
                                     {"members", t.members}});
    }
    out["reachability"] = json::array();
    for (const auto &d : r.reachability) {
        out["reachability"].push_back(
            {{"database", d.databaseId}, {"reachable", d.reachable}, {"path", d.viaPath}});
    }
    out["deploy_order"] = json::array();
    for (const auto &step : r.deployOrder)
        out["deploy_order"].push_back({{"tier", step.tier}, {"components", step.componentIds}});
    if (!r.deployOrderProblem.empty())
        out["deploy_order_problem"] = r.deployOrderProblem;
    json capacity;
    capacity["offered_rps"] = r.offeredRps;
    capacity["static_rps"] = r.staticRps;
    capacity["tiers"] = json::array();
    for (const auto &t : r.capacity) {
        capacity["tiers"].push_back({{"region", t.region},
                                     {"tier", t.tier},
                                     {"members", t.members},
                                     {"capacity_rps", finite(t.capacityRps)},
                                     {"demand_rps", t.demandRps},
                                     {"utilization", finite(t.utilization())}});
    }
    if (r.bottleneck) {
        const TierCapacity &b = r.capacity[*r.bottleneck];
        capacity["bottleneck"]
            = {{"region", b.region}, {"tier", b.tier}, {"utilization", b.utilization()}};
    } else {
        capacity["bottleneck"] = nullptr;
    }
    out["capacity"] = capacity;
    return out;
}

} // namespace topolab::core
