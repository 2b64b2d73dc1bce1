// Comparing variants and sweeping a parameter: a sweep gives one point per value in order, each
// mean inside its interval, the same numbers every time, and stops promptly; a comparison of
// TTL 300 s against 30 s gives B exactly what the simulator gives the changed topology with the
// same seed, overlaid on the same charts; B taken from another file gives what the simulator
// gives that file, and a malformed file is refused; a topology that cannot run is refused.
#include "windowtesthelpers.h"

#include "canvas/designscene.h"
#include "compare/comparecontrol.h"
#include "compare/comparewindow.h"
#include "compare/comparisontable.h"
#include "compare/parameterpicker.h"
#include "compare/sweeppage.h"
#include "compare/variantspage.h"
#include "gui/designeractions.h"
#include "results/timechart.h"
#include "simulation/sweeprun.h"

#include "core/io/topologyreader.h"
#include "core/simulation/resultjson.h"
#include "core/simulation/simmodelbuilder.h"
#include "core/simulation/variant.h"
#include "sim/availability/availabilityrunner.h"
#include "sim/run/simulator.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextStream>

#include <chrono>

using namespace windowtest;
using namespace topolab;

namespace {

core::Topology load(const QString &path)
{
    core::LoadResult loaded = core::loadTopologyFile(path.toStdString());
    return loaded.topology ? *loaded.topology : core::Topology{};
}

core::ParamPath pathOf(const char *text, const core::Topology &topology)
{
    return *core::parseParamPath(text, topology).value;
}

// What a result says, without how long it took to say it.
nlohmann::ordered_json numbers(const sim::SimulationResult &result, const sim::ModelSpec &model)
{
    nlohmann::ordered_json json = core::simulationResultJson(result, model);
    json.erase("engine");
    return json;
}

// The example's topology with www's TTL at 300 s, so that B can try 30 s against it.
QString withTtl300(const QString &path)
{
    QByteArray text = fileBytes(path);
    text.replace("ttl_s: 60,", "ttl_s: 300,");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

} // namespace

class TestSimCompare : public QObject, private WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startSuite(QStringLiteral("tst_simcompare")); }
    void init() { startTest(); }
    void cleanup() { closeDialogs(); }

    void sweepGivesOnePointPerValueInOrder();
    void sameSweepTwiceGivesTheSameNumbers();
    void cancelStopsTheSweepPromptly();
    void comparisonMatchesTheSimulatorOnTheChangedTopology();
    void variantBFromAnotherFile();
    void compareStartsOnTheSelectedComponent();
    void badValuesAndBadPathsAreRefusedWithTheReason();
    void topologyThatCannotRunIsRefusedWithWhatToFix();
    void sweepChartsAndCsv();
    void sweepOverYearsRunsTheAvailabilityMode();
};

void TestSimCompare::sweepGivesOnePointPerValueInOrder()
{
    const core::Topology topology = load(shortenedExample(mFilesDir->path(), 120, 3));
    SweepPage page;
    page.setTopology(topology);
    QVERIFY(page.picker()->setPath(pathOf("www.ttl_s", topology)));
    page.valuesEdit()->setText(QStringLiteral("300,30,60"));
    page.replicationsBox()->setValue(3);
    QSignalSpy points(page.sweep(), &SweepRun::pointFinished);
    QSignalSpy finished(&page, &SweepPage::finished);
    QString why;
    QVERIFY2(page.run(&why), qPrintable(why));
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);

    // One point per value, in the order given, each delivered as it finished.
    QCOMPARE(points.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(points.at(i).at(0).toInt(), i);
    const std::vector<SweepPage::Point> done = page.points();
    QCOMPARE(done.size(), std::size_t(3));
    const std::int64_t values[] = {300, 30, 60};
    for (std::size_t i = 0; i < 3; ++i) {
        QCOMPARE(done[i].value, core::ParamValue(values[i]));
        QCOMPARE(done[i].x, double(values[i]));
        const OutcomeStats &s = done[i].stats;
        QCOMPARE(s.replications, 3);
        for (const sim::ConfidenceInterval &ci : {s.availabilityCi, s.failedCi, s.p99Ci}) {
            QVERIFY2(
                ci.low <= ci.mean && ci.mean <= ci.high,
                qPrintable(
                    QStringLiteral("%1 not in [%2, %3]").arg(ci.mean).arg(ci.low).arg(ci.high)));
        }
        QVERIFY(s.p99Ci.high > s.p99Ci.low); // three replications: a real interval
        // Every point ran with the same seed and the replications asked for.
        QCOMPARE(page.sweep()->outcomes()[i]->model.seed, std::uint64_t(1));
        QCOMPARE(page.sweep()->outcomes()[i]->model.replications, 3);
        QCOMPARE(page.sweep()->outcomes()[i]->model.components.front().dns.ttl,
                 values[i] * sim::second);
    }
    QCOMPARE(page.table()->rowCount(), 3);
}

void TestSimCompare::sameSweepTwiceGivesTheSameNumbers()
{
    const core::Topology base = load(shortenedExample(mFilesDir->path(), 120, 2));
    std::vector<core::Topology> variants;
    for (const char *change : {"kind:app_server.workers=4", "kind:app_server.workers=8"})
        variants.push_back(
            *core::applyChanges(base, {*core::parseParamChange(change, base).value}).value);

    std::vector<nlohmann::ordered_json> first;
    for (int threads : {2, 1}) {
        SweepRun run;
        QSignalSpy finished(&run, &SweepRun::finished);
        QVERIFY(run.start(variants, {}, threads));
        QVERIFY(finished.wait(60000));
        QCOMPARE(run.pointCount(), 2);
        for (std::size_t i = 0; i < 2; ++i) {
            const auto &outcome = run.outcomes()[i];
            QVERIFY(outcome);
            const auto json = numbers(outcome->result, outcome->model);
            if (first.size() < 2)
                first.push_back(json);
            else
                QVERIFY2(json == first[i], "a second sweep gave other numbers");
        }
    }
    // The points differ by their parameter, not by their noise: they share the seed.
    QVERIFY(first[0]["availability"] != first[1]["availability"]
            || first[0]["latency_ms"] != first[1]["latency_ms"]);
}

void TestSimCompare::cancelStopsTheSweepPromptly()
{
    core::Topology base = load(shortenedExample(mFilesDir->path(), 10000000, 1));
    SweepRun run;
    QSignalSpy progressed(&run, &SweepRun::progressed);
    QSignalSpy points(&run, &SweepRun::pointFinished);
    QSignalSpy finished(&run, &SweepRun::finished);
    QVERIFY(run.start({base, base, base}));
    QVERIFY(run.isRunning());
    QVERIFY(!run.start({base})); // one sweep at a time
    QVERIFY(progressed.wait(20000));
    const auto asked = std::chrono::steady_clock::now();
    run.cancel();
    QVERIFY(finished.wait(5000));
    const auto took = std::chrono::steady_clock::now() - asked;
    QVERIFY2(took < std::chrono::seconds(1), "the sweep went on after cancel");
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(points.isEmpty());
    QVERIFY(!run.isRunning());
    QVERIFY(!run.outcomes().front());
}

void TestSimCompare::comparisonMatchesTheSimulatorOnTheChangedTopology()
{
    // Long enough for the example's loss of ams3 at 900 s, where the TTL matters.
    const QString path = withTtl300(shortenedExample(mFilesDir->path(), 1000, 2));
    QVERIFY(!path.isEmpty());
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(path));
    window->actions()->compareVariants->trigger();
    CompareWindow *compare = window->compare()->compareWindow();
    QVERIFY(compare);
    QTRY_VERIFY(compare->isVisible());
    QCOMPARE(compare->tabs()->currentWidget(), compare->variants());

    VariantsPage *page = compare->variants();
    const core::Topology a = window->document()->topology();
    QVERIFY(page->picker()->setPath(pathOf("www.ttl_s", a)));
    QVERIFY(page->valueBox()->lineEdit()->placeholderText().contains(QStringLiteral("300 s")));
    page->valueBox()->setEditText(QStringLiteral("30"));
    page->findChild<QPushButton *>(QStringLiteral("runButton"))->click();
    QVERIFY2(page->changes().size() == 1,
             qPrintable(page->findChild<QLabel *>(QStringLiteral("message"))->text()));
    QCOMPARE(page->labelA(), QStringLiteral("A: Record TTL 300 s"));
    QCOMPARE(page->labelB(), QStringLiteral("B: Record TTL 30 s"));
    QVERIFY(page->isRunning());
    QSignalSpy finished(page, &VariantsPage::finished);
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);

    // B is the changed topology, simulated with A's seed and the replications asked for.
    const auto &outcomes = page->sweep()->outcomes();
    QCOMPARE(outcomes.size(), std::size_t(2));
    const core::Topology b
        = *core::applyChanges(a, {*core::parseParamChange("www.ttl_s=30", a).value}).value;
    core::SimOverrides overrides;
    overrides.seed = core::buildSimModel(a).seed;
    overrides.replications = 2;
    const sim::ModelSpec model = core::buildSimModel(b, overrides);
    const sim::SimulationResult direct = sim::runSimulation(model, 1);
    QVERIFY2(numbers(outcomes[1]->result, outcomes[1]->model) == numbers(direct, model),
             "B differs from the changed topology simulated directly");
    const sim::ModelSpec modelA = core::buildSimModel(a, overrides);
    QVERIFY(numbers(outcomes[0]->result, outcomes[0]->model)
            == numbers(sim::runSimulation(modelA, 2), modelA));
    // The shorter TTL took clients off the dead region sooner.
    QVERIFY(direct.requests.failed < outcomes[0]->result.requests.failed);

    // Both variants on every chart, with the region's loss as a band.
    for (TimeChart *chart : {page->failedChart(), page->latencyChart(), page->stalenessChart()}) {
        QCOMPARE(chart->lineNames(), QStringList({page->labelA(), page->labelB()}));
        QVERIFY(chart->bandCount() >= 1);
        const QPointF band = chart->bandSpans().front();
        QVERIFY(band.x() > 0 && band.x() < band.y() && band.y() <= 1000);
    }
    // Summary numbers side by side, with the difference.
    QTableWidget *table = page->table();
    const int failed = ComparisonTable::row(table, QStringLiteral("failed"));
    QVERIFY(failed >= 0);
    QCOMPARE(table->item(failed, 2)->text(),
             QLocale().toString(qulonglong(direct.requests.failed)));
    QVERIFY(table->item(failed, 3)->text().startsWith(QStringLiteral("−")));
    for (const char *key : {"availability", "p99", "writesLost", "recovery"})
        QVERIFY2(ComparisonTable::row(table, QString::fromLatin1(key)) >= 0, key);
    QVERIFY(ComparisonTable::row(table, QStringLiteral("cause:dns_stale")) >= 0);
}

void TestSimCompare::variantBFromAnotherFile()
{
    // B is another drawing: the same example with a much shorter TTL on www.
    const QString pathA = shortenedExample(mFilesDir->path(), 1000, 2);
    QVERIFY(!pathA.isEmpty());
    QByteArray text = fileBytes(pathA);
    QVERIFY(text.contains("ttl_s: 60,"));
    text.replace("ttl_s: 60,", "ttl_s: 5,");
    const QString pathB = mFilesDir->path() + QStringLiteral("/short-ttl.topolab.yaml");
    {
        QFile file(pathB);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text) == text.size());
    }
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(pathA));
    window->actions()->compareVariants->trigger();
    CompareWindow *compare = window->compare()->compareWindow();
    QVERIFY(compare);
    VariantsPage *page = compare->variants();

    // A malformed file is refused, naming the file and the line; B stays as it was.
    const QString bad = mFilesDir->path() + QStringLiteral("/bad.topolab.yaml");
    {
        QFile file(bad);
        const QByteArray broken = "version: 1\ncomponents:\n  - {id: www, kind: dns\n";
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(broken) == broken.size());
    }
    QString error;
    QVERIFY(!page->useFileForB(bad, &error));
    QVERIFY2(error.contains(bad + QLatin1Char(':')), qPrintable(error));
    QVERIFY2(
        QRegularExpression(QRegularExpression::escape(bad) + QStringLiteral(":[1-9]\\d*:\\d+:"))
            .match(error)
            .hasMatch(),
        qPrintable(error));
    QVERIFY(page->fileForB().isEmpty());
    QVERIFY(page->picker()->isEnabled());

    QVERIFY2(page->useFileForB(pathB, &error), qPrintable(error));
    QCOMPARE(page->fileForB(), pathB);
    QVERIFY(!page->picker()->isEnabled());
    auto *note = page->findChild<QLabel *>(QStringLiteral("fileNote"));
    QVERIFY(note);
    QCOMPARE(note->text(),
             QStringLiteral("B is short-ttl.topolab.yaml; Clear to go back to parameter changes"));
    QString why;
    QVERIFY2(page->run(&why), qPrintable(why));
    QCOMPARE(page->labelB(), QStringLiteral("B: short-ttl.topolab.yaml"));
    QSignalSpy finished(page, &VariantsPage::finished);
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);

    // B is the other file's topology, simulated with A's seed and the replications asked for.
    const core::Topology a = window->document()->topology();
    core::SimOverrides overrides;
    overrides.seed = core::buildSimModel(a).seed;
    overrides.replications = 2;
    const sim::ModelSpec model = core::buildSimModel(load(pathB), overrides);
    const sim::SimulationResult direct = sim::runSimulation(model, 1);
    const auto &outcomes = page->sweep()->outcomes();
    QCOMPARE(outcomes.size(), std::size_t(2));
    QVERIFY(outcomes[1]);
    QCOMPARE(outcomes[1]->result.availability, direct.availability);
    QVERIFY2(numbers(outcomes[1]->result, outcomes[1]->model) == numbers(direct, model),
             "B differs from the other file simulated directly");
    QVERIFY(direct.requests.failed < outcomes[0]->result.requests.failed);
    QCOMPARE(page->failedChart()->lineNames(), QStringList({page->labelA(), page->labelB()}));
    QVERIFY(ComparisonTable::row(page->table(), QStringLiteral("availability")) >= 0);

    // Clear: B is A with parameter changes again.
    page->findChild<QPushButton *>(QStringLiteral("clearFileButton"))->click();
    QVERIFY(page->fileForB().isEmpty());
    QVERIFY(page->picker()->isEnabled());
    QVERIFY(!note->isVisible());
}

void TestSimCompare::compareStartsOnTheSelectedComponent()
{
    auto window = makeWindow();
    QVERIFY(window);
    QVERIFY(window->openFile(shortenedExample(mFilesDir->path(), 60, 1)));
    window->scene()->selectIds({QStringLiteral("lb-ams-2")});
    window->actions()->parameterSweep->trigger();
    CompareWindow *compare = window->compare()->compareWindow();
    QVERIFY(compare);
    QCOMPARE(compare->tabs()->currentWidget(), compare->sweep());
    for (ParameterPicker *picker : {compare->sweep()->picker(), compare->variants()->picker()}) {
        const auto path = picker->path();
        QVERIFY(path);
        QCOMPARE(path->owner, std::string("lb-ams-2"));
        // The parameters are named as the inspector names them.
        QVERIFY(picker->parameterBox()->findText(QStringLiteral("Health check: failed checks"))
                >= 0);
    }
    // Every kind drawn more than once, the scenario and the client groups are on offer too.
    QComboBox *owners = compare->sweep()->picker()->ownerBox();
    QVERIFY(owners->findText(QStringLiteral("Every app server")) >= 0);
    QVERIFY(owners->findText(QStringLiteral("Scenario")) >= 0);
    QVERIFY(owners->findText(QStringLiteral("Clients users-eu")) >= 0);
}

void TestSimCompare::badValuesAndBadPathsAreRefusedWithTheReason()
{
    const core::Topology topology = load(shortenedExample(mFilesDir->path(), 60, 1));
    VariantsPage variants;
    variants.setTopology(topology);
    QVERIFY(variants.picker()->setPath(pathOf("www.ttl_s", topology)));
    variants.valueBox()->setEditText(QStringLiteral("-5"));
    QString why;
    QVERIFY(!variants.run(&why));
    QVERIFY(!variants.isRunning());
    auto *message = variants.findChild<QLabel *>(QStringLiteral("message"));
    QVERIFY(message);
    QCOMPARE(message->text(), QStringLiteral("ttl_s must be between 0 and 2147483647 s, got -5"));

    SweepPage sweep;
    sweep.setTopology(topology);
    QVERIFY(sweep.picker()->setPath(pathOf("db-nyc-standby.replication", topology)));
    QCOMPARE(sweep.valuesEdit()->text(), QStringLiteral("async,sync")); // a choice: every value
    sweep.valuesEdit()->setText(QStringLiteral("0:1:2"));
    QVERIFY(!sweep.run(&why));
    QVERIFY2(why.startsWith(QStringLiteral("a range needs a numeric parameter")), qPrintable(why));
    QVERIFY(sweep.picker()->setPath(pathOf("scenario.duration_s", topology)));
    sweep.valuesEdit()->setText(QStringLiteral("30:0:3"));
    QVERIFY(!sweep.run(&why));
    QVERIFY2(why.contains(QStringLiteral("duration_s must be between 0.001")), qPrintable(why));
    QVERIFY(!sweep.isRunning());
}

void TestSimCompare::topologyThatCannotRunIsRefusedWithWhatToFix()
{
    auto window = makeWindow();
    QVERIFY(window);
    window->actions()->newBlank->trigger();
    window->actions()->compareVariants->trigger();
    auto *box = window->findChild<QMessageBox *>(QStringLiteral("compareRefused"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->informativeText().contains(QStringLiteral("no client group")),
             qPrintable(box->informativeText()));
    QVERIFY(!window->compare()->compareWindow());
    box->accept();
}

void TestSimCompare::sweepChartsAndCsv()
{
    const core::Topology topology = load(shortenedExample(mFilesDir->path(), 60, 2));
    SweepPage page;
    page.setTopology(topology);
    QVERIFY(page.picker()->setPath(pathOf("kind:app_server.workers", topology)));
    page.valuesEdit()->setText(QStringLiteral("2:8:3"));
    page.replicationsBox()->setValue(2);
    QSignalSpy finished(&page, &SweepPage::finished);
    QVERIFY(page.run());
    QVERIFY(finished.wait(60000));

    // Each chart: the means with a dot per value, inside a band of their intervals.
    for (TimeChart *chart : {page.availabilityChart(), page.failedChart(), page.latencyChart()}) {
        QCOMPARE(chart->lineNames().size(), 1);
        const QList<QPointF> mean = chart->points(chart->lineNames().front());
        const QList<QPointF> low = chart->lowerPoints(QStringLiteral("95 % interval"));
        const QList<QPointF> high = chart->points(QStringLiteral("95 % interval"));
        QCOMPARE(mean.size(), 3);
        QCOMPARE(low.size(), 3);
        QCOMPARE(high.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(mean[i].x(), 2.0 + 3 * i);
            QVERIFY(low[i].y() <= mean[i].y() && mean[i].y() <= high[i].y());
        }
    }

    const QString csvPath = mFilesDir->path() + QStringLiteral("/sweep.csv");
    QString error;
    QVERIFY2(page.exportCsv(csvPath, &error), qPrintable(error));
    const QStringList lines
        = QString::fromUtf8(fileBytes(csvPath)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].startsWith(QStringLiteral("parameter,value,replications,seed,availability,")));
    QVERIFY(lines[1].startsWith(QStringLiteral("kind:app_server.workers,2,2,1,")));
    QVERIFY(lines[3].startsWith(QStringLiteral("kind:app_server.workers,8,2,1,")));
    QCOMPARE(lines[1].split(QLatin1Char(',')).size(), 18);
    QVERIFY(lines[0].contains(QStringLiteral(",failed_per_replication,")));
    QVERIFY(lines[1].endsWith(QStringLiteral(",,,"))); // no downtime per year in this mode

    // Bad places are refused, naming the file; nothing is left behind.
    const QString missing = mFilesDir->path() + QStringLiteral("/no/such/folder/sweep.csv");
    QVERIFY(!page.exportCsv(missing, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));
    QVERIFY(!page.exportCsv(mFilesDir->path(), &error));
    QVERIFY2(error.contains(mFilesDir->path()) && error.contains(QStringLiteral("folder")),
             qPrintable(error));
    QCOMPARE(QDir(mFilesDir->path()).entryList(QDir::Files).size(), 2); // example and CSV
}

void TestSimCompare::sweepOverYearsRunsTheAvailabilityMode()
{
    // A scenario without random failures has nothing to simulate over years: refused, saying
    // where to add them.
    {
        const core::Topology calm = load(shortenedExample(mFilesDir->path(), 60, 2));
        SweepPage page;
        page.setTopology(calm);
        QVERIFY(page.picker()->setPath(pathOf("www.ttl_s", calm)));
        page.valuesEdit()->setText(QStringLiteral("30,300"));
        page.yearsBox()->setValue(1);
        QString why;
        QVERIFY(!page.run(&why));
        QVERIFY2(why.contains(QStringLiteral("Random failures")), qPrintable(why));
    }

    // The single-region example's app servers fail at random: two worker counts over a
    // simulated two weeks, two replications each.
    const core::Topology topology = load(examplePath(QStringLiteral("single-region")));
    SweepPage page;
    page.setTopology(topology);
    QVERIFY(page.picker()->setPath(pathOf("kind:app_server.workers", topology)));
    page.valuesEdit()->setText(QStringLiteral("4,8"));
    page.replicationsBox()->setValue(2);
    page.yearsBox()->setValue(0.04);
    QSignalSpy finished(&page, &SweepPage::finished);
    QString why;
    QVERIFY2(page.run(&why), qPrintable(why));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);

    QCOMPARE(page.table()->horizontalHeaderItem(3)->text(), QStringLiteral("Down min/year"));
    QCOMPARE(page.table()->horizontalHeaderItem(4)->text(), QStringLiteral("Failures seen"));
    QCOMPARE(page.latencyChart()->title(), QStringLiteral("Downtime per year"));
    const std::vector<SweepPage::Point> done = page.points();
    QCOMPARE(done.size(), std::size_t(2));
    for (std::size_t i = 0; i < done.size(); ++i) {
        const OutcomeStats &s = done[i].stats;
        QCOMPARE(s.years, 0.04);
        QVERIFY(s.failures > 0);
        QCOMPARE(page.table()->item(int(i), 4)->text(), QLocale().toString(qulonglong(s.failures)));
        // The numbers are those of the availability mode on that variant with that seed.
        const auto &outcome = page.sweep()->outcomes()[i];
        QVERIFY(outcome->availability);
        sim::AvailabilityOptions options;
        options.years = 0.04;
        const sim::AvailabilityResult direct = sim::runAvailability(outcome->model, options, 1);
        QCOMPARE(s.availability, direct.availability.value);
        QCOMPARE(s.failures, direct.failures);
        QCOMPARE(s.downMinPerYearCi.high, std::max(0.0, direct.unavailabilityMinPerYear.ci.high));
    }
    // Four workers overload the two app servers left while one is down; eight do not.
    QVERIFY(done[0].stats.availability < done[1].stats.availability);

    const QString csvPath = mFilesDir->path() + QStringLiteral("/years.csv");
    QString error;
    QVERIFY2(page.exportCsv(csvPath, &error), qPrintable(error));
    const QStringList lines
        = QString::fromUtf8(fileBytes(csvPath)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].contains(QStringLiteral(",failed_per_year,")));
    const QStringList fields = lines[1].split(QLatin1Char(','));
    QCOMPARE(fields.size(), 18);
    QVERIFY(fields[10].isEmpty()); // no latency over years
    QCOMPARE(fields[13], QStringLiteral("0.04"));
    QVERIFY(!fields[15].isEmpty());
}

QTEST_MAIN(TestSimCompare)
#include "tst_simcompare.moc"
