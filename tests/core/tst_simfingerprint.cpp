// A fingerprint of the simulation results of every example (after OMNeT++'s test/fingerprint):
// a hash of the JSON result, engine timing excluded, for a fixed seed and duration. Any change
// to the numbers the simulator produces fails here, so it has to be a deliberate one: rerun with
// TOPOLAB_UPDATE_FINGERPRINTS=1 to rewrite tests/data/sim/fingerprints.txt and review the diff.
#include "core/io/topologyreader.h"
#include "core/simulation/resultjson.h"
#include "core/simulation/simmodelbuilder.h"
#include "sim/random/streamseed.h"
#include "sim/run/simulator.h"

#include <QtTest>

#include <fstream>
#include <map>
#include <sstream>

using namespace topolab;

namespace {

const std::string fingerprintFile = std::string(TOPOLAB_TEST_DATA) + "/sim/fingerprints.txt";

std::map<std::string, std::string> readFingerprints()
{
    std::map<std::string, std::string> out;
    std::ifstream in(fingerprintFile);
    std::string name, hash;
    while (in >> name >> hash)
        out[name] = hash;
    return out;
}

// The example's own scenario, shortened (but past its failures) so the suite stays fast, with 2
// replications on 2 threads: the fingerprint also covers pooling.
std::string fingerprint(const std::string &example, std::string *summary)
{
    const core::LoadResult loaded
        = core::loadTopologyFile(std::string(TOPOLAB_EXAMPLES) + "/" + example);
    if (!loaded.topology)
        return "unreadable";
    core::SimOverrides overrides;
    overrides.durationS = 2700; // past every scheduled failure of both examples
    overrides.replications = 2;
    const sim::ModelSpec model = core::buildSimModel(*loaded.topology, overrides);
    const sim::SimulationResult result = sim::runSimulation(model, 2);
    nlohmann::ordered_json json = core::simulationResultJson(result, model);
    json.erase("engine");
    const std::string text = json.dump();
    *summary = "offered " + std::to_string(result.requests.offered) + ", failed "
               + std::to_string(result.requests.failed) + ", writes lost "
               + std::to_string(result.data.writesLost);
    std::ostringstream hex;
    hex << std::hex << sim::stableHash(text);
    return hex.str();
}

} // namespace

class TestSimFingerprint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void examples_data()
    {
        QTest::addColumn<QString>("example");
        QTest::newRow("single region") << QStringLiteral("single-region.topolab.yaml");
        QTest::newRow("multi region") << QStringLiteral("multi-region.topolab.yaml");
    }

    void examples()
    {
        QFETCH(QString, example);
        std::string summary;
        const std::string actual = fingerprint(example.toStdString(), &summary);
        QVERIFY2(actual != "unreadable", qPrintable(example));
        std::map<std::string, std::string> known = readFingerprints();
        if (qEnvironmentVariableIsSet("TOPOLAB_UPDATE_FINGERPRINTS")) {
            known[example.toStdString()] = actual;
            std::ofstream out(fingerprintFile);
            for (const auto &[name, hash] : known)
                out << name << ' ' << hash << '\n';
            return;
        }
        const std::string expected = known[example.toStdString()];
        QVERIFY2(actual == expected,
                 qPrintable(QStringLiteral("%1: fingerprint %2, recorded %3 (%4). If the change "
                                           "in results is intended, rerun with "
                                           "TOPOLAB_UPDATE_FINGERPRINTS=1 and commit the file.")
                                .arg(example, QString::fromStdString(actual),
                                     QString::fromStdString(expected.empty() ? "none" : expected),
                                     QString::fromStdString(summary))));
    }
};

QTEST_GUILESS_MAIN(TestSimFingerprint)
#include "tst_simfingerprint.moc"
