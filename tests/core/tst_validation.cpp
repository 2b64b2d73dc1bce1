// Each semantic rule of the reference architecture, triggered by the smallest topology that
// breaks it, and silent on the layouts that follow it.
#include "topologyfixture.h"

#include "core/validation/validator.h"

#include <QSet>
#include <QTest>

using namespace topolab::core;
using topolab::test::parseTopology;

namespace {

// A healthy single-region core that rows extend: two LBs, two app servers, a primary with a
// standby, volumes and a backup.
const std::string healthy = R"(topolab: 1
regions: [{id: r1}]
components:
  - {id: www, kind: dns}
  - {id: lb-1, kind: load_balancer, region: r1}
  - {id: lb-2, kind: load_balancer, region: r1}
  - {id: app-1, kind: app_server, region: r1}
  - {id: app-2, kind: app_server, region: r1}
  - {id: db-1, kind: database, region: r1}
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
)";

// Two regions each with LB, app, primary on a volume with a backup, joined by a vpn.
const std::string twoRegions = R"(topolab: 1
regions: [{id: a}, {id: b}]
components:
  - {id: www, kind: dns, policy: geo}
  - {id: lb-a, kind: load_balancer, region: a}
  - {id: lb-b, kind: load_balancer, region: b}
  - {id: app-a, kind: app_server, region: a}
  - {id: app-b, kind: app_server, region: b}
  - {id: db-a, kind: database, region: a}
  - {id: db-b, kind: database, region: b}
  - {id: vol-a, kind: volume, region: a}
  - {id: vol-b, kind: volume, region: b}
  - {id: bk, kind: backup}
  - {id: tinc, kind: vpn}
links:
  - {from: www, to: lb-a}
  - {from: www, to: lb-b}
  - {from: lb-a, to: app-a}
  - {from: lb-b, to: app-b}
  - {from: app-a, to: db-a}
  - {from: app-b, to: db-b}
  - {from: db-a, to: vol-a}
  - {from: db-b, to: vol-b}
  - {from: bk, to: vol-a}
  - {from: bk, to: vol-b}
  - {from: db-a, to: tinc}
  - {from: db-b, to: tinc}
)";

std::string replaced(std::string text, const std::string &from, const std::string &to)
{
    const auto at = text.find(from);
    if (at == std::string::npos)
        qFatal("fixture text not found: %s", from.c_str());
    return text.replace(at, from.size(), to);
}

std::string removed(std::string text, const std::string &line)
{
    return replaced(std::move(text), line + "\n", "");
}

std::string withLinks(std::string text, const std::string &links)
{
    return replaced(std::move(text), "links:\n", "links:\n" + links);
}

std::string withComponents(std::string text, const std::string &components)
{
    return replaced(std::move(text), "components:\n", "components:\n" + components);
}

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixturesAreClean()
    {
        for (const std::string *text : {&healthy, &twoRegions}) {
            const auto findings = validateTopology(parseTopology(*text));
            for (const auto &d : findings)
                qWarning("%s", d.message.c_str());
            QVERIFY(findings.empty());
        }
    }

    void examplesValidateWithoutFindings_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("single") << QStringLiteral(TOPOLAB_EXAMPLES "/single-region.topolab.yaml");
        QTest::newRow("multi") << QStringLiteral(TOPOLAB_EXAMPLES "/multi-region.topolab.yaml");
    }

    void examplesValidateWithoutFindings()
    {
        QFETCH(QString, file);
        const LoadResult loaded = loadTopologyFile(file.toStdString());
        QVERIFY(loaded.ok());
        const auto findings = validateTopology(*loaded.topology, &loaded.sources);
        for (const auto &d : findings)
            qWarning("%s", formatDiagnostic(d, file.toStdString()).c_str());
        QVERIFY(findings.empty());
    }

    void rules_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("component");
        QTest::addColumn<bool>("isError");
        const auto row = [this](const char *name, const std::string &yaml, const char *code,
                                const char *component, bool isError) {
            mExercised.insert(QString::fromLatin1(code));
            QTest::newRow(name) << QString::fromStdString(yaml) << QString::fromLatin1(code)
                                << QString::fromLatin1(component) << isError;
        };
        row("empty", "topolab: 1\n", "empty-topology", "", false);
        row("dns without lb",
            removed(removed(healthy, "  - {from: www, to: lb-1}"), "  - {from: www, to: lb-2}"),
            "dns-no-load-balancer", "www", true);
        row("dns with one lb", removed(healthy, "  - {from: www, to: lb-2}"), "dns-single-lb",
            "www", false);
        row("lbs without dns",
            removed(
                removed(removed(healthy, "  - {id: www, kind: dns}"), "  - {from: www, to: lb-1}"),
                "  - {from: www, to: lb-2}"),
            "no-entry-point", "", false);
        row("lb nobody reaches", removed(healthy, "  - {from: www, to: lb-2}"), "lb-unreachable",
            "lb-2", false);
        row("lb without app",
            removed(removed(healthy, "  - {from: lb-2, to: app-1}"), "  - {from: lb-2, to: app-2}"),
            "lb-no-app-server", "lb-2", true);
        row("app nobody reaches",
            removed(removed(healthy, "  - {from: lb-1, to: app-2}"), "  - {from: lb-2, to: app-2}"),
            "app-unreachable", "app-2", true);
        row("lb across regions", withLinks(twoRegions, "  - {from: lb-a, to: app-b}\n"),
            "lb-cross-region", "lb-a", true);
        row("app without database", removed(healthy, "  - {from: app-2, to: db-1}"),
            "app-no-database", "app-2", true);
        row("app querying another region", withLinks(twoRegions, "  - {from: app-a, to: db-b}\n"),
            "app-cross-region-database", "app-a", false);
        row("standby without primary", removed(healthy, "  - {from: db-1, to: db-2}"),
            "standby-no-primary", "db-2", true);
        row("standby with two sources",
            withLinks(withComponents(healthy, "  - {id: db-0, kind: database, region: r1, role: "
                                              "standby}\n"),
                      "  - {from: db-1, to: db-0}\n  - {from: db-0, to: db-2}\n"),
            "standby-multiple-sources", "db-2", true);
        row("replication loop",
            withLinks(withComponents(removed(healthy, "  - {from: db-1, to: db-2}"),
                                     "  - {id: db-3, kind: database, region: r1, role: standby}\n"
                                     "  - {id: db-4, kind: database, region: r1, role: standby}\n"),
                      "  - {from: db-2, to: db-3}\n  - {from: db-3, to: db-4}\n"
                      "  - {from: db-4, to: db-2}\n"),
            "replication-cycle", "db-2", true);
        row("database without volume", removed(healthy, "  - {from: db-2, to: vol-2}"),
            "db-no-volume", "db-2", false);
        row("volume on two databases", withLinks(healthy, "  - {from: db-2, to: vol-1}\n"),
            "volume-shared", "vol-1", true);
        row("volume unattached", removed(healthy, "  - {from: db-2, to: vol-2}"),
            "volume-unattached", "vol-2", false);
        row("primary without backup", removed(healthy, "  - {from: bk, to: vol-1}"),
            "primary-no-backup", "db-1", false);
        row("backup copying nothing", removed(healthy, "  - {from: bk, to: vol-1}"),
            "backup-no-volume", "bk", true);
        row("app outside every region",
            replaced(healthy, "{id: app-2, kind: app_server, region: r1}",
                     "{id: app-2, kind: app_server}"),
            "region-missing", "app-2", true);
        row("region without its database",
            withLinks(removed(removed(removed(removed(removed(twoRegions,
                                                              "  - {id: db-b, kind: database, "
                                                              "region: b}"),
                                                      "  - {from: app-b, to: db-b}"),
                                              "  - {from: db-b, to: vol-b}"),
                                      "  - {from: db-b, to: tinc}"),
                              "  - {from: app-a, to: db-a}"),
                      "  - {from: app-a, to: db-a}\n  - {from: app-b, to: db-a}\n"),
            "region-no-active-database", "b", true);
        row("two primaries in a region",
            withComponents(healthy, "  - {id: db-9, kind: database, region: r1}\n"),
            "region-multiple-active-databases", "db-1", true);
        row("regions without vpn",
            removed(removed(twoRegions, "  - {from: db-a, to: tinc}"),
                    "  - {from: db-b, to: tinc}"),
            "db-no-vpn", "db-a", true);
        row("vpn in one region", removed(twoRegions, "  - {from: db-b, to: tinc}"),
            "vpn-single-region", "tinc", false);
        row("static content without object storage",
            removed(removed(healthy, "  - {id: s3, kind: object_storage, region: r1}"),
                    "  - {from: bk, to: s3}")
                + "traffic:\n  client_groups:\n    - {id: u, rate_rps: 10}\n",
            "static-no-object-storage", "", false);
        row("degraded region",
            healthy + "scenario:\n  failures:\n    - {at_s: 5, target: r1, mode: degrade}\n",
            "failure-mode-invalid", "r1", true);
        row("failure after the end",
            healthy
                + "scenario:\n  duration_s: 100\n  warmup_s: 10\n  failures:\n"
                  "    - {at_s: 500, target: lb-1}\n",
            "failure-after-end", "lb-1", false);
        // Start times count from the end of the warm-up: 120 s is past a 100 s run.
        row("failure within the warm-up's length past the end",
            healthy
                + "scenario:\n  duration_s: 100\n  warmup_s: 50\n  failures:\n"
                  "    - {at_s: 120, target: lb-1}\n",
            "failure-after-end", "lb-1", false);
        row("autoscaling that would flap",
            replaced(healthy, "  - {id: app-1, kind: app_server, region: r1}",
                     "  - {id: app-1, kind: app_server, region: r1, autoscale: "
                     "{scale_out_utilization: 0.5, scale_in_utilization: 0.6}}"),
            "autoscale-thresholds", "app-1", false);
        // Ten steps of 1000 each: 10^30 times the rate, more than any run could send.
        row("rate profile beyond what can be simulated",
            healthy
                + "traffic:\n  client_groups:\n    - {id: u, rate_rps: 10, profile: "
                  "{shape: steps, factor: 1000, count: 10}}\n",
            "rate-profile-too-high", "", true);
    }

    void rules()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, code);
        QFETCH(QString, component);
        QFETCH(bool, isError);
        SourceMap sources;
        const Topology topology = parseTopology(yaml.toStdString(), &sources);
        const auto findings = validateTopology(topology, &sources);
        const Diagnostic *match = nullptr;
        for (const auto &d : findings) {
            if (QString::fromStdString(d.code) == code
                && QString::fromStdString(d.componentId) == component)
                match = &d;
        }
        if (!match) {
            for (const auto &d : findings)
                qWarning("found: [%s] %s: %s", d.code.c_str(), d.componentId.c_str(),
                         d.message.c_str());
        }
        QVERIFY(match);
        QCOMPARE(match->severity == Severity::Error, isError);
        QVERIFY(match->location.known());
        // Findings about a scheduled failure point at the failure, others at their component.
        if (code.startsWith(QLatin1String("failure-")))
            QVERIFY(match->location.line > sources.element(component.toStdString()).line);
        else if (!component.isEmpty())
            QCOMPARE(match->location, sources.element(component.toStdString()));
        QVERIFY(match->message.size() > 20);
        QCOMPARE(validateTopology(topology, &sources).size(), findings.size()); // deterministic
        // Findings are sorted by their place in the file.
        for (std::size_t i = 1; i < findings.size(); ++i)
            QVERIFY(findings[i - 1].location.line <= findings[i].location.line);
    }

    void everyDocumentedRuleIsExercised()
    {
        // rules_data() ran before this function and recorded the code of every row.
        for (const auto &rule : validationRules()) {
            const QString code = QString::fromLatin1(rule.code.data(), qsizetype(rule.code.size()));
            QVERIFY2(mExercised.contains(code), qPrintable(code));
            QVERIFY(!rule.summary.empty());
        }
        QCOMPARE(mExercised.size(), qsizetype(validationRules().size()));
    }

    void modelsBuiltInMemoryValidateWithoutLocations()
    {
        Topology t;
        t.components.push_back(Component::make("lb", ComponentKind::LoadBalancer));
        const auto findings = validateTopology(t);
        QVERIFY(hasErrors(findings));
        for (const auto &d : findings)
            QVERIFY(!d.location.known());
        QCOMPARE(formatDiagnostic(findings.front(), "x.yaml").rfind("x.yaml:1:1: ", 0), 0u);
    }

private:
    QSet<QString> mExercised;
};

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
