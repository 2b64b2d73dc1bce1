// Variants of a topology for comparisons and sweeps: parameter paths of every form resolved
// against the topology, a clear refusal of every bad one, value lists and ranges checked
// against the schema, and changes applied to a copy that still validates and, simulated with
// the same seed, gives what the changed parameter makes of it.
#include "topologyfixture.h"

#include "core/simulation/simmodelbuilder.h"
#include "core/simulation/variant.h"
#include "core/validation/validator.h"
#include "sim/run/simulator.h"

#include <QTest>

using namespace topolab;
using namespace topolab::core;

namespace {

Topology loadExample(const char *name)
{
    const LoadResult loaded
        = loadTopologyFile(std::string(TOPOLAB_EXAMPLES "/") + name + ".topolab.yaml");
    if (!loaded.ok()) {
        QTest::qFail("example does not load", __FILE__, __LINE__);
        return {};
    }
    return *loaded.topology;
}

// Ids with dots are legal: the path is split where the prefix is an id.
const std::string dottedIds = R"(topolab: 1
regions: [{id: r1}]
components:
  - {id: www, kind: dns}
  - {id: lb.a, kind: load_balancer, region: r1}
  - {id: app, kind: app_server, region: r1}
  - {id: db, kind: database, region: r1}
links:
  - {from: www, to: lb.a}
  - {from: lb.a, to: app}
  - {from: app, to: db}
traffic:
  client_groups:
    - {id: eu.users}
)";

QString errorOf(const std::string &path, const Topology &topology)
{
    const Checked<ParamPath> parsed = parseParamPath(path, topology);
    return parsed ? QString() : QString::fromStdString(parsed.error);
}

std::vector<double> numbers(const std::vector<ParamValue> &values, const ParamSpec &spec)
{
    std::vector<double> out;
    for (const ParamValue &value : values)
        out.push_back(numericValue(spec, value).value_or(-1));
    return out;
}

int errorCount(const Topology &topology)
{
    int count = 0;
    for (const Diagnostic &d : validateTopology(topology))
        count += d.severity == Severity::Error ? 1 : 0;
    return count;
}

} // namespace

class TestSimVariant : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathsOfEveryForm_data();
    void pathsOfEveryForm();
    void badPathsAreRefusedWithTheReason_data();
    void badPathsAreRefusedWithTheReason();
    void idsWithDotsAreSplitAtAnId();
    void valuesAreReadAsTheSpecsType();
    void listsAndRanges();
    void badListsAndRangesAreRefused_data();
    void badListsAndRangesAreRefused();
    void appliedChangesKeepTheTopologyValid();
    void changesOfEveryScope();
    void labelsSayWhatChanged();
    void changeAndSweepText();
    void changedTtlSimulatesDifferently();
};

void TestSimVariant::pathsOfEveryForm_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("scope");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("title");
    using S = ParamPath::Scope;
    QTest::newRow("component") << "www.ttl_s" << int(S::Component) << "www"
                               << "ttl_s"
                               << "Record TTL";
    QTest::newRow("group member") << "lb-1.health_check.fall" << int(S::Component) << "lb-1"
                                  << "health_check.fall"
                                  << "Health check: failed checks";
    QTest::newRow("choice") << "db-2.replication" << int(S::Component) << "db-2"
                            << "replication"
                            << "Replication";
    QTest::newRow("kind") << "kind:app_server.workers" << int(S::Kind) << "app_server"
                          << "workers"
                          << "Workers";
    QTest::newRow("scenario") << "scenario.duration_s" << int(S::Scenario) << ""
                              << "duration_s"
                              << "Duration";
    QTest::newRow("seed") << "scenario.seed" << int(S::Scenario) << ""
                          << "seed"
                          << "Seed";
    QTest::newRow("traffic") << "traffic.users.rate_rps" << int(S::ClientGroup) << "users"
                             << "rate_rps"
                             << "Request rate";
    QTest::newRow("spaces") << "  www.propagation_s " << int(S::Component) << "www"
                            << "propagation_s"
                            << "Propagation delay";
}

void TestSimVariant::pathsOfEveryForm()
{
    QFETCH(QString, path);
    QFETCH(int, scope);
    QFETCH(QString, owner);
    QFETCH(QString, param);
    QFETCH(QString, title);
    const Topology topology = loadExample("single-region");
    const Checked<ParamPath> parsed = parseParamPath(path.toStdString(), topology);
    QVERIFY2(parsed, parsed.error.c_str());
    QCOMPARE(int(parsed.value->scope), scope);
    QCOMPARE(QString::fromStdString(parsed.value->owner), owner);
    QCOMPARE(QString::fromStdString(parsed.value->param), param);
    QCOMPARE(QString::fromStdString(paramTitle(*parsed.value, topology)), title);
    // Written back as read, and read again to the same path.
    QCOMPARE(QString::fromStdString(parsed.value->text()), path.trimmed());
    QCOMPARE(parseParamPath(parsed.value->text(), topology).value, parsed.value);
}

void TestSimVariant::badPathsAreRefusedWithTheReason_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << ""
                           << "empty parameter path";
    QTest::newRow("typo in id") << "wwx.ttl_s"
                                << QString::fromUtf8(
                                       "unknown component 'wwx' in 'wwx.ttl_s' — did you "
                                       "mean 'www'?");
    QTest::newRow("unknown id") << "zzzzzz.ttl_s"
                                << "unknown component 'zzzzzz' in 'zzzzzz.ttl_s'";
    QTest::newRow("typo in parameter")
        << "www.ttl"
        << QString::fromUtf8("unknown parameter 'ttl' of dns 'www' in 'www.ttl' — "
                             "did you mean 'ttl_s'?");
    QTest::newRow("parameter of another kind") << "www.workers"
                                               << "unknown parameter 'workers' of dns 'www'";
    QTest::newRow("no parameter") << "www"
                                  << "'www' names no parameter; write www.<parameter>";
    QTest::newRow("trailing dot") << "www."
                                  << "unknown parameter '' of dns 'www'";
    QTest::newRow("a group") << "lb-1.health_check"
                             << "'health_check' of load_balancer 'lb-1' is a group; name one of "
                                "its members: health_check.inter_ms, health_check.fall or "
                                "health_check.rise";
    QTest::newRow("unknown member") << "lb-1.health_check.falls"
                                    << "did you mean 'health_check.fall'?";
    QTest::newRow("a region") << "nyc1.ttl_s"
                              << "'nyc1' in 'nyc1.ttl_s' is a region";
    QTest::newRow("typo in kind") << "kind:app_srever.workers"
                                  << QString::fromUtf8("unknown kind 'app_srever' in "
                                                       "'kind:app_srever.workers' — did you "
                                                       "mean 'app_server'?");
    QTest::newRow("kind not drawn") << "kind:vpn.latency_ms"
                                    << "the topology has no vpn component";
    QTest::newRow("kind without parameter") << "kind:app_server"
                                            << "'kind:app_server' names no parameter";
    QTest::newRow("kind, wrong parameter") << "kind:app_server.ttl_s"
                                           << "unknown parameter 'ttl_s' of kind app_server";
    QTest::newRow("scenario key") << "scenario.duraton_s"
                                  << QString::fromUtf8("unknown parameter 'duraton_s' of the "
                                                       "scenario in 'scenario.duraton_s' — did "
                                                       "you mean 'duration_s'?");
    QTest::newRow("scenario alone") << "scenario"
                                    << "'scenario' names no parameter";
    QTest::newRow("traffic group") << "traffic.user.rate_rps"
                                   << QString::fromUtf8("unknown client group 'user' in "
                                                        "'traffic.user.rate_rps' — did you mean "
                                                        "'users'?");
    QTest::newRow("traffic key") << "traffic.users.rate"
                                 << "unknown parameter 'rate' of client "
                                    "group 'users'";
    QTest::newRow("traffic without key") << "traffic.users"
                                         << "'traffic.users' names no parameter";
}

void TestSimVariant::badPathsAreRefusedWithTheReason()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    const QString error = errorOf(path.toStdString(), loadExample("single-region"));
    QVERIFY2(!error.isEmpty(), "accepted");
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestSimVariant::idsWithDotsAreSplitAtAnId()
{
    const Topology topology = test::parseTopology(dottedIds);
    const auto lb = parseParamPath("lb.a.health_check.rise", topology);
    QVERIFY2(lb, lb.error.c_str());
    QCOMPARE(lb.value->owner, std::string("lb.a"));
    QCOMPARE(lb.value->param, std::string("health_check.rise"));
    const auto group = parseParamPath("traffic.eu.users.rate_rps", topology);
    QVERIFY2(group, group.error.c_str());
    QCOMPARE(group.value->owner, std::string("eu.users"));
    QVERIFY(errorOf("lb.a.nothing", topology).contains(QStringLiteral("of load_balancer 'lb.a'")));
}

void TestSimVariant::valuesAreReadAsTheSpecsType()
{
    const Topology topology = loadExample("single-region");
    const auto spec = [&](const char *path) -> const ParamSpec & {
        return specOf(*parseParamPath(path, topology).value, topology);
    };
    QCOMPARE(parseParamValue(spec("www.ttl_s"), " 30 ").value, ParamValue(std::int64_t(30)));
    QCOMPARE(parseParamValue(spec("www.propagation_s"), "2.5").value, ParamValue(2.5));
    QCOMPARE(parseParamValue(spec("lb-1.redispatch"), "no").value, ParamValue(false));
    QCOMPARE(parseParamValue(spec("db-2.replication"), "sync").value,
             ParamValue(std::string("sync")));

    const auto refused = [&](const char *path, const char *text) {
        const auto parsed = parseParamValue(spec(path), text);
        return parsed ? QString() : QString::fromStdString(parsed.error);
    };
    QCOMPARE(refused("www.ttl_s", "-5"),
             QStringLiteral("ttl_s must be between 0 and 2147483647 s, got -5"));
    QCOMPARE(refused("www.ttl_s", "2.5"),
             QStringLiteral("ttl_s must be a whole number, got '2.5'"));
    QCOMPARE(refused("www.ttl_s", "thirty"),
             QStringLiteral("ttl_s must be a number, got 'thirty'"));
    QCOMPARE(refused("www.ttl_s", ""), QStringLiteral("ttl_s must be a number, got ''"));
    QCOMPARE(refused("lb-1.health_check.fall", "0"),
             QStringLiteral("fall must be between 1 and 100, got 0"));
    QCOMPARE(refused("lb-1.redispatch", "maybe"),
             QStringLiteral("redispatch must be true or false, got 'maybe'"));
    QCOMPARE(refused("db-2.replication", "semi"),
             QStringLiteral("replication must be one of async or sync, got 'semi'"));
    QCOMPARE(refused("www.propagation_s", "inf"),
             QStringLiteral("propagation_s must be a finite number"));
}

void TestSimVariant::listsAndRanges()
{
    const Topology topology = loadExample("single-region");
    const ParamSpec &ttl = specOf(*parseParamPath("www.ttl_s", topology).value, topology);
    const ParamSpec &propagation
        = specOf(*parseParamPath("www.propagation_s", topology).value, topology);
    const ParamSpec &replication
        = specOf(*parseParamPath("db-2.replication", topology).value, topology);

    auto list = parseParamValues(ttl, "30, 60,300");
    QVERIFY2(list, list.error.c_str());
    QCOMPARE(numbers(*list.value, ttl), (std::vector<double>{30, 60, 300}));
    QCOMPARE(list.value->front(), ParamValue(std::int64_t(30)));

    auto range = parseParamValues(propagation, "0:1:5");
    QVERIFY2(range, range.error.c_str());
    QCOMPARE(numbers(*range.value, propagation), (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
    // Downwards too.
    range = parseParamValues(ttl, "300:30:4");
    QVERIFY2(range, range.error.c_str());
    QCOMPARE(numbers(*range.value, ttl), (std::vector<double>{300, 210, 120, 30}));
    // Whole numbers for an integer parameter; repeats after rounding are dropped.
    range = parseParamValues(ttl, "1:3:5");
    QVERIFY2(range, range.error.c_str());
    QCOMPARE(numbers(*range.value, ttl), (std::vector<double>{1, 2, 3}));

    auto choices = parseParamValues(replication, "async,sync");
    QVERIFY2(choices, choices.error.c_str());
    QCOMPARE(numbers(*choices.value, replication), (std::vector<double>{0, 1}));
}

void TestSimVariant::badListsAndRangesAreRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing") << "www.ttl_s"
                             << " "
                             << "no values for ttl_s";
    QTest::newRow("empty item") << "www.ttl_s"
                                << "30,,60"
                                << "an empty value in the list";
    QTest::newRow("twice") << "www.ttl_s"
                           << "30,60,30"
                           << "'30' is listed twice";
    QTest::newRow("out of range item") << "www.ttl_s"
                                       << "30,-1"
                                       << "ttl_s must be between 0 and 2147483647 s, got -1";
    QTest::newRow("two parts") << "www.ttl_s"
                               << "30:300"
                               << "a range is from:to:steps";
    QTest::newRow("four parts") << "www.ttl_s"
                                << "1:2:3:4"
                                << "a range is from:to:steps";
    QTest::newRow("bad start") << "www.ttl_s"
                               << "a:300:4"
                               << "the start of the range";
    QTest::newRow("bad end") << "www.ttl_s"
                             << "30::4"
                             << "the end of the range";
    QTest::newRow("one step") << "www.ttl_s"
                              << "30:300:1"
                              << "must be a whole number from 2 to";
    QTest::newRow("fractional steps") << "www.ttl_s"
                                      << "30:300:2.5"
                                      << "must be a whole number from 2 to";
    QTest::newRow("range out of range") << "lb-1.health_check.fall"
                                        << "0:10:3"
                                        << "fall must be between 1 and 100, got 0";
    QTest::newRow("range of a choice") << "db-2.replication"
                                       << "0:1:2"
                                       << "a range needs a numeric parameter, and replication is "
                                          "choice";
}

void TestSimVariant::badListsAndRangesAreRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, text);
    QFETCH(QString, message);
    const Topology topology = loadExample("single-region");
    const ParamSpec &spec = specOf(*parseParamPath(path.toStdString(), topology).value, topology);
    const auto parsed = parseParamValues(spec, text.toStdString());
    QVERIFY2(!parsed, "accepted");
    QVERIFY2(QString::fromStdString(parsed.error).contains(message), parsed.error.c_str());
}

void TestSimVariant::appliedChangesKeepTheTopologyValid()
{
    for (const char *name : {"single-region", "multi-region"}) {
        const Topology base = loadExample(name);
        QCOMPARE(errorCount(base), 0);
        std::vector<ParamChange> changes;
        for (const char *text : {"www.ttl_s=30", "www.health_check.fall=5",
                                 "kind:app_server.workers=16", "kind:load_balancer.retries=1",
                                 "scenario.duration_s=120", "scenario.replications=2"}) {
            auto change = parseParamChange(text, base);
            QVERIFY2(change, change.error.c_str());
            changes.push_back(*change.value);
        }
        const Checked<Topology> changed = applyChanges(base, changes);
        QVERIFY2(changed, changed.error.c_str());
        QCOMPARE(errorCount(*changed.value), 0);
        QVERIFY(!(*changed.value == base));
        // Only the named values differ; the base is untouched.
        for (const ParamChange &change : changes)
            QCOMPARE(currentValue(change.path, *changed.value), change.value);
        QCOMPARE(base, loadExample(name));
    }
}

void TestSimVariant::changesOfEveryScope()
{
    const Topology base = loadExample("single-region");
    const auto change = [&](const char *text) {
        return *parseParamChange(text, base).value;
    };

    // A kind: every component of it.
    auto workers = applyChanges(base, {change("kind:app_server.workers=12")});
    QVERIFY(workers);
    for (const Component *app : workers.value->componentsOfKind(ComponentKind::AppServer))
        QCOMPARE(app->params.integer("workers"), std::int64_t(12));
    QCOMPARE(workers.value->component("lb-1")->params, base.component("lb-1")->params);

    // An optional group is turned on by setting one of its members.
    QVERIFY(!base.component("www")->params.groupEnabled("health_check"));
    auto checks = applyChanges(base, {change("www.health_check.fall=2")});
    QVERIFY(checks);
    QVERIFY(checks.value->component("www")->params.groupEnabled("health_check"));
    const sim::ModelSpec model = buildSimModel(*checks.value);
    const sim::DnsSpec &dns = model.components.at(model.indexOf("www")).dns;
    QVERIFY(dns.healthCheck);
    QCOMPARE(dns.checkFall, 2);

    // A topology without a scenario gets one.
    Topology bare = base;
    bare.scenario.reset();
    auto scenario = applyChanges(bare, {change("scenario.seed=9")});
    QVERIFY(scenario);
    QVERIFY(scenario.value->scenario);
    QCOMPARE(buildSimModel(*scenario.value).seed, std::uint64_t(9));

    auto traffic = applyChanges(base, {change("traffic.users.rate_rps=250")});
    QVERIFY(traffic);
    QCOMPARE(traffic.value->clientGroups.front().params.number("rate_rps"), 250.0);

    // An owner gone since the change was read: refused, naming it.
    Topology without = base;
    std::erase_if(without.components, [](const Component &c) { return c.id == "www"; });
    auto gone = applyChanges(without, {change("www.ttl_s=30")});
    QVERIFY(!gone);
    QCOMPARE(QString::fromStdString(gone.error),
             QStringLiteral("www.ttl_s: the topology has no component 'www'"));
    // A value that does not fit, made by hand rather than read.
    auto unfit = applyChanges(base, {ParamChange{change("www.ttl_s=30").path, ParamValue(-3.0)}});
    QVERIFY(!unfit);
    QVERIFY2(
        QString::fromStdString(unfit.error).startsWith(QStringLiteral("www.ttl_s: ttl_s must")),
        unfit.error.c_str());
}

void TestSimVariant::labelsSayWhatChanged()
{
    const Topology base = loadExample("single-region");
    const auto change = [&](const char *text) {
        return *parseParamChange(text, base).value;
    };
    QCOMPARE(changeLabel(change("www.ttl_s=30"), base), std::string("Record TTL 30 s"));
    QCOMPARE(changesLabel(currentValues({change("www.ttl_s=30")}, base), base),
             std::string("Record TTL 300 s"));
    QCOMPARE(changeLabel(change("lb-1.health_check.fall=5"), base),
             std::string("lb-1: Health check: failed checks 5"));
    QCOMPARE(changeLabel(change("kind:app_server.workers=16"), base),
             std::string("every app server: Workers 16"));
    QCOMPARE(changeLabel(change("traffic.users.write_fraction=0.25"), base),
             std::string("Write share 25 %"));
    QCOMPARE(changesLabel({change("www.ttl_s=30"), change("db-2.replication=sync")}, base),
             std::string("Record TTL 30 s, db-2: Replication sync"));
}

void TestSimVariant::changeAndSweepText()
{
    const Topology base = loadExample("single-region");
    auto sweep = parseParamSweep("www.ttl_s=30:300:4", base);
    QVERIFY2(sweep, sweep.error.c_str());
    QCOMPARE(sweep.value->path.text(), std::string("www.ttl_s"));
    QCOMPARE(sweep.value->values.size(), std::size_t(4));
    QCOMPARE(QString::fromStdString(parseParamSweep("www.ttl_s", base).error),
             QStringLiteral("a sweep is PATH=V1,V2,... or PATH=from:to:steps, e.g. "
                            "www.ttl_s=30,60,300, got 'www.ttl_s'"));
    QCOMPARE(QString::fromStdString(parseParamSweep("www.ttl_s=1,x", base).error),
             QStringLiteral("www.ttl_s: ttl_s must be a number, got 'x'"));
    QCOMPARE(QString::fromStdString(parseParamChange("www.ttl_s=-1", base).error),
             QStringLiteral("www.ttl_s: ttl_s must be between 0 and 2147483647 s, got -1"));
    QVERIFY(QString::fromStdString(parseParamChange("wwx.ttl_s=1", base).error)
                .startsWith(QStringLiteral("unknown component 'wwx'")));
}

void TestSimVariant::changedTtlSimulatesDifferently()
{
    // The multi-region example loses ams3 at 900 s; its DNS checks the LBs and withdraws them,
    // and then the TTL decides how long clients keep going to the dead ones.
    const Topology base = loadExample("multi-region");
    std::vector<ParamChange> shorter;
    for (const char *text : {"scenario.duration_s=1300", "scenario.replications=1"})
        shorter.push_back(*parseParamChange(text, base).value);
    const Topology a = *applyChanges(base, shorter).value;
    const Topology a300 = *applyChanges(a, {*parseParamChange("www.ttl_s=300", a).value}).value;
    const Topology b30 = *applyChanges(a, {*parseParamChange("www.ttl_s=30", a).value}).value;

    const sim::SimulationResult slow = sim::runSimulation(buildSimModel(a300));
    const sim::SimulationResult fast = sim::runSimulation(buildSimModel(b30));
    const sim::SimulationResult again = sim::runSimulation(buildSimModel(b30));
    QCOMPARE(slow.seed, fast.seed);
    QVERIFY(slow.requests.failed > 0);
    QVERIFY(fast.requests.failed != slow.requests.failed);
    // A shorter TTL moves clients off the dead region sooner.
    QVERIFY2(fast.requests.failed < slow.requests.failed,
             qPrintable(QStringLiteral("TTL 30 s: %1 failed, TTL 300 s: %2")
                            .arg(fast.requests.failed)
                            .arg(slow.requests.failed)));
    // The same variant and seed: the same numbers.
    QCOMPARE(again.requests.failed, fast.requests.failed);
    QCOMPARE(again.requests.ok, fast.requests.ok);
}

QTEST_APPLESS_MAIN(TestSimVariant)
#include "tst_simvariant.moc"
