#include "sweeppage.h"

#include "comparecolours.h"
#include "parameterpicker.h"
#include "sweepcsv.h"

#include "document/stdstrings.h"
#include "results/timechart.h"
#include "simulation/simulationrun.h"
#include "simulation/sweeprun.h"

#include "sim/availability/outagetimeline.h"

#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <functional>

namespace topolab::app {

namespace {

constexpr int defaultReplications = 5;

QString interval(double mean, const sim::ConfidenceInterval &ci, int decimals, const QLocale &l)
{
    return QStringLiteral("%1 (%2–%3)")
        .arg(l.toString(mean, 'f', decimals), l.toString(ci.low, 'f', decimals),
             l.toString(ci.high, 'f', decimals));
}

// Enough decimals for the nines that matter: the shortfall from 100 % of the interval's low end
// shows two significant digits (99.9997 rather than 100.000), at least 3 and at most 7.
int availabilityDecimals(double lowPercent)
{
    const double shortfall = 100.0 - lowPercent;
    if (!(shortfall > 0))
        return 3;
    return std::clamp(int(std::ceil(-std::log10(shortfall))) + 1, 3, 7);
}

// Decimals that show three significant digits of `value` (0.00650, 1.30, 125), at most 6.
int threeDigits(double value)
{
    if (!(std::abs(value) > 0))
        return 2;
    return std::clamp(2 - int(std::floor(std::log10(std::abs(value)))), 0, 6);
}

} // namespace

SweepPage::SweepPage(QWidget *parent)
    : QWidget(parent)
    , mPicker(new ParameterPicker)
    , mValues(new QLineEdit)
    , mReplications(new QSpinBox)
    , mYears(new QDoubleSpinBox)
    , mRunButton(new QPushButton(tr("&Run Sweep")))
    , mStopButton(new QPushButton(tr("&Stop")))
    , mExportButton(new QPushButton(tr("&Export CSV…")))
    , mProgress(new QProgressBar)
    , mMessage(new QLabel)
    , mAvailability(new TimeChart(tr("Availability"), tr("%")))
    , mFailed(new TimeChart(tr("Failed requests per replication"), tr("requests")))
    , mLatency(new TimeChart(tr("p99 latency (successful)"), tr("ms")))
    , mTable(new QTableWidget)
    , mRun(new SweepRun(this))
{
    mValues->setObjectName(QStringLiteral("valuesEdit"));
    mValues->setPlaceholderText(tr("30,60,300  or  from:to:steps, e.g. 30:300:4"));
    mValues->setToolTip(tr("The values to run: a list separated by commas, or a range "
                           "from:to:steps (steps values evenly, both ends included)"));
    mValues->setMinimumWidth(mValues->fontMetrics().horizontalAdvance(mValues->placeholderText())
                             + 16);
    mReplications->setObjectName(QStringLiteral("replicationsBox"));
    mReplications->setRange(1, 1000);
    mReplications->setValue(defaultReplications);
    mReplications->setToolTip(tr("Runs per value, all with the same seed; their spread gives "
                                 "the 95 % interval"));
    mYears->setObjectName(QStringLiteral("yearsBox"));
    mYears->setRange(0, 200);
    mYears->setDecimals(2);
    mYears->setSingleStep(1);
    mYears->setSpecialValueText(tr("scenario"));
    mYears->setSuffix(tr(" years"));
    mYears->setToolTip(tr("0 (scenario): each replication runs the scenario, as Simulate › Run "
                          "does.\nMore: each replication simulates the random failures over "
                          "this many years and replays every incident request by request "
                          "(availability over years)."));
    mRunButton->setObjectName(QStringLiteral("runButton"));
    mStopButton->setObjectName(QStringLiteral("stopButton"));
    mExportButton->setObjectName(QStringLiteral("exportButton"));
    mStopButton->setEnabled(false);
    mExportButton->setEnabled(false);
    mProgress->setRange(0, 1000);
    mProgress->setTextVisible(false);
    mProgress->setMaximumWidth(180);
    mProgress->hide();
    mMessage->setObjectName(QStringLiteral("message"));
    mMessage->setWordWrap(true);
    mMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mTable->setObjectName(QStringLiteral("pointsTable"));
    mTable->verticalHeader()->hide();
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *values = new QHBoxLayout;
    values->addWidget(mValues, 1);
    values->addWidget(new QLabel(tr("Replications:")));
    values->addWidget(mReplications);
    values->addWidget(new QLabel(tr("Horizon:")));
    values->addWidget(mYears);
    auto *form = new QFormLayout;
    form->addRow(tr("Parameter:"), mPicker);
    form->addRow(tr("Values:"), values);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(mMessage, 1);
    runRow->addWidget(mProgress);
    runRow->addWidget(mRunButton);
    runRow->addWidget(mStopButton);
    runRow->addWidget(mExportButton);

    auto *charts = new QGridLayout;
    charts->addWidget(mAvailability, 0, 0);
    charts->addWidget(mFailed, 0, 1);
    charts->addWidget(mLatency, 1, 0);
    charts->addWidget(mTable, 1, 1);
    charts->setColumnStretch(0, 1);
    charts->setColumnStretch(1, 1);
    charts->setRowStretch(0, 1);
    charts->setRowStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(runRow);
    layout->addLayout(charts, 1);

    connect(mPicker, &ParameterPicker::changed, this, &SweepPage::pickerChanged);
    connect(mValues, &QLineEdit::returnPressed, mRunButton, &QPushButton::click);
    connect(mRunButton, &QPushButton::clicked, this, [this] {
        QString why;
        if (!run(&why))
            mMessage->setText(why);
    });
    connect(mStopButton, &QPushButton::clicked, this, &SweepPage::stop);
    connect(mExportButton, &QPushButton::clicked, this, &SweepPage::exportClicked);
    connect(mRun, &SweepRun::progressed, this, [this](double fraction) {
        mProgress->setValue(int(fraction * 1000));
        const int count = int(mPoints.size());
        if (count > 0 && fraction < 1)
            mMessage->setText(
                tr("Value %1 of %2…").arg(std::min(count, int(fraction * count) + 1)).arg(count));
    });
    connect(mRun, &SweepRun::pointFinished, this, [this](int index) { showPoint(index); });
    connect(mRun, &SweepRun::finished, this, [this](bool completed) {
        setRunning(false);
        mMessage->setText(completed ? tr("%n value(s) simulated, each with the same seed.", "",
                                         int(mPoints.size()))
                                    : tr("Stopped."));
        Q_EMIT finished(completed);
    });
}

void SweepPage::setTopology(const core::Topology &topology)
{
    mTopology = topology;
    mPicker->setTopology(topology);
}

void SweepPage::selectComponent(const QString &id)
{
    mPicker->selectComponent(id);
}

void SweepPage::pickerChanged()
{
    const core::ParamSpec *spec = mPicker->spec();
    if (!spec)
        return;
    // A choice has few values: all of them is the sweep to run.
    if (spec->type == core::ParamType::Choice) {
        QStringList all;
        for (const std::string &choice : spec->choices)
            all.append(toQString(choice));
        mValues->setText(all.join(QLatin1Char(',')));
    } else if (spec->type == core::ParamType::Boolean) {
        mValues->setText(QStringLiteral("false,true"));
    } else {
        mValues->clear();
    }
}

bool SweepPage::run(QString *why)
{
    const auto refuse = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    if (isRunning())
        return refuse(tr("A sweep is running."));
    if (const QStringList problems = SimulationRun::problems(mTopology); !problems.isEmpty())
        return refuse(tr("The topology cannot be simulated yet:") + QLatin1Char('\n')
                      + SimulationRun::bulleted(problems));
    const std::optional<core::ParamPath> path = mPicker->path();
    if (!path)
        return refuse(tr("Pick a parameter to sweep."));
    const core::ParamSpec &spec = core::specOf(*path, mTopology);
    const auto values = core::parseParamValues(spec, toStd(mValues->text()));
    if (!values)
        return refuse(toQString(values.error));

    std::vector<core::Topology> variants;
    for (const core::ParamValue &value : *values.value) {
        const core::ParamChange change{*path, value};
        const auto variant = core::applyChanges(mTopology, {change});
        if (!variant)
            return refuse(toQString(variant.error));
        if (const QStringList problems = SimulationRun::problems(*variant.value);
            !problems.isEmpty()) {
            return refuse(tr("With %1 the topology cannot be simulated:")
                              .arg(toQString(core::changeLabel(change, mTopology)))
                          + QLatin1Char('\n') + SimulationRun::bulleted(problems));
        }
        variants.push_back(*variant.value);
    }
    const double years = mYears->value();
    if (years > 0) {
        const sim::ModelSpec model = core::buildSimModel(mTopology);
        if (model.randomFailures.empty())
            return refuse(tr("Availability over years simulates random failures, and the "
                             "scenario has none: add some in the Scenario panel (Random "
                             "failures), or set the horizon back to scenario."));
        if (const std::string problem = sim::horizonProblem(model, years); !problem.empty())
            return refuse(toQString(problem));
    }
    core::SimOverrides overrides;
    const bool scenario = path->scope == core::ParamPath::Scope::Scenario;
    if (!(scenario && path->param == "replications"))
        overrides.replications = mReplications->value();
    mRun->setCommonSeed(!(scenario && path->param == "seed"));
    mRun->setYears(years);
    if (!mRun->start(variants, overrides))
        return refuse(tr("The sweep could not start."));

    mPath = path;
    mSpec = spec;
    mSweepValues = *values.value;
    mPoints.assign(mSweepValues.size(), std::nullopt);
    const QLocale locale;
    mTable->clear();
    mTable->setColumnCount(5);
    QString unit = toQString(spec.unit);
    const bool overYears = years > 0;
    mTable->setHorizontalHeaderLabels(
        {toQString(core::paramTitle(*path, mTopology))
             + (unit.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(unit)),
         tr("Availability % (95 % interval)"),
         overYears ? tr("Failed per year") : tr("Failed per replication"),
         overYears ? tr("Down min/year") : tr("p99 latency ms"), tr("Failures seen")});
    mAvailability->setTitle(
        overYears ? tr("Availability over %1 years per replication").arg(locale.toString(years))
                  : tr("Availability"),
        tr("%"));
    mFailed->setTitle(overYears ? tr("Failed requests per year")
                                : tr("Failed requests per replication"),
                      tr("requests"));
    mLatency->setTitle(overYears ? tr("Downtime per year") : tr("p99 latency (successful)"),
                       overYears ? tr("min") : tr("ms"));
    mTable->setRowCount(int(mSweepValues.size()));
    for (int row = 0; row < mTable->rowCount(); ++row) {
        mTable->setItem(row, 0,
                        new QTableWidgetItem(
                            toQString(core::formatParamValue(mSweepValues[std::size_t(row)]))));
        for (int column = 1; column < 5; ++column)
            mTable->setItem(row, column, new QTableWidgetItem(tr("waiting")));
    }
    mTable->resizeColumnsToContents();
    showCharts();
    setRunning(true);
    return true;
}

void SweepPage::stop()
{
    if (mRun->isRunning()) {
        mRun->cancel();
        mMessage->setText(tr("Stopping…"));
    }
}

bool SweepPage::isRunning() const
{
    return mRun->isRunning();
}

void SweepPage::setRunning(bool running)
{
    mRunButton->setEnabled(!running);
    mStopButton->setEnabled(running);
    mExportButton->setEnabled(!running && !points().empty());
    mProgress->setVisible(running);
    mProgress->setValue(0);
}

std::vector<SweepPage::Point> SweepPage::points() const
{
    std::vector<Point> out;
    for (const std::optional<Point> &point : mPoints) {
        if (point)
            out.push_back(*point);
    }
    return out;
}

void SweepPage::showPoint(int index)
{
    const auto &outcome = mRun->outcomes().at(std::size_t(index));
    if (!outcome || std::size_t(index) >= mPoints.size())
        return;
    Point point;
    point.value = mSweepValues[std::size_t(index)];
    point.x = core::numericValue(mSpec, point.value).value_or(index);
    point.stats = outcomeStats(*outcome);
    mPoints[std::size_t(index)] = point;

    const QLocale l;
    const OutcomeStats &s = point.stats;
    sim::ConfidenceInterval availability = s.availabilityCi;
    availability.low *= 100;
    availability.high *= 100;
    mTable->item(index, 1)->setText(interval(s.availabilityCi.mean * 100, availability,
                                             availabilityDecimals(availability.low), l));
    mTable->item(index, 2)->setText(interval(s.failedCi.mean, s.failedCi, 0, l));
    if (s.years > 0)
        mTable->item(index, 3)->setText(interval(s.downMinPerYearCi.mean, s.downMinPerYearCi,
                                                 threeDigits(s.downMinPerYearCi.mean), l));
    else
        mTable->item(index, 3)->setText(interval(s.p99Ci.mean, s.p99Ci, 1, l));
    mTable->item(index, 4)->setText(l.toString(qulonglong(s.failures)));
    mTable->resizeColumnsToContents();
    showCharts();
}

void SweepPage::showCharts()
{
    for (TimeChart *chart : {mAvailability, mFailed, mLatency})
        chart->clear();
    if (!mPath)
        return;
    QString axis = toQString(core::paramTitle(*mPath, mTopology));
    if (mSpec.type == core::ParamType::Choice || mSpec.type == core::ParamType::Boolean) {
        // Words on a value axis: each at its position, spelled out in the axis title.
        QStringList legend;
        for (const core::ParamValue &value : mSweepValues) {
            legend.append(QStringLiteral("%1 = %2")
                              .arg(core::numericValue(mSpec, value).value_or(0))
                              .arg(toQString(core::formatParamValue(value))));
        }
        axis += QStringLiteral(": ") + legend.join(QStringLiteral(", "));
    } else if (!mSpec.unit.empty()) {
        axis += QStringLiteral(" (%1)").arg(toQString(mSpec.unit));
    }
    const QString unit = toQString(mSpec.unit);
    struct Line
    {
        TimeChart *chart;
        QColor colour;
        std::function<sim::ConfidenceInterval(const OutcomeStats &)> value;
    };
    const Line lines[] = {
        {mAvailability, CompareColours::availability(),
         [](const OutcomeStats &s) {
             sim::ConfidenceInterval ci = s.availabilityCi;
             ci.mean *= 100;
             ci.low *= 100;
             ci.high *= 100;
             return ci;
         }},
        {mFailed, CompareColours::failed(),
         [](const OutcomeStats &s) {
             return s.failedCi;
         }},
        {mLatency, CompareColours::latency(),
         [](const OutcomeStats &s) {
             return s.years > 0 ? s.downMinPerYearCi : s.p99Ci;
         }},
    };
    int replications = 0;
    for (const std::optional<Point> &point : mPoints) {
        if (point)
            replications = point->stats.replications;
    }
    if (replications == 0)
        return; // nothing finished yet: empty charts rather than made-up axes
    for (const Line &line : lines) {
        QList<QPointF> mean, low, high;
        for (const std::optional<Point> &point : mPoints) {
            if (!point)
                continue;
            const sim::ConfidenceInterval ci = line.value(point->stats);
            mean.append(QPointF(point->x, ci.mean));
            low.append(QPointF(point->x, ci.low));
            high.append(QPointF(point->x, ci.high));
        }
        line.chart->setHorizontalAxis(axis, unit);
        line.chart->addRange(tr("95 % interval"), low, high, line.colour);
        line.chart->addLine(tr("mean of %n replication(s)", "", replications), mean, line.colour,
                            Qt::SolidLine, true);
        line.chart->fitToValues();
    }
}

QString SweepPage::csv() const
{
    std::vector<SweepCsv::Row> rows;
    for (const Point &point : points())
        rows.push_back({toQString(core::formatParamValue(point.value)), point.stats});
    return SweepCsv::text(mPath ? toQString(mPath->text()) : QString(), mRun->seed(), rows);
}

bool SweepPage::exportCsv(const QString &path, QString *error) const
{
    return SweepCsv::write(path, csv(), error);
}

void SweepPage::exportClicked()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Sweep"), QStringLiteral("sweep.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export Sweep"), error);
    else
        mMessage->setText(tr("Saved %1.").arg(path));
}

} // namespace topolab::app
