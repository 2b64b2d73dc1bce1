#include "validator.h"

#include "findings.h"

#include <algorithm>
#include <tuple>

namespace topolab::core {

void Findings::error(std::string code, const std::string &componentId, std::string message)
{
    add(Severity::Error, std::move(code), componentId, std::move(message));
}

void Findings::warning(std::string code, const std::string &componentId, std::string message)
{
    add(Severity::Warning, std::move(code), componentId, std::move(message));
}

void Findings::add(Severity severity, std::string code, const std::string &componentId,
                   std::string message, SourceLocation at)
{
    if (!at.known() && mSources)
        at = mSources->element(componentId);
    if (!at.known() && mSources)
        at = SourceLocation{1, 1}; // about the whole file

    mDiagnostics.push_back(
        Diagnostic{severity, std::move(code), std::move(message), componentId, at});
}

SourceLocation Findings::failureLocation(std::size_t index) const
{
    if (!mSources || index >= mSources->failures.size())
        return {};
    return mSources->failures[index];
}

SourceLocation Findings::clientGroupLocation(const std::string &id) const
{
    if (!mSources)
        return {};
    auto it = mSources->clientGroups.find(id);
    return it == mSources->clientGroups.end() ? mSources->traffic : it->second;
}

std::vector<Diagnostic> validateTopology(const Topology &topology, const SourceMap *sources)
{
    TopologyIndex index(topology);
    Findings findings(index, sources);
    if (topology.components.empty()) {
        findings.warning("empty-topology", {},
                         "the topology has no components; start from a template or add a dns, "
                         "a load balancer and app servers");
    }
    checkRequestPath(findings);
    checkDatabases(findings);
    checkRegions(findings);
    checkTrafficAndScenario(findings);
    std::vector<Diagnostic> out = findings.take();
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::tie(a.location.line, a.location.column, a.code)
               < std::tie(b.location.line, b.location.column, b.code);
    });
    return out;
}

const std::vector<ValidationRuleInfo> &validationRules()
{
    using S = Severity;
    static const std::vector<ValidationRuleInfo> rules = {
        {"empty-topology", S::Warning, "The topology has no components."},
        {"dns-no-load-balancer", S::Error, "A dns record points at no load balancer."},
        {"dns-single-lb", S::Warning,
         "A dns name resolves to a single load balancer and has no standby: a single point of "
         "failure."},
        {"no-entry-point", S::Warning, "Load balancers exist but no dns points clients at them."},
        {"lb-unreachable", S::Warning, "No dns record points at this load balancer."},
        {"lb-no-app-server", S::Error, "A load balancer forwards to no app server."},
        {"app-unreachable", S::Error, "No load balancer forwards to this app server."},
        {"lb-cross-region", S::Error,
         "A load balancer forwards to an app server of another region (LBs stay in their "
         "region)."},
        {"app-no-database", S::Error,
         "An app server makes database queries (db_queries > 0) but is linked to no database."},
        {"app-cross-region-database", S::Warning,
         "An app server queries a database of another region: every query crosses regions."},
        {"standby-no-primary", S::Error, "A standby database replicates from no primary."},
        {"standby-multiple-sources", S::Error, "A standby replicates from more than one database."},
        {"replication-cycle", S::Error, "Standbys replicate from each other in a loop."},
        {"db-no-volume", S::Warning,
         "A database keeps its files on the instance instead of a volume: losing the instance "
         "loses the data."},
        {"volume-shared", S::Error, "A volume is attached to more than one database."},
        {"volume-unattached", S::Warning, "A volume is attached to no database."},
        {"primary-no-backup", S::Warning,
         "No backup copies the volume of this primary or of its standbys."},
        {"backup-no-volume", S::Error, "A backup copies no volume."},
        {"region-missing", S::Error,
         "A load balancer, app server, database or volume is outside every region although "
         "the topology has regions."},
        {"region-no-active-database", S::Error,
         "In a multi-region layout, a region with app servers has no active (primary) "
         "database."},
        {"region-multiple-active-databases", S::Error,
         "A region has more than one active (primary) database."},
        {"db-no-vpn", S::Error,
         "Databases of different regions replicate or share data with no vpn between them."},
        {"vpn-single-region", S::Warning,
         "A vpn joins databases of fewer than two regions, so it carries nothing across regions."},
        {"static-no-object-storage", S::Warning,
         "Clients request static content (static_fraction > 0) but there is no object storage."},
        {"failure-mode-invalid", S::Error,
         "A scheduled failure uses a mode its target cannot have (degrade on a region or vpn)."},
        {"failure-after-end", S::Warning,
         "A scheduled failure starts after the end of the simulated time."},
        {"rate-profile-too-high", S::Error,
         "A client group's rate profile reaches a request rate beyond what can be simulated "
         "(10⁸ per second)."},
        {"autoscale-thresholds", S::Warning,
         "An autoscaled app server scales in at a utilisation as high as the one it scales out "
         "at, so it would add and remove instances in turn."},
    };
    return rules;
}

} // namespace topolab::core
