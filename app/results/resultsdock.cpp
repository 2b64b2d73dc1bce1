#include "resultsdock.h"

#include "componenttable.h"
#include "gui/reportdialog.h"
#include "replaybar.h"
#include "resultsexport.h"
#include "timechart.h"

#include "core/simulation/resultsummary.h"
#include "sim/run/failurecause.h"

#include <QChart>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace topolab::app {

namespace {

// Colours of the failure causes, in FailureCause order: related causes share a hue.
const QColor causeColours[sim::failureCauseCount] = {
    QColor(0xe6, 0x7e, 0x00), QColor(0xd3, 0x2f, 0x2f), QColor(0xad, 0x14, 0x57),
    QColor(0x7b, 0x1f, 0xa2), QColor(0x1f, 0x6f, 0xd1), QColor(0x8d, 0x6e, 0x63),
    QColor(0x55, 0x55, 0x55), QColor(0x00, 0x83, 0x8f)};

} // namespace

QString ResultsDock::causeTitle(std::size_t cause)
{
    // "dns_stale" reads "dns stale": the JSON's name, for people.
    const std::string_view name = sim::failureCauseNames[cause];
    return QString::fromUtf8(name.data(), qsizetype(name.size())).replace(QLatin1Char('_'), QLatin1Char(' '));
}

namespace {

// A moment of an incident (simulated seconds, as the result keeps them) as time after its start.
QString after(const std::optional<double> &moment, double start, const QLocale &locale)
{
    return moment ? QStringLiteral("+%1 s").arg(locale.toString(*moment - start, 'f', 0))
                  : ResultsDock::tr("not before the end");
}

// Writes lost, per replication on average, added up over time: a step where an incident lost
// some, at the failover that lost them (its detection; its start when undetected).
QList<QPointF> lostWritesOverTime(const sim::SimulationResult &r)
{
    std::vector<std::pair<double, double>> steps;
    const double share = r.replications > 0 ? 1.0 / r.replications : 1.0;
    for (const sim::Incident &incident : r.incidents)
        if (incident.writesLost > 0)
            steps.emplace_back(incident.detectedSeconds.value_or(incident.atSeconds),
                               double(incident.writesLost) * share);
    std::sort(steps.begin(), steps.end());
    QList<QPointF> line{QPointF(0, 0)};
    double sum = 0;
    for (const auto &[at, lost] : steps) {
        line.append(QPointF(at, sum));
        sum += lost;
        line.append(QPointF(at, sum));
    }
    line.append(QPointF(r.durationSeconds, sum));
    return line;
}

} // namespace

ResultsDock::ResultsDock(QWidget *parent)
    : QDockWidget(tr("Results"), parent)
    , mHeading(new QLabel)
    , mEmpty(new QLabel(tr("Run a simulation (Simulate › Run, F5) to see what users would "
                           "feel: availability, latency and every failure over time.")))
    , mScroll(new QScrollArea)
    , mBody(new QWidget)
    , mReplay(new ReplayBar)
    , mRequests(new TimeChart(tr("Requests per second"), tr("requests/s")))
    , mLatency(new TimeChart(tr("Latency (successful)"), tr("ms")))
    , mStaleness(new TimeChart(tr("Sent to a dead address"), tr("share")))
    , mLag(new TimeChart(tr("Replication lag (largest standby)"), tr("s")))
    , mLostWrites(new TimeChart(tr("Writes lost, so far"), tr("writes")))
    , mComponents(new ComponentTable)
    , mTabs(new QTabWidget)
    , mReportButton(new QPushButton(tr("Full &Report…")))
    , mExportButton(new QPushButton(tr("&Export…")))
{
    setObjectName(QStringLiteral("resultsDock"));
    mEmpty->setWordWrap(true);
    mEmpty->setAlignment(Qt::AlignCenter);
    mEmpty->setForegroundRole(QPalette::PlaceholderText);
    // One line, elided by the layout if need be: a wrapping label would make the scroll area
    // size the body by its preferred height instead of the room it has.
    mHeading->setMinimumWidth(0);
    mHeading->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *cards = new QGridLayout;
    cards->setHorizontalSpacing(18);
    addCard(cards, 0, QStringLiteral("availability"), tr("Availability"));
    addCard(cards, 1, QStringLiteral("budget"),
            tr("Error budget used (%1 %)").arg(QLocale().toString(objective * 100, 'f', 1)));
    addCard(cards, 2, QStringLiteral("failed"), tr("Failed requests"));
    addCard(cards, 3, QStringLiteral("p99"), tr("Latency p99"));
    addCard(cards, 4, QStringLiteral("lostWrites"), tr("Writes lost"));
    addCard(cards, 5, QStringLiteral("incident"), tr("Worst incident"));
    cards->setColumnStretch(6, 1);

    auto *top = new QHBoxLayout;
    top->addWidget(mHeading, 1);
    top->addWidget(mReportButton);
    top->addWidget(mExportButton);
    mExportButton->setToolTip(tr("Save the report with its charts as HTML, the time series as "
                                 "CSV, or the whole result as JSON"));
    connect(mReportButton, &QPushButton::clicked, this, &ResultsDock::showReport);
    connect(mExportButton, &QPushButton::clicked, this, &ResultsDock::exportResults);

    auto *body = new QVBoxLayout(mBody);
    body->addLayout(top);
    body->addLayout(cards);
    body->addWidget(mReplay);
    connect(mReplay, &ReplayBar::timeChanged, this,
            [this](double seconds) {
                Q_EMIT replayMoment(mTimeline.statesAt(seconds));
                Q_EMIT replayLoads(mLoads.loadAt(seconds));
            });
    connect(mReplay, &ReplayBar::ended, this, &ResultsDock::replayEnded);
    // Side by side, so that one glance at a dock under the canvas takes in all three; the
    // requests, where failures show first, get the most room.
    auto *traffic = new QWidget;
    auto *charts = new QHBoxLayout(traffic);
    charts->setContentsMargins(0, 0, 0, 0);
    charts->addWidget(mRequests, 3);
    charts->addWidget(mLatency, 2);
    charts->addWidget(mStaleness, 2);
    auto *data = new QWidget;
    auto *dataCharts = new QHBoxLayout(data);
    dataCharts->setContentsMargins(0, 0, 0, 0);
    dataCharts->addWidget(mLag, 1);
    dataCharts->addWidget(mLostWrites, 1);
    mTabs->setDocumentMode(true);
    mTabs->addTab(traffic, tr("Traffic"));
    mTabs->addTab(data, tr("Data"));
    mTabs->addTab(mComponents, tr("Components"));
    mTabs->setTabToolTip(0, tr("Requests by outcome and cause, latency, clients sent to a dead "
                               "address"));
    mTabs->setTabToolTip(1, tr("Replication lag of the standbys and writes lost in failovers"));
    mTabs->setTabToolTip(2, tr("Utilisation, queue, requests and downtime of each component"));
    connect(mComponents, &ComponentTable::componentActivated, this,
            &ResultsDock::componentActivated);
    body->addWidget(mTabs, 1);

    mScroll->setWidgetResizable(true);
    mScroll->setWidget(mBody);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(mEmpty, 1);
    layout->addWidget(mScroll, 1);
    mScroll->hide();
    setWidget(content);
}

QLabel *ResultsDock::addCard(QGridLayout *grid, int column, const QString &name,
                             const QString &title)
{
    auto *caption = new QLabel(title);
    caption->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel;
    value->setObjectName(name);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    value->setFont(big);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(caption, 0, column);
    grid->addWidget(value, 1, column);
    return value;
}

QString ResultsDock::cardValue(const QString &name) const
{
    const auto *label = mBody->findChild<QLabel *>(name);
    return label ? label->text() : QString();
}

void ResultsDock::showOutcome(std::shared_ptr<const SimulationOutcome> outcome)
{
    mOutcome = std::move(outcome);
    if (!mOutcome)
        return;
    mEmpty->hide();
    mScroll->show();
    fillCards(*mOutcome);
    fillCharts(*mOutcome);
    mComponents->showResult(mOutcome->result);
    mTimeline = StateTimeline(*mOutcome);
    mLoads = LoadTimeline(mOutcome);
    mReplay->setDuration(mTimeline.duration());
    if (mReport)
        mReport->close();
}

void ResultsDock::fillCards(const SimulationOutcome &outcome)
{
    const sim::SimulationResult &r = outcome.result;
    const QLocale locale;
    mHeading->setText(tr("%1 replication(s) of %2 s after a %3 s warm-up, seed %4%5")
                          .arg(r.replications)
                          .arg(locale.toString(r.durationSeconds, 'f', 0),
                               locale.toString(r.warmupSeconds, 'f', 0))
                          .arg(r.seed)
                          .arg(r.cancelled ? tr(" (stopped early)") : QString()));
    const auto set = [this](const char *name, const QString &text, const QString &tip = {}) {
        if (auto *label = mBody->findChild<QLabel *>(QString::fromLatin1(name))) {
            label->setText(text);
            label->setToolTip(tip);
        }
    };
    set("availability", locale.toString(r.availability * 100, 'f', 3) + QStringLiteral(" %"),
        tr("95 % interval %1 to %2 %")
            .arg(locale.toString(r.availabilityCi.low * 100, 'f', 3),
                 locale.toString(r.availabilityCi.high * 100, 'f', 3)));
    const double offered = double(r.requests.ok + r.requests.failed);
    const double allowed = offered * (1 - objective);
    set("budget", allowed > 0
                      ? locale.toString(100 * double(r.requests.failed) / allowed, 'f', 0)
                            + QStringLiteral(" %")
                      : QStringLiteral("–"));
    set("failed", locale.toString(qulonglong(r.requests.failed)));
    set("p99", locale.toString(double(r.latency.quantile(0.99)) / 1e6, 'f', 1)
                   + QStringLiteral(" ms"));
    set("lostWrites", locale.toString(qulonglong(r.data.writesLost)));
    const auto worst = std::max_element(
        r.incidents.begin(), r.incidents.end(),
        [](const sim::Incident &a, const sim::Incident &b) { return a.failedRequests < b.failedRequests; });
    if (worst == r.incidents.end()) {
        set("incident", tr("none"));
    } else {
        set("incident",
            QStringLiteral("%1 %2").arg(QString::fromStdString(worst->target),
                                        QString::fromStdString(worst->kind)),
            tr("at %1 s in replication %2: detected %3, DNS updated %4, recovered %5; %6 failed "
               "requests, %7 writes lost")
                .arg(locale.toString(worst->atSeconds, 'f', 0))
                .arg(worst->replication)
                .arg(after(worst->detectedSeconds, worst->atSeconds, locale),
                     after(worst->dnsUpdatedSeconds, worst->atSeconds, locale),
                     after(worst->recoveredSeconds, worst->atSeconds, locale),
                     locale.toString(qulonglong(worst->failedRequests)),
                     locale.toString(qulonglong(worst->writesLost))));
    }
}

void ResultsDock::fillCharts(const SimulationOutcome &outcome)
{
    const sim::SimulationResult &r = outcome.result;
    const sim::TimeSeries &s = r.series;
    // The series sum the replications: per second of one replication, their mean.
    const double share = r.replications > 0 ? 1.0 / r.replications : 1.0;
    const QList<TimeChart *> all = {mRequests, mLatency, mStaleness, mLag, mLostWrites};
    for (TimeChart *chart : all)
        chart->clear();

    QList<QPointF> ok;
    QList<QPointF> p50;
    QList<QPointF> p90;
    QList<QPointF> p99;
    QList<QPointF> stale;
    QList<QPointF> lag;
    const auto add = [](QList<QPointF> &line, const std::vector<double> &values, std::size_t i,
                        double t) {
        // A second with no successful request has no latency: a gap, not a zero.
        if (i < values.size() && std::isfinite(values[i]))
            line.append(QPointF(t, values[i]));
    };
    for (std::size_t i = 0; i < s.t.size(); ++i) {
        ok.append(QPointF(s.t[i], double(s.ok[i]) * share));
        add(p50, s.p50Ms, i, s.t[i]);
        add(p90, s.p90Ms, i, s.t[i]);
        add(p99, s.p99Ms, i, s.t[i]);
        add(stale, s.staleShare, i, s.t[i]);
        add(lag, s.replicationLagS, i, s.t[i]);
    }
    mRequests->addStacked(tr("ok"), ok, QColor(0x2e, 0x9a, 0x47));
    for (std::size_t c = 0; c < sim::failureCauseCount; ++c) {
        QList<QPointF> failed;
        bool any = false;
        for (std::size_t i = 0; i < s.t.size() && i < s.failedByCause.size(); ++i) {
            const double value = double(s.failedByCause[i][c]) * share;
            any = any || value > 0;
            failed.append(QPointF(s.t[i], value));
        }
        if (any)
            mRequests->addStacked(causeTitle(c), failed, causeColours[c]);
    }
    mLatency->addLine(tr("p50"), p50, QColor(0x2e, 0x9a, 0x47));
    mLatency->addLine(tr("p90"), p90, QColor(0xe6, 0x7e, 0x00));
    mLatency->addLine(tr("p99"), p99, QColor(0x1f, 0x6f, 0xd1));
    mStaleness->addLine(tr("dead address"), stale, QColor(0xe6, 0x7e, 0x00));
    mLag->addLine(tr("lag"), lag, QColor(0x1f, 0x6f, 0xd1));
    mLostWrites->addLine(tr("writes lost"), lostWritesOverTime(r),
                         QColor(0xd3, 0x2f, 0x2f));

    // Replication 0's incidents: what the per-second charts show happening.
    const double end = r.durationSeconds;
    for (const sim::Incident &incident : r.incidents) {
        if (incident.replication != 0)
            continue;
        const double to = incident.recoveredSeconds.value_or(end);
        for (TimeChart *chart : all)
            chart->addBand(incident.atSeconds, std::min(to, end), tr("incident"));
    }
    for (TimeChart *chart : all)
        chart->finish(end);
}

bool ResultsDock::exportTo(const QString &path, QString *error) const
{
    if (!mOutcome) {
        if (error)
            *error = tr("there is no simulation result to export yet");
        return false;
    }
    const QSize size(960, 380);
    QList<QPair<QString, QImage>> charts;
    for (const TimeChart *chart : {mRequests, mLatency, mStaleness, mLag, mLostWrites})
        charts.append({chart->chart()->title(), chart->picture(size)});
    return ResultsExport::write(path, *mOutcome, charts, tr("Simulation results"), error);
}

void ResultsDock::exportResults()
{
    if (!mOutcome)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Results"),
                                                      QStringLiteral("results.html"),
                                                      ResultsExport::nameFilters());
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export Results"), error);
}

ReportDialog *ResultsDock::report() const
{
    return mReport;
}

void ResultsDock::showReport()
{
    if (!mOutcome)
        return;
    if (!mReport) {
        mReport = new ReportDialog(
            tr("Simulation report"),
            QString::fromStdString(core::simulationSummaryText(mOutcome->result, mOutcome->model)),
            this);
        mReport->setAttribute(Qt::WA_DeleteOnClose);
    }
    mReport->show();
    mReport->raise();
}

} // namespace topolab::app
