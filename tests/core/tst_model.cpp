// The topology model: kinds, ids, typed parameters with defaults and ranges, and the one rules
// table that decides what may connect.
#include "core/model/connectionrules.h"
#include "core/model/identifier.h"
#include "core/model/schemas.h"

#include <QTest>

#include <cctype>

using namespace topolab::core;

class TestModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindNamesRoundTrip()
    {
        for (ComponentKind kind : allComponentKinds) {
            const auto parsed = parseKind(kindName(kind));
            QVERIFY(parsed.has_value());
            QCOMPARE(*parsed, kind);
            QVERIFY(!kindTitle(kind).empty());
        }
        QVERIFY(!parseKind("loadbalancer").has_value());
        QVERIFY(!parseKind("").has_value());
        QCOMPARE(kindName(ComponentKind::LoadBalancer), std::string_view("load_balancer"));
    }

    void regionPlacementFollowsTheReferenceArchitecture()
    {
        QCOMPARE(regionPlacement(ComponentKind::Dns), RegionPlacement::Forbidden);
        QCOMPARE(regionPlacement(ComponentKind::Vpn), RegionPlacement::Forbidden);
        QCOMPARE(regionPlacement(ComponentKind::LoadBalancer), RegionPlacement::Required);
        QCOMPARE(regionPlacement(ComponentKind::Database), RegionPlacement::Required);
        QCOMPARE(regionPlacement(ComponentKind::Backup), RegionPlacement::Optional);
    }

    void ids_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << QStringLiteral("lb-1") << true;
        QTest::newRow("dots and underscores") << QStringLiteral("db.nyc_1") << true;
        QTest::newRow("digit first") << QStringLiteral("1st") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dash first") << QStringLiteral("-lb") << false;
        QTest::newRow("dot first") << QStringLiteral(".lb") << false;
        QTest::newRow("space") << QStringLiteral("lb 1") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("shell") << QStringLiteral("a;rm") << false;
        QTest::newRow("unicode") << QStringLiteral("zürich") << false;
        QTest::newRow("64 chars") << QString(64, QLatin1Char('a')) << true;
        QTest::newRow("65 chars") << QString(65, QLatin1Char('a')) << false;
    }

    void ids()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(isValidId(id.toStdString()), valid);
    }

    void everyParameterHasAUsableDefault()
    {
        const auto check = [](const ParamSchema &schema) {
            for (const auto &spec : schema.params) {
                QVERIFY2(!spec.description.empty(), spec.key.c_str());
                const bool unitInName = spec.unit.empty() || spec.unit == "share"
                                        || spec.key.find('_') != std::string::npos;
                QVERIFY2(unitInName, spec.key.c_str());
                if (spec.type == ParamType::Group) {
                    for (const auto &m : spec.members)
                        QVERIFY2(!checkParamValue(m, m.defaultValue), m.key.c_str());
                } else if (!spec.required) {
                    QVERIFY2(!checkParamValue(spec, spec.defaultValue), spec.key.c_str());
                }
            }
        };
        for (const ParamSchema *schema : allParamSchemas())
            check(*schema);
    }

    void everyParameterHasATitle()
    {
        // Editors label fields with the title: one for every key, never the key itself, and
        // without the unit, which the editors show beside the field.
        const auto check = [](const ParamSpec &spec) {
            QVERIFY2(!spec.title.empty(), spec.key.c_str());
            QVERIFY2(spec.title != spec.key, spec.key.c_str());
            QVERIFY2(std::isupper(static_cast<unsigned char>(spec.title.front())) != 0,
                     spec.title.c_str());
            QVERIFY2(spec.title.find('_') == std::string::npos, spec.title.c_str());
        };
        for (const ParamSchema *schema : allParamSchemas()) {
            for (const auto &spec : schema->params) {
                check(spec);
                for (const auto &member : spec.members)
                    check(member);
            }
        }
    }

    void memberTitlesNameTheirGroup()
    {
        const ParamSchema &lb = componentSchema(ComponentKind::LoadBalancer);
        QCOMPARE(lb.titleOf("retries"), std::string("Retries"));
        QCOMPARE(lb.titleOf("health_check"), std::string("Health check"));
        QCOMPARE(lb.titleOf("health_check.fall"), std::string("Health check: failed checks"));
        QCOMPARE(componentSchema(ComponentKind::AppServer).titleOf("service_ms.cv"),
                 std::string("Service time: variation (CV)"));
        QCOMPARE(lb.titleOf("health_check.nothing"), std::string());
        QCOMPARE(lb.titleOf("workers"), std::string());
    }

    void defaultsComeFromTheDocumentedSources()
    {
        const Component lb = Component::make("lb", ComponentKind::LoadBalancer);
        QCOMPARE(lb.params.number("health_check.inter_ms"), 2000.0); // HAProxy inter
        QCOMPARE(lb.params.integer("health_check.fall"), 3);
        QCOMPARE(lb.params.integer("health_check.rise"), 2);
        QCOMPARE(lb.params.integer("retries"), 3);
        QCOMPARE(lb.params.boolean("redispatch"), true);
        const Component dns = Component::make("www", ComponentKind::Dns);
        QCOMPARE(dns.params.integer("ttl_s"), 300);
        QCOMPARE(dns.params.text("policy"), std::string("round_robin"));
        QVERIFY(!dns.params.groupEnabled("health_check"));
        const Component app = Component::make("app", ComponentKind::AppServer);
        QCOMPARE(app.params.integer("workers"), 8);
        QCOMPARE(app.params.text("service_ms.dist"), std::string("exponential"));
    }

    void paramSetKeepsOnlyExplicitValues()
    {
        Component app = Component::make("app", ComponentKind::AppServer);
        QVERIFY(!app.params.isSet("workers"));
        QVERIFY(!app.params.set("workers", std::int64_t{16}));
        QVERIFY(app.params.isSet("workers"));
        QCOMPARE(app.params.integer("workers"), 16);
        const auto refused = app.params.set("workers", std::int64_t{0});
        QVERIFY(refused.has_value());
        QVERIFY(refused->find("between 1 and") != std::string::npos);
        QCOMPARE(app.params.integer("workers"), 16); // a refused value changes nothing
        QVERIFY(app.params.set("workers", std::string("many")).has_value());
        QVERIFY(app.params.set("service_ms.dist", std::string("gamma")).has_value());
        QVERIFY(!app.params.set("service_ms.mean", std::int64_t{30}));
        QCOMPARE(app.params.number("service_ms.mean"), 30.0); // integers widen for numbers
        app.params.unset("workers");
        QCOMPARE(app.params.integer("workers"), 8);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, app.params.value("no_such_key"));
    }

    void optionalGroupsSwitchOnAndOff()
    {
        Component dns = Component::make("www", ComponentKind::Dns);
        dns.params.setGroupEnabled("health_check", true);
        QVERIFY(dns.params.groupEnabled("health_check"));
        QVERIFY(!dns.params.set("health_check.fall", std::int64_t{5}));
        dns.params.setGroupEnabled("health_check", false);
        QVERIFY(!dns.params.groupEnabled("health_check"));
        QVERIFY(!dns.params.isSet("health_check.fall")); // switching off forgets its values
    }

    void allowedConnections_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<int>("linkKind");
        using K = ComponentKind;
        const auto row = [](const char *name, K a, K b, LinkKind k) {
            QTest::newRow(name) << int(a) << int(b) << int(k);
        };
        row("dns to lb", K::Dns, K::LoadBalancer, LinkKind::Request);
        row("lb to app", K::LoadBalancer, K::AppServer, LinkKind::Request);
        row("app to database", K::AppServer, K::Database, LinkKind::Request);
        row("app to object storage", K::AppServer, K::ObjectStorage, LinkKind::Request);
        row("app to shared storage", K::AppServer, K::SharedStorage, LinkKind::Storage);
        row("database to volume", K::Database, K::Volume, LinkKind::Storage);
        row("volume to database", K::Volume, K::Database, LinkKind::Storage);
        row("backup to volume", K::Backup, K::Volume, LinkKind::Backup);
        row("backup to object storage", K::Backup, K::ObjectStorage, LinkKind::Backup);
        row("database to vpn", K::Database, K::Vpn, LinkKind::Tunnel);
        row("vpn to database", K::Vpn, K::Database, LinkKind::Tunnel);
    }

    void allowedConnections()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(int, linkKind);
        const Component a = Component::make("a", ComponentKind(from));
        const Component b = Component::make("b", ComponentKind(to));
        const ConnectionVerdict verdict = checkConnection(a, b);
        QVERIFY2(verdict.allowed, verdict.reason.c_str());
        QCOMPARE(int(verdict.kind), linkKind);
        QVERIFY(verdict.reason.empty());
    }

    void everyOtherPairIsRefusedWithAReason()
    {
        int allowed = 0;
        for (ComponentKind a : allComponentKinds) {
            for (ComponentKind b : allComponentKinds) {
                const Component from = Component::make("a", a);
                const Component to = Component::make("b", b);
                const ConnectionVerdict verdict = checkConnection(from, to);
                if (verdict.allowed) {
                    ++allowed;
                    continue;
                }
                QVERIFY2(verdict.reason.size() > 20, verdict.reason.c_str());
            }
        }
        // 11 kind pairs plus primary→standby among databases (checked below).
        QCOMPARE(allowed, 11);
    }

    void replicationFollowsRoles()
    {
        Component primary = Component::make("db-1", ComponentKind::Database);
        Component standby = Component::make("db-2", ComponentKind::Database);
        standby.params.set("role", std::string("standby"));
        Component standby2 = Component::make("db-3", ComponentKind::Database);
        standby2.params.set("role", std::string("standby"));

        const auto forward = checkConnection(primary, standby);
        QVERIFY(forward.allowed);
        QCOMPARE(forward.kind, LinkKind::Replication);
        QVERIFY(checkConnection(standby, standby2).allowed); // cascading replication
        const auto backwards = checkConnection(standby, primary);
        QVERIFY(!backwards.allowed);
        QVERIFY(backwards.reason.find("from 'db-1' to 'db-2'") != std::string::npos);
        const auto twoPrimaries
            = checkConnection(primary, Component::make("db-4", ComponentKind::Database));
        QVERIFY(!twoPrimaries.allowed);
        QVERIFY(twoPrimaries.reason.find("vpn") != std::string::npos);
    }

    void refusalsExplainTheFix()
    {
        const auto reason = [](ComponentKind a, ComponentKind b) {
            return checkConnection(Component::make("a", a), Component::make("b", b)).reason;
        };
        QVERIFY(reason(ComponentKind::Dns, ComponentKind::AppServer).find("load_balancer")
                != std::string::npos);
        QVERIFY(reason(ComponentKind::AppServer, ComponentKind::LoadBalancer)
                    .find("draw it from 'b' to 'a'")
                != std::string::npos);
        QVERIFY(reason(ComponentKind::LoadBalancer, ComponentKind::Dns).find("nothing connects")
                != std::string::npos);
        const Component same = Component::make("x", ComponentKind::AppServer);
        QVERIFY(checkConnection(same, same).reason.find("itself") != std::string::npos);
    }

    void newLinksRefuseDuplicatesInEitherDirection()
    {
        Topology t;
        t.components.push_back(Component::make("db", ComponentKind::Database));
        t.components.push_back(Component::make("vol", ComponentKind::Volume));
        QVERIFY(checkNewLink(t, "db", "vol").allowed);
        t.links.push_back({"db", "vol"});
        QVERIFY(!checkNewLink(t, "db", "vol").allowed);
        QVERIFY(!checkNewLink(t, "vol", "db").allowed);
        QVERIFY(checkNewLink(t, "vol", "missing").reason.find("no component") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestModel)
#include "tst_model.moc"
