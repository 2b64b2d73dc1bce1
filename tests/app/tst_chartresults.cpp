// The Results panel after a run: the cards say what the outcome says, the charts have a point
// per simulated second whose layers add up to the requests sent, and every incident of the
// charted replication is a band on every chart.
#include "results/componenttable.h"
#include "results/resultsdock.h"
#include "results/timechart.h"
#include "simulation/simulationrun.h"

#include "core/io/topologyreader.h"
#include "core/simulation/resultjson.h"

#include <QFile>
#include <QImage>
#include <QLocale>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace topolab;
using namespace topolab::app;

class TestChartResults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cardsShowTheOutcome();
    void requestsChartAddsUpToTheRequests();
    void incidentsAreBandsOnEveryChart();
    void latencyShowsThreeQuantiles();
    void dataTabShowsLagAndLostWrites();
    void componentTableShowsEveryComponent();
    void emptyPanelInvitesARun();
    void exportsWriteWhatTheCommandLineWrites();
    void reportPageHoldsTheNumbersAndCharts();
    void exportRefusesAnUnknownSuffixAndKeepsTheFile();

private:
    std::shared_ptr<const SimulationOutcome> mOutcome;
};

void TestChartResults::initTestCase()
{
    core::LoadResult loaded
        = core::loadTopologyFile(TOPOLAB_EXAMPLES "/multi-region.topolab.yaml");
    QVERIFY(loaded.topology);
    SimulationRun run;
    QSignalSpy finished(&run, &SimulationRun::finished);
    core::SimOverrides overrides;
    overrides.durationS = 1500; // the region blackhole at 900 s, recovered by 1200 s
    overrides.replications = 2;
    QVERIFY(run.start(*loaded.topology, overrides));
    QVERIFY(finished.wait(120000));
    mOutcome = run.outcome();
    QVERIFY(mOutcome && !mOutcome->result.cancelled);
}

void TestChartResults::cardsShowTheOutcome()
{
    ResultsDock dock;
    dock.showOutcome(mOutcome);
    const sim::SimulationResult &r = mOutcome->result;
    const QLocale locale;
    QCOMPARE(dock.cardValue(QStringLiteral("availability")),
             locale.toString(r.availability * 100, 'f', 3) + QStringLiteral(" %"));
    QCOMPARE(dock.cardValue(QStringLiteral("failed")), locale.toString(qulonglong(r.requests.failed)));
    QVERIFY(r.requests.failed > 0);
    // Failures cost budget: with 1 % of requests failed against 0.1 % allowed, over 100 %.
    const double used = 100.0 * double(r.requests.failed)
                        / (double(r.requests.ok + r.requests.failed) * (1 - ResultsDock::objective));
    QCOMPARE(dock.cardValue(QStringLiteral("budget")),
             locale.toString(used, 'f', 0) + QStringLiteral(" %"));
    QVERIFY(dock.cardValue(QStringLiteral("incident")).contains(QStringLiteral("ams3")));
    QVERIFY(dock.cardValue(QStringLiteral("p99")).endsWith(QStringLiteral(" ms")));
}

void TestChartResults::requestsChartAddsUpToTheRequests()
{
    ResultsDock dock;
    dock.showOutcome(mOutcome);
    const sim::SimulationResult &r = mOutcome->result;
    TimeChart *chart = dock.requestsChart();
    const QList<QPointF> ok = chart->points(QStringLiteral("ok"));
    QCOMPARE(qsizetype(ok.size()), qsizetype(r.series.t.size()));
    QCOMPARE(qsizetype(ok.size()), qsizetype(1500));
    // The top of the stack is every request of the second, per replication.
    QList<QPointF> top = ok;
    for (std::size_t c = 0; c < sim::failureCauseCount; ++c) {
        const QList<QPointF> layer = chart->points(ResultsDock::causeTitle(c));
        if (!layer.isEmpty())
            top = layer;
    }
    double sent = 0;
    for (const QPointF &p : top)
        sent += p.y();
    const double expected
        = double(r.requests.ok + r.requests.failed) / r.replications;
    // Requests still in flight at the end count in no bucket.
    QVERIFY2(std::abs(sent - expected) <= 1 + double(r.requests.inFlight),
             qPrintable(QStringLiteral("%1 vs %2").arg(sent).arg(expected)));
    // The blackholed region's seconds show failures; the first minutes do not.
    QVERIFY(top.at(950).y() > ok.at(950).y());
    QCOMPARE(top.at(100).y(), ok.at(100).y());
}

void TestChartResults::incidentsAreBandsOnEveryChart()
{
    ResultsDock dock;
    dock.showOutcome(mOutcome);
    int incidents = 0;
    for (const sim::Incident &incident : mOutcome->result.incidents)
        incidents += incident.replication == 0;
    QVERIFY(incidents >= 1);
    for (TimeChart *chart : {dock.requestsChart(), dock.latencyChart(), dock.stalenessChart(),
                             dock.lagChart(), dock.lostWritesChart()})
        QCOMPARE(chart->bandCount(), incidents);
    QCOMPARE(dock.latencyChart()->points(QStringLiteral("p99")).size(), qsizetype(1500));
    // The region's band runs from the failure to its recovery (900 s to 1200 s, for 300 s).
    const QPointF band = dock.requestsChart()->bandSpans().value(0);
    QCOMPARE(band.x(), 900.0);
    QCOMPARE(band.y(), 1200.0);
}

void TestChartResults::latencyShowsThreeQuantiles()
{
    ResultsDock dock;
    dock.showOutcome(mOutcome);
    const QStringList lines = dock.latencyChart()->lineNames();
    QCOMPARE(lines, (QStringList{QStringLiteral("p50"), QStringLiteral("p90"), QStringLiteral("p99")}));
    const QList<QPointF> p50 = dock.latencyChart()->points(QStringLiteral("p50"));
    const QList<QPointF> p90 = dock.latencyChart()->points(QStringLiteral("p90"));
    const QList<QPointF> p99 = dock.latencyChart()->points(QStringLiteral("p99"));
    QCOMPARE(p50.size(), p99.size());
    for (qsizetype i = 0; i < p50.size(); ++i) {
        QCOMPARE(p50[i].x(), p99[i].x());
        QVERIFY(p50[i].y() <= p90[i].y() && p90[i].y() <= p99[i].y());
    }
    // The values are the run's per-second quantiles.
    const sim::TimeSeries &s = mOutcome->result.series;
    QCOMPARE(p50.at(100).y(), s.p50Ms.at(100));
    QCOMPARE(p90.at(100).y(), s.p90Ms.at(100));
}

void TestChartResults::dataTabShowsLagAndLostWrites()
{
    ResultsDock dock;
    dock.showOutcome(mOutcome);
    const sim::SimulationResult &r = mOutcome->result;
    const QList<QPointF> lag = dock.lagChart()->points(QStringLiteral("lag"));
    QCOMPARE(qsizetype(lag.size()), qsizetype(r.series.t.size()));
    QCOMPARE(lag.at(10).y(), r.series.replicationLagS.at(10));
    // The writes-lost line climbs to the run's total per replication and never falls.
    const QList<QPointF> lost = dock.lostWritesChart()->points(QStringLiteral("writes lost"));
    QVERIFY(!lost.isEmpty());
    for (qsizetype i = 1; i < lost.size(); ++i)
        QVERIFY(lost[i].y() >= lost[i - 1].y() && lost[i].x() >= lost[i - 1].x());
    QCOMPARE(lost.last().y(), double(r.data.writesLost) / r.replications);
    QCOMPARE(lost.last().x(), r.durationSeconds);
    QCOMPARE(dock.tabs()->count(), 3);
}

void TestChartResults::componentTableShowsEveryComponent()
{
    ResultsDock dock;
    dock.showOutcome(mOutcome);
    ComponentTable *table = dock.componentTable();
    const sim::SimulationResult &r = mOutcome->result;
    QCOMPARE(table->rowCount(), int(r.components.size()));
    // Rows come in the model's order until a column is picked.
    for (int i = 0; i < table->rowCount(); ++i)
        QCOMPARE(table->item(i, ComponentTable::Id)->text(),
                 QString::fromStdString(r.components[std::size_t(i)].id));
    const int row = table->rowOf(QStringLiteral("app-nyc-1"));
    QVERIFY(row >= 0);
    const auto found = std::find_if(r.components.begin(), r.components.end(),
                                    [](const sim::ComponentResult &c) { return c.id == "app-nyc-1"; });
    const QLocale locale;
    QCOMPARE(table->item(row, ComponentTable::Utilization)->text(),
             locale.toString(found->utilization * 100, 'f', 1) + QStringLiteral(" %"));
    QCOMPARE(table->item(row, ComponentTable::Served)->text(),
             locale.toString(qulonglong(found->served)));
    // Amsterdam's components were down for the region's 300 s.
    const int ams = table->rowOf(QStringLiteral("lb-ams-1"));
    QCOMPARE(table->item(ams, ComponentTable::Down)->text(), locale.toString(300.0, 'f', 0));
    // Sorting by served sorts by the number, not its text.
    table->sortByColumn(ComponentTable::Served, Qt::DescendingOrder);
    qulonglong previous = std::numeric_limits<qulonglong>::max();
    for (int i = 0; i < table->rowCount(); ++i) {
        const QString id = table->item(i, ComponentTable::Id)->text();
        const auto c = std::find_if(r.components.begin(), r.components.end(),
                                    [&](const sim::ComponentResult &x) {
                                        return QString::fromStdString(x.id) == id;
                                    });
        QVERIFY(c->served <= previous);
        previous = c->served;
    }
    // Activating a row names its component, for the canvas to show.
    QSignalSpy activated(&dock, &ResultsDock::componentActivated);
    const int target = table->rowOf(QStringLiteral("db-ams"));
    Q_EMIT table->cellActivated(target, 0);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("db-ams"));
}

void TestChartResults::emptyPanelInvitesARun()
{
    ResultsDock dock;
    dock.show();
    QVERIFY(!dock.outcome());
    QVERIFY(dock.cardValue(QStringLiteral("availability")).isEmpty());
}

void TestChartResults::exportsWriteWhatTheCommandLineWrites()
{
    ResultsDock dock;
    dock.showOutcome(mOutcome);
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("r.json"));
    const QString csv = dir.filePath(QStringLiteral("r.csv"));
    QString error;
    QVERIFY2(dock.exportTo(json, &error), qPrintable(error));
    QVERIFY2(dock.exportTo(csv, &error), qPrintable(error));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    QCOMPARE(jsonFile.readAll().toStdString(),
             core::simulationResultJson(mOutcome->result, mOutcome->model).dump(2) + '\n');
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(csvFile.readAll().toStdString(), core::simulationCsv(mOutcome->result));
}

void TestChartResults::reportPageHoldsTheNumbersAndCharts()
{
    ResultsDock dock;
    dock.showOutcome(mOutcome);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.html"));
    QString error;
    QVERIFY2(dock.exportTo(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(file.readAll());
    QVERIFY(page.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(page.contains(dock.cardValue(QStringLiteral("availability")).toHtmlEscaped()));
    QVERIFY(page.contains(QStringLiteral("ams3")));
    // Every chart, each a PNG inside the page that decodes to a picture with something drawn.
    const QString marker = QStringLiteral("src=\"data:image/png;base64,");
    int images = 0;
    for (qsizetype at = page.indexOf(marker); at >= 0; at = page.indexOf(marker, at + 1)) {
        const qsizetype start = at + marker.size();
        const QByteArray data = QByteArray::fromBase64(
            page.mid(start, page.indexOf(QLatin1Char('"'), start) - start).toLatin1());
        QImage image;
        QVERIFY(image.loadFromData(data, "PNG"));
        QCOMPARE(image.size(), QSize(960, 380));
        // Axes, curves and titles: a good share of the picture is not background.
        int drawn = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2)
                drawn += image.pixel(x, y) != image.pixel(0, 0);
        }
        QVERIFY2(drawn > 2000, qPrintable(QString::number(drawn)));
        ++images;
    }
    QCOMPARE(images, 5); // the Traffic tab's three and the Data tab's two
}

void TestChartResults::exportRefusesAnUnknownSuffixAndKeepsTheFile()
{
    ResultsDock dock;
    QTemporaryDir dir;
    QString error;
    QVERIFY(!dock.exportTo(dir.filePath(QStringLiteral("r.json")), &error)); // nothing run yet
    QVERIFY(!error.isEmpty());
    dock.showOutcome(mOutcome);
    const QString path = dir.filePath(QStringLiteral("r.txt"));
    QVERIFY(!dock.exportTo(path, &error));
    QVERIFY(error.contains(QStringLiteral("r.txt")));
    QVERIFY(!QFile::exists(path));
    // A directory that is not there: refused, naming the file.
    QVERIFY(!dock.exportTo(dir.filePath(QStringLiteral("missing/r.csv")), &error));
    QVERIFY2(error.contains(QStringLiteral("r.csv")), qPrintable(error));
}

QTEST_MAIN(TestChartResults)
#include "tst_chartresults.moc"
