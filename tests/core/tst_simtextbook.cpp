// The textbook reduction of docs/simulation.md §7, from a real file through the whole chain
// (reader, validation, model builder, simulator): one client group → DNS → one load balancer →
// one app server with c workers, every delay at 0, is an M/M/c queue, and its mean response time
// must be Erlang C's within the run's own confidence interval.
#include "core/io/topologyreader.h"
#include "core/simulation/simmodelbuilder.h"
#include "core/validation/validator.h"
#include "sim/run/simulator.h"

#include <QtTest>

#include <cmath>

using namespace topolab;

namespace {

// Erlang C: the probability that an arrival waits in M/M/c with offered load a < c, through the
// stable Erlang B recursion.
double erlangC(int c, double a)
{
    double b = 1;
    for (int k = 1; k <= c; ++k)
        b = a * b / (k + a * b);
    return b / (1 - (a / c) * (1 - b));
}

} // namespace

class TestSimTextbook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mm4FromAFile()
    {
        const std::string path = std::string(TOPOLAB_TEST_DATA) + "/sim/textbook-mm4.topolab.yaml";
        const core::LoadResult loaded = core::loadTopologyFile(path);
        QVERIFY2(loaded.topology, "the documented textbook file must read without errors");
        for (const core::Diagnostic &finding : core::validateTopology(*loaded.topology))
            QVERIFY2(finding.severity != core::Severity::Error, finding.message.c_str());

        const sim::ModelSpec model = core::buildSimModel(*loaded.topology);
        QCOMPARE(model.replications, 10);
        const sim::SimulationResult r = sim::runSimulation(model, 2);

        const double lambda = 320, mu = 100;
        const int c = 4;
        const double a = lambda / mu;
        const double waitMs = 1e3 * erlangC(c, a) / (c * mu - lambda);
        const double responseMs = waitMs + 1e3 / mu;
        // 99.9% Student-t interval across the 10 replications; it must also be tight.
        const double t999 = 4.780912585933 / 2.262157162799; // t(0.999, 9) / t(0.95, 9)
        const double half = r.latencyMeanMsCi.halfWidth * t999;
        QVERIFY2(std::abs(r.latencyMeanMsCi.mean - responseMs) <= half,
                 qPrintable(QStringLiteral("W %1 ± %2 ms, Erlang C %3 ms")
                                .arg(r.latencyMeanMsCi.mean)
                                .arg(half)
                                .arg(responseMs)));
        QVERIFY2(half < 0.04 * responseMs, "the interval is too wide to prove anything");
        QCOMPARE(r.requests.failed, std::uint64_t(0));
        QCOMPARE(r.requests.offered, r.requests.ok + r.requests.inFlight);
        const sim::ComponentResult &app
            = r.components[static_cast<std::size_t>(model.indexOf("app"))];
        QVERIFY2(std::abs(app.utilization - a / c) < 0.01,
                 qPrintable(QString::number(app.utilization)));
    }
};

QTEST_GUILESS_MAIN(TestSimTextbook)
#include "tst_simtextbook.moc"
