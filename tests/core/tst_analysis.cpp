// Graph analyses on small topologies whose answers are known by hand.
#include "topologyfixture.h"

#include "core/analysis/analysisreport.h"
#include "core/analysis/reportformat.h"
#include "core/analysis/requestflow.h"
#include "core/model/topologyindex.h"

#include <QTest>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>

#include <map>
#include <set>

using namespace topolab::core;
using topolab::test::parseTopology;

namespace {

std::vector<std::string> ids(const std::vector<SinglePointOfFailure> &list)
{
    std::vector<std::string> out;
    for (const auto &s : list)
        out.push_back(s.componentId);
    return out;
}

const std::string oneLb = R"(topolab: 1
regions: [{id: r1}]
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer, region: r1}
  - {id: app-1, kind: app_server, region: r1}
  - {id: app-2, kind: app_server, region: r1}
  - {id: db, kind: database, region: r1}
links:
  - {from: www, to: lb-1}
  - {from: lb-1, to: app-1}
  - {from: lb-1, to: app-2}
  - {from: app-1, to: db}
  - {from: app-2, to: db}
)";

const std::string redundant = R"(topolab: 1
regions: [{id: r1}]
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer, region: r1, overhead_ms: 0.5}
  - {id: lb-2, kind: load_balancer, region: r1, overhead_ms: 0.5}
  - {id: app-1, kind: app_server, region: r1, workers: 4, service_ms: {mean: 10}}
  - {id: app-2, kind: app_server, region: r1, workers: 4, service_ms: {mean: 10}}
  - {id: db-1, kind: database, region: r1, query_ms: 1, cpus: 2}
  - {id: db-2, kind: database, region: r1, role: standby}
  - {id: vol-1, kind: volume, region: r1}
  - {id: vol-2, kind: volume, region: r1}
  - {id: bk, kind: backup, region: r1}
  - {id: s3, kind: object_storage, region: r1}
links:
  - {from: www, to: lb-1}
  - {from: www, to: lb-2}
  - {from: lb-1, to: app-1}
  - {from: lb-1, to: app-2}
  - {from: lb-2, to: app-1}
  - {from: lb-2, to: app-2}
  - {from: app-1, to: db-1}
  - {from: app-2, to: db-1}
  - {from: db-1, to: db-2}
  - {from: db-1, to: vol-1}
  - {from: db-2, to: vol-2}
  - {from: bk, to: vol-1}
  - {from: bk, to: s3}
traffic:
  client_groups:
    - {id: u, rate_rps: 500, static_fraction: 0.2}
)";

// The textbook answer on the undirected request graph: articulation points whose removal
// separates the clients from the service.
std::set<std::string> articulationSinglePoints(const Topology &t)
{
    const RequestFlow flow = buildRequestFlow(t);
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    const std::size_t count = boost::num_vertices(flow.graph);
    Undirected g(count);
    for (auto [e, end] = boost::edges(flow.graph); e != end; ++e)
        boost::add_edge(boost::source(*e, flow.graph), boost::target(*e, flow.graph), g);
    std::vector<std::size_t> cuts;
    boost::articulation_points(g, std::back_inserter(cuts));
    const auto separates = [&](std::size_t removed) {
        std::vector<bool> seen(count, false);
        std::vector<std::size_t> stack = {flow.clients};
        seen[flow.clients] = true;
        while (!stack.empty()) {
            const std::size_t v = stack.back();
            stack.pop_back();
            for (auto [a, end] = boost::adjacent_vertices(v, g); a != end; ++a) {
                if (*a != removed && !seen[*a]) {
                    seen[*a] = true;
                    stack.push_back(*a);
                }
            }
        }
        return !seen[flow.service];
    };
    std::set<std::string> out;
    for (std::size_t v : cuts) {
        if (v < t.components.size() && t.components[v].kind != ComponentKind::Dns && separates(v))
            out.insert(t.components[v].id);
    }
    return out;
}

std::set<std::string> idSet(const std::vector<SinglePointOfFailure> &list)
{
    std::set<std::string> out;
    for (const auto &s : list)
        out.insert(s.componentId);
    return out;
}

} // namespace

class TestAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneLoadBalancerIsASinglePointOfFailure()
    {
        bool path = false;
        const auto spofs = findSinglePointsOfFailure(parseTopology(oneLb), &path);
        QVERIFY(path);
        QCOMPARE(ids(spofs), (std::vector<std::string>{"lb-1", "db"}));
        QCOMPARE(spofs.front().kind, ComponentKind::LoadBalancer);
        QCOMPARE(spofs.front().region, std::string("r1"));
    }

    void redundantLayoutHasNone()
    {
        bool path = false;
        QVERIFY(findSinglePointsOfFailure(parseTopology(redundant), &path).empty());
        QVERIFY(path);
    }

    void singleAppServerAndVolumeWithoutStandby()
    {
        const std::string yaml = R"(topolab: 1
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer}
  - {id: lb-2, kind: load_balancer}
  - {id: app, kind: app_server}
  - {id: db, kind: database}
  - {id: vol, kind: volume}
links:
  - {from: www, to: lb-1}
  - {from: www, to: lb-2}
  - {from: lb-1, to: app}
  - {from: lb-2, to: app}
  - {from: app, to: db}
  - {from: db, to: vol}
)";
        QCOMPARE(ids(findSinglePointsOfFailure(parseTopology(yaml))),
                 (std::vector<std::string>{"app", "db", "vol"}));
    }

    void appsWithoutDatabaseWorkNeedNoDatabase()
    {
        const std::string yaml = R"(topolab: 1
components:
  - {id: lb-1, kind: load_balancer}
  - {id: lb-2, kind: load_balancer}
  - {id: app-1, kind: app_server, db_queries: 0}
  - {id: app-2, kind: app_server, db_queries: 0}
links:
  - {from: lb-1, to: app-1}
  - {from: lb-2, to: app-2}
)";
        bool path = false;
        QVERIFY(findSinglePointsOfFailure(parseTopology(yaml), &path).empty());
        QVERIFY(path); // without dns, clients reach the load balancers directly
    }

    void noPathMeansNoService()
    {
        const std::string yaml = "topolab: 1\ncomponents:\n  - {id: www, kind: dns}\n"
                                 "  - {id: lb, kind: load_balancer}\nlinks:\n"
                                 "  - {from: www, to: lb}\n";
        bool path = true;
        QVERIFY(findSinglePointsOfFailure(parseTopology(yaml), &path).empty());
        QVERIFY(!path);
        AnalysisReport report = analyzeTopology(parseTopology(yaml));
        QVERIFY(!report.servicePathExists);
        QVERIFY(formatAnalysisText(report, parseTopology(yaml)).find("no request can be served")
                != std::string::npos);
    }

    void pathsAgainstTheRequestDirectionDoNotCount()
    {
        // app-2 (reached by no load balancer) queries both databases. Ignoring direction, a
        // path clients → lb → app-1 → db-x → app-2 → db-y → vol-y avoids vol-x; no request can
        // take it, so vol-x is still a single point of failure.
        const std::string yaml = R"(topolab: 1
components:
  - {id: www, kind: dns}
  - {id: lb, kind: load_balancer}
  - {id: app-1, kind: app_server}
  - {id: app-2, kind: app_server}
  - {id: db-x, kind: database}
  - {id: db-y, kind: database}
  - {id: vol-x, kind: volume}
  - {id: vol-y, kind: volume}
links:
  - {from: www, to: lb}
  - {from: lb, to: app-1}
  - {from: app-1, to: db-x}
  - {from: app-2, to: db-x}
  - {from: app-2, to: db-y}
  - {from: db-x, to: vol-x}
  - {from: db-y, to: vol-y}
)";
        QCOMPARE(ids(findSinglePointsOfFailure(parseTopology(yaml))),
                 (std::vector<std::string>{"lb", "app-1", "db-x", "vol-x"}));
        // The undirected cut-vertex test misses vol-x here: that is why dominators are used.
        QCOMPARE(articulationSinglePoints(parseTopology(yaml)),
                 (std::set<std::string>{"lb", "app-1", "db-x"}));
    }

    void dominatorsAgreeWithArticulationPointsOnLayeredTopologies()
    {
        std::vector<Topology> topologies = {parseTopology(oneLb), parseTopology(redundant)};
        for (const char *name : {"single-region", "multi-region"}) {
            LoadResult loaded
                = loadTopologyFile(std::string(TOPOLAB_EXAMPLES "/") + name + ".topolab.yaml");
            QVERIFY(loaded.ok());
            topologies.push_back(std::move(*loaded.topology));
        }
        for (const Topology &t : topologies)
            QCOMPARE(idSet(findSinglePointsOfFailure(t)), articulationSinglePoints(t));
    }

    void multiRegionSurvivesTheLossOfEitherRegion()
    {
        const LoadResult loaded = loadTopologyFile(TOPOLAB_EXAMPLES "/multi-region.topolab.yaml");
        QVERIFY(loaded.ok());
        QVERIFY(findSinglePointsOfFailure(*loaded.topology).empty());
    }

    void redundancyPerTier()
    {
        const auto tiers = tierRedundancy(parseTopology(redundant));
        std::map<std::string, std::size_t> count;
        for (const auto &t : tiers)
            count[t.region + "/" + t.tier] = t.members.size();
        QCOMPARE(count["/dns"], 1u);
        QCOMPARE(count["r1/load_balancer"], 2u);
        QCOMPARE(count["r1/app_server"], 2u);
        QCOMPARE(count["r1/database db-1"], 2u);  // primary and standby
        QCOMPARE(count["r1/backup storage"], 1u); // s3 keeps backups and serves no app server
        QCOMPARE(tiers.size(), 5u);
    }

    void staticAndBackupStorageAreSeparateTiers()
    {
        const LoadResult loaded = loadTopologyFile(TOPOLAB_EXAMPLES "/multi-region.topolab.yaml");
        QVERIFY(loaded.ok());
        std::map<std::string, std::vector<std::string>> members;
        for (const auto &t : tierRedundancy(*loaded.topology))
            members[t.region + "/" + t.tier] = t.members;
        QCOMPARE(members["/object_storage"], std::vector<std::string>{"static"});
        QCOMPARE(members["/backup storage"], std::vector<std::string>{"offsite"});
        QCOMPARE(members["ams3/database db-ams"], std::vector<std::string>{"db-ams"});
        QCOMPARE(members["nyc3/database db-nyc"],
                 (std::vector<std::string>{"db-nyc", "db-nyc-standby"}));
    }

    void databasesReachedFromDns()
    {
        std::string yaml = redundant;
        yaml.replace(yaml.find("links:\n"), 7,
                     "  - {id: orphan, kind: database, region: r1}\nlinks:\n");
        const auto reach = databaseReachability(parseTopology(yaml));
        QCOMPARE(reach.size(), 3u);
        QCOMPARE(reach[0].databaseId, std::string("db-1"));
        QVERIFY(reach[0].reachable);
        QCOMPARE(reach[0].viaPath, (std::vector<std::string>{"www", "lb-1", "app-1", "db-1"}));
        QVERIFY(reach[1].reachable); // the standby, through replication
        QCOMPARE(reach[1].viaPath.back(), std::string("db-2"));
        QCOMPARE(reach[1].viaPath[reach[1].viaPath.size() - 2], std::string("db-1"));
        QCOMPARE(reach[2].databaseId, std::string("orphan"));
        QVERIFY(!reach[2].reachable);
        QVERIFY(reach[2].viaPath.empty());
    }

    void deployOrderGoesTierByTier()
    {
        const auto steps = deployOrder(parseTopology(redundant));
        std::vector<std::string> tiers;
        for (const auto &s : steps)
            tiers.push_back(s.tier);
        QCOMPARE(tiers,
                 (std::vector<std::string>{"storage and network", "databases", "standbys",
                                           "backups", "app servers", "load balancers", "dns"}));
        QCOMPARE(steps[0].componentIds, (std::vector<std::string>{"s3", "vol-1", "vol-2"}));
        QCOMPARE(steps[1].componentIds, (std::vector<std::string>{"db-1"}));
        QCOMPARE(steps[4].componentIds, (std::vector<std::string>{"app-1", "app-2"}));
    }

    void deployOrderRespectsEveryDependency_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("single") << QStringLiteral(TOPOLAB_EXAMPLES "/single-region.topolab.yaml");
        QTest::newRow("multi") << QStringLiteral(TOPOLAB_EXAMPLES "/multi-region.topolab.yaml");
    }

    void deployOrderRespectsEveryDependency()
    {
        QFETCH(QString, file);
        const LoadResult loaded = loadTopologyFile(file.toStdString());
        QVERIFY(loaded.ok());
        const Topology &t = *loaded.topology;
        std::map<std::string, std::size_t> step;
        for (std::size_t i = 0; const auto &s : deployOrder(t)) {
            for (const auto &id : s.componentIds)
                QVERIFY(step.emplace(id, i).second);
            ++i;
        }
        QCOMPARE(step.size(), t.components.size());
        TopologyIndex index(t);
        for (std::size_t i = 0; i < t.links.size(); ++i) {
            const Link &l = t.links[i];
            switch (index.linkKind(i)) {
            case LinkKind::Request:
            case LinkKind::Backup:
                QVERIFY2(step[l.from] > step[l.to], (l.from + " -> " + l.to).c_str());
                break;
            case LinkKind::Replication:
                QVERIFY(step[l.to] > step[l.from]);
                break;
            case LinkKind::Storage:
            case LinkKind::Tunnel: {
                const Component *a = t.component(l.from);
                const std::string &db = a->kind == ComponentKind::Database ? l.from : l.to;
                const std::string &other = db == l.from ? l.to : l.from;
                QVERIFY(step[db] > step[other]);
                break;
            }
            }
        }
    }

    void cascadedStandbysGetTheirOwnStep()
    {
        std::string yaml = redundant;
        yaml.replace(yaml.find("links:\n"), 7,
                     "  - {id: db-3, kind: database, region: r1, role: standby}\nlinks:\n"
                     "  - {from: db-2, to: db-3}\n");
        const auto steps = deployOrder(parseTopology(yaml));
        QCOMPARE(steps[2].tier, std::string("standbys"));
        QCOMPARE(steps[2].componentIds, (std::vector<std::string>{"db-2"}));
        QCOMPARE(steps[3].tier, std::string("standbys (cascaded)"));
        QCOMPARE(steps[3].componentIds, (std::vector<std::string>{"db-3"}));
    }

    void replicationLoopHasNoDeployOrder()
    {
        const std::string yaml = R"(topolab: 1
components:
  - {id: a, kind: database, role: standby}
  - {id: b, kind: database, role: standby}
  - {id: c, kind: database, role: standby}
links:
  - {from: a, to: b}
  - {from: b, to: c}
  - {from: c, to: a}
)";
        const Topology t = parseTopology(yaml);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, deployOrder(t));
        const AnalysisReport report = analyzeTopology(t);
        QVERIFY(report.deployOrderProblem.find("cycle") != std::string::npos);
    }

    void capacityFromWorkersAndServiceTimes()
    {
        double offered = 0;
        double stat = 0;
        const auto tiers = estimateCapacity(parseTopology(redundant), &offered, &stat);
        QCOMPARE(offered, 500.0);
        QCOMPARE(stat, 100.0);
        std::map<std::string, TierCapacity> byTier;
        for (const auto &t : tiers)
            byTier[t.tier] = t;
        QCOMPARE(byTier.size(), 3u);
        // Two LBs at 0.5 ms a request: 2 × 2000 req/s; 400 dynamic req/s reach them.
        QCOMPARE(byTier["load_balancer"].capacityRps, 4000.0);
        QCOMPARE(byTier["load_balancer"].demandRps, 400.0);
        // A worker is held 10 ms + 2 queries × 1 ms: 2 servers × 4 workers / 12 ms.
        QVERIFY(qFuzzyCompare(byTier["app_server"].capacityRps, 8 * 1000.0 / 12));
        QCOMPARE(byTier["app_server"].demandRps, 400.0);
        // 2 CPUs at 1 ms per query, 2 queries per request: 1000 req/s; the standby serves no
        // reads.
        QCOMPARE(byTier["database db-1"].capacityRps, 1000.0);
        QCOMPARE(byTier["database db-1"].demandRps, 400.0);
        QCOMPARE(byTier["database db-1"].members, (std::vector<std::string>{"db-1"}));

        const AnalysisReport report = analyzeTopology(parseTopology(redundant));
        QVERIFY(report.bottleneck.has_value());
        QCOMPARE(report.capacity[*report.bottleneck].tier, std::string("app_server"));
        QVERIFY(
            qFuzzyCompare(report.capacity[*report.bottleneck].utilization(), 400 / (8000.0 / 12)));
    }

    void geoDnsKeepsDemandInItsRegion()
    {
        const LoadResult loaded = loadTopologyFile(TOPOLAB_EXAMPLES "/multi-region.topolab.yaml");
        QVERIFY(loaded.ok());
        std::map<std::string, double> lbDemand;
        for (const auto &t : estimateCapacity(*loaded.topology)) {
            if (t.tier == "load_balancer")
                lbDemand[t.region] = t.demandRps;
        }
        // 600 req/s from nyc3 and 400 from ams3, 30 % static by default.
        QVERIFY(qFuzzyCompare(lbDemand["nyc3"], 420.0));
        QVERIFY(qFuzzyCompare(lbDemand["ams3"], 280.0));
    }

    void overloadIsReported()
    {
        std::string yaml = redundant;
        yaml.replace(yaml.find("rate_rps: 500"), 13, "rate_rps: 5000");
        const Topology t = parseTopology(yaml);
        const AnalysisReport report = analyzeTopology(t);
        QVERIFY(report.capacity[*report.bottleneck].utilization() > 1);
        QVERIFY(formatAnalysisText(report, t).find("OVERLOADED") != std::string::npos);
    }

    void jsonCarriesEveryPart()
    {
        const Topology t = parseTopology(oneLb);
        const auto json = analysisToJson(analyzeTopology(t));
        for (const char *key : {"service_path", "single_points_of_failure", "redundancy",
                                "reachability", "deploy_order", "capacity"})
            QVERIFY2(json.contains(key), key);
        QCOMPARE(json["single_points_of_failure"][0]["id"].get<std::string>(), std::string("lb-1"));
        QCOMPARE(json["deploy_order"][0]["tier"].get<std::string>(), std::string("databases"));
        QVERIFY(json["capacity"]["bottleneck"].is_object());
    }
};

QTEST_APPLESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
