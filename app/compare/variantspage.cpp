#include "variantspage.h"

#include "comparecolours.h"
#include "comparisontable.h"
#include "outcomestats.h"
#include "parameterpicker.h"

#include "document/stdstrings.h"
#include "results/timechart.h"
#include "simulation/simulationrun.h"
#include "simulation/sweeprun.h"

#include "core/io/diagnostic.h"
#include "core/io/topologyreader.h"
#include "core/simulation/simmodelbuilder.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace topolab::app {

VariantsPage::VariantsPage(QWidget *parent)
    : QWidget(parent)
    , mPicker(new ParameterPicker)
    , mValue(new QComboBox)
    , mAdd(new QPushButton(tr("&Add Change")))
    , mList(new QListWidget)
    , mRemove(new QPushButton(tr("Re&move")))
    , mFromFile(new QPushButton(tr("B from &File…")))
    , mClearFile(new QPushButton(tr("&Clear")))
    , mFileNote(new QLabel)
    , mReplications(new QSpinBox)
    , mSeed(new QLabel)
    , mRunButton(new QPushButton(tr("&Run Both")))
    , mStopButton(new QPushButton(tr("&Stop")))
    , mProgress(new QProgressBar)
    , mMessage(new QLabel)
    , mFailed(new TimeChart(tr("Requests failed per second"), tr("requests/s")))
    , mLatency(new TimeChart(tr("p99 latency (successful)"), tr("ms")))
    , mStaleness(new TimeChart(tr("Sent to a dead address"), tr("share")))
    , mTable(new QTableWidget)
    , mRun(new SweepRun(this))
{
    mValue->setObjectName(QStringLiteral("valueBox"));
    mValue->setMinimumContentsLength(14);
    mList->setObjectName(QStringLiteral("changeList"));
    mList->setMaximumHeight(mList->fontMetrics().height() * 4 + 8);
    mFromFile->setObjectName(QStringLiteral("fromFileButton"));
    mFromFile->setToolTip(tr("Take B from another topology file, for a change no parameter "
                             "expresses (another standby, another region)"));
    mClearFile->setObjectName(QStringLiteral("clearFileButton"));
    mClearFile->setEnabled(false);
    mFileNote->setObjectName(QStringLiteral("fileNote"));
    mFileNote->setWordWrap(true);
    mFileNote->hide();
    mReplications->setObjectName(QStringLiteral("replicationsBox"));
    mReplications->setRange(1, 1000);
    mReplications->setToolTip(tr("Runs of each variant; their spread gives the 95 % interval"));
    mRunButton->setObjectName(QStringLiteral("runButton"));
    mStopButton->setObjectName(QStringLiteral("stopButton"));
    mStopButton->setEnabled(false);
    mProgress->setRange(0, 1000);
    mProgress->setTextVisible(false);
    mProgress->setMaximumWidth(180);
    mProgress->hide();
    mMessage->setObjectName(QStringLiteral("message"));
    mMessage->setWordWrap(true);
    mMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mTable->setObjectName(QStringLiteral("summaryTable"));
    mTable->verticalHeader()->hide();
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setSelectionMode(QAbstractItemView::NoSelection);

    auto *pick = new QHBoxLayout;
    pick->addWidget(mPicker);
    pick->addWidget(new QLabel(tr("to")));
    pick->addWidget(mValue);
    pick->addWidget(mAdd);
    pick->addStretch(1);
    auto *list = new QHBoxLayout;
    list->addWidget(mList, 1);
    list->addWidget(mRemove, 0, Qt::AlignTop);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(mFromFile);
    fileRow->addWidget(mClearFile);
    fileRow->addWidget(mFileNote, 1);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(new QLabel(tr("Replications:")));
    runRow->addWidget(mReplications);
    runRow->addWidget(mSeed);
    runRow->addStretch(1);
    runRow->addWidget(mProgress);
    runRow->addWidget(mRunButton);
    runRow->addWidget(mStopButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Variant A:"), new QLabel(tr("the topology as drawn")));
    form->addRow(tr("Variant B: set"), pick);
    form->addRow(QString(), list);
    form->addRow(tr("or:"), fileRow);

    auto *charts = new QGridLayout;
    charts->addWidget(mFailed, 0, 0);
    charts->addWidget(mLatency, 0, 1);
    charts->addWidget(mStaleness, 1, 0);
    charts->addWidget(mTable, 1, 1);
    charts->setColumnStretch(0, 1);
    charts->setColumnStretch(1, 1);
    charts->setRowStretch(0, 1);
    charts->setRowStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(runRow);
    layout->addWidget(mMessage);
    layout->addLayout(charts, 1);

    connect(mPicker, &ParameterPicker::changed, this, &VariantsPage::pickerChanged);
    connect(mAdd, &QPushButton::clicked, this, &VariantsPage::addPickedChange);
    connect(mRemove, &QPushButton::clicked, this, &VariantsPage::removeSelectedChange);
    connect(mFromFile, &QPushButton::clicked, this, &VariantsPage::chooseFileForB);
    connect(mClearFile, &QPushButton::clicked, this, &VariantsPage::clearFileForB);
    connect(mRunButton, &QPushButton::clicked, this, [this] {
        QString why;
        if (!run(&why))
            mMessage->setText(why);
    });
    connect(mStopButton, &QPushButton::clicked, this, &VariantsPage::stop);
    connect(mRun, &SweepRun::progressed, this,
            [this](double fraction) { mProgress->setValue(int(fraction * 1000)); });
    connect(mRun, &SweepRun::pointFinished, this, &VariantsPage::showResult);
    connect(mRun, &SweepRun::finished, this, [this](bool completed) {
        setRunning(false);
        if (!completed)
            mMessage->setText(tr("Stopped."));
        else
            mMessage->clear();
        Q_EMIT finished(completed);
    });
}

void VariantsPage::setTopology(const core::Topology &topology)
{
    mTopology = topology;
    mPicker->setTopology(topology);
    // Changes whose owner is gone are dropped; the others are kept.
    std::erase_if(mChanges, [&](const core::ParamChange &change) {
        return !core::parseParamPath(change.path.text(), mTopology);
    });
    showChanges();
    const sim::ModelSpec model = core::buildSimModel(topology);
    if (!isRunning())
        mReplications->setValue(std::max(1, model.replications));
    mSeed->setText(tr("seed %1, the same for both").arg(model.seed));
}

void VariantsPage::selectComponent(const QString &id)
{
    mPicker->selectComponent(id);
}

void VariantsPage::pickerChanged()
{
    // The document changing while a value is being typed offers the same parameter again:
    // the value typed stays.
    const std::optional<core::ParamPath> picked = mPicker->path();
    if (picked && picked == mValuePath) {
        if (mValue->isEditable()) {
            const core::ParamValue now = core::currentValue(*picked, mTopology);
            mValue->lineEdit()->setPlaceholderText(tr("now %1").arg(
                toQString(core::describeValue(core::specOf(*picked, mTopology), now))));
        }
        return;
    }
    mValuePath = picked;
    mValue->clear();
    const core::ParamSpec *spec = mPicker->spec();
    if (!spec)
        return;
    const core::ParamValue now = core::currentValue(*mPicker->path(), mTopology);
    const QString nowText = toQString(core::formatParamValue(now));
    if (spec->type == core::ParamType::Choice || spec->type == core::ParamType::Boolean) {
        mValue->setEditable(false);
        const std::vector<std::string> words = spec->type == core::ParamType::Choice
                                                   ? spec->choices
                                                   : std::vector<std::string>{"true", "false"};
        for (const std::string &word : words)
            mValue->addItem(toQString(word));
        // The first value that is not the one drawn: what B would most likely try.
        for (int i = 0; i < mValue->count(); ++i) {
            if (mValue->itemText(i) != nowText) {
                mValue->setCurrentIndex(i);
                break;
            }
        }
    } else {
        mValue->setEditable(true);
        mValue->clearEditText();
        mValue->lineEdit()->setPlaceholderText(
            tr("now %1").arg(toQString(core::describeValue(*spec, now))));
    }
    mValue->setToolTip(
        spec->type == core::ParamType::Integer || spec->type == core::ParamType::Number
            ? tr("From %1 to %2 %3")
                  .arg(toQString(core::formatParamValue(spec->minimum)),
                       toQString(core::formatParamValue(spec->maximum)), toQString(spec->unit))
                  .trimmed()
            : QString());
}

void VariantsPage::addPickedChange()
{
    const std::optional<core::ParamPath> path = mPicker->path();
    if (!path)
        return;
    const auto value
        = core::parseParamValue(core::specOf(*path, mTopology), toStd(mValue->currentText()));
    if (!value) {
        mMessage->setText(toQString(value.error));
        return;
    }
    mMessage->clear();
    addChange({*path, *value.value});
}

void VariantsPage::addChange(const core::ParamChange &change)
{
    const auto same
        = std::find_if(mChanges.begin(), mChanges.end(),
                       [&](const core::ParamChange &c) { return c.path == change.path; });
    if (same != mChanges.end())
        *same = change;
    else
        mChanges.push_back(change);
    showChanges();
}

void VariantsPage::removeSelectedChange()
{
    const int row = mList->currentRow();
    if (row < 0 || row >= int(mChanges.size()))
        return;
    mChanges.erase(mChanges.begin() + row);
    showChanges();
}

void VariantsPage::showChanges()
{
    mList->clear();
    for (const core::ParamChange &change : mChanges) {
        auto *item = new QListWidgetItem(toQString(core::changeLabel(change, mTopology)));
        item->setToolTip(
            toQString(change.path.text() + "=" + core::formatParamValue(change.value)));
        mList->addItem(item);
    }
    if (mChanges.empty())
        mList->addItem(tr("(no change yet: pick a parameter and a value, then Add Change)"));
    mRemove->setEnabled(!mChanges.empty() && !mFileB);
}

bool VariantsPage::useFileForB(const QString &path, QString *error)
{
    const core::LoadResult loaded = core::loadTopologyFile(QFile::encodeName(path).toStdString());
    if (!loaded.ok()) {
        // The first few errors say what is wrong; the rest are a count.
        constexpr std::size_t shown = 5;
        QStringList lines;
        std::size_t errors = 0;
        for (const core::Diagnostic &d : loaded.diagnostics) {
            if (d.severity != core::Severity::Error)
                continue;
            if (++errors <= shown)
                lines.append(toQString(core::formatDiagnostic(d, toStd(path))));
        }
        if (errors > shown)
            lines.append(tr("… and %n more error(s)", nullptr, int(errors - shown)));
        if (lines.isEmpty())
            lines.append(tr("%1: cannot be read").arg(path));
        if (error)
            *error = lines.join(QLatin1Char('\n'));
        return false;
    }
    mFileB = *loaded.topology;
    mFileBPath = path;
    showSourceOfB();
    return true;
}

void VariantsPage::clearFileForB()
{
    mFileB.reset();
    mFileBPath.clear();
    showSourceOfB();
}

void VariantsPage::chooseFileForB()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Variant B from File"),
                                                      QFileInfo(mFileBPath).absolutePath(),
                                                      tr("Topolab files (*.topolab.yaml *.yaml)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!useFileForB(path, &error)) {
        QMessageBox box(QMessageBox::Warning, tr("Variant B from File"),
                        tr("%1 could not be loaded.").arg(QFileInfo(path).fileName()),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("fileForBRefused"));
        box.setInformativeText(error);
        box.exec();
        return;
    }
    mMessage->clear();
}

void VariantsPage::showSourceOfB()
{
    const bool fromFile = mFileB.has_value();
    for (QWidget *widget : {static_cast<QWidget *>(mPicker), static_cast<QWidget *>(mValue),
                            static_cast<QWidget *>(mAdd), static_cast<QWidget *>(mList)})
        widget->setEnabled(!fromFile);
    mRemove->setEnabled(!fromFile && !mChanges.empty());
    mClearFile->setEnabled(fromFile);
    mFileNote->setVisible(fromFile);
    mFileNote->setText(fromFile ? tr("B is %1; Clear to go back to parameter changes")
                                      .arg(QFileInfo(mFileBPath).fileName())
                                : QString());
    mFileNote->setToolTip(fromFile ? QDir::toNativeSeparators(mFileBPath) : QString());
}

bool VariantsPage::run(QString *why)
{
    const auto refuse = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    if (isRunning())
        return refuse(tr("A comparison is running."));
    if (const QStringList problems = SimulationRun::problems(mTopology); !problems.isEmpty())
        return refuse(tr("The topology cannot be simulated yet:") + QLatin1Char('\n')
                      + SimulationRun::bulleted(problems));
    core::Topology b;
    if (mFileB) {
        b = *mFileB;
    } else {
        // A value typed but not added yet is what the user means B to be.
        if (!mValue->currentText().trimmed().isEmpty() && mChanges.empty())
            addPickedChange();
        if (mChanges.empty())
            return refuse(tr("Pick at least one change for variant B: a parameter and its value."));
        core::Checked<core::Topology> changed = core::applyChanges(mTopology, mChanges);
        if (!changed)
            return refuse(toQString(changed.error));
        b = std::move(*changed.value);
    }
    if (const QStringList problems = SimulationRun::problems(b); !problems.isEmpty())
        return refuse(tr("Variant B cannot be simulated:") + QLatin1Char('\n')
                      + SimulationRun::bulleted(problems));

    core::SimOverrides overrides;
    bool seedChanged = false;
    bool replicationsChanged = false;
    // B from a file runs with A's seed and the replications asked for, whatever its scenario.
    if (!mFileB) {
        for (const core::ParamChange &change : mChanges) {
            if (change.path.scope == core::ParamPath::Scope::Scenario) {
                seedChanged = seedChanged || change.path.param == "seed";
                replicationsChanged = replicationsChanged || change.path.param == "replications";
            }
        }
    }
    if (!replicationsChanged)
        overrides.replications = mReplications->value();
    mRun->setCommonSeed(!seedChanged);
    if (mFileB) {
        mLabelA = tr("A: as drawn");
        mLabelB = tr("B: %1").arg(QFileInfo(mFileBPath).fileName());
    } else {
        mLabelA = tr("A: %1").arg(
            toQString(core::changesLabel(core::currentValues(mChanges, mTopology), mTopology)));
        mLabelB = tr("B: %1").arg(toQString(core::changesLabel(mChanges, mTopology)));
    }
    if (!mRun->start({mTopology, b}, overrides))
        return refuse(tr("The comparison could not start."));
    for (TimeChart *chart : {mFailed, mLatency, mStaleness})
        chart->clear();
    mTable->setRowCount(0);
    mMessage->setText(tr("Simulating %1 and %2…").arg(mLabelA, mLabelB));
    setRunning(true);
    return true;
}

void VariantsPage::stop()
{
    if (mRun->isRunning()) {
        mRun->cancel();
        mMessage->setText(tr("Stopping…"));
    }
}

bool VariantsPage::isRunning() const
{
    return mRun->isRunning();
}

void VariantsPage::setRunning(bool running)
{
    mRunButton->setEnabled(!running);
    mStopButton->setEnabled(running);
    mProgress->setVisible(running);
    mProgress->setValue(0);
}

void VariantsPage::showResult()
{
    const auto &outcomes = mRun->outcomes();
    for (TimeChart *chart : {mFailed, mLatency, mStaleness})
        chart->clear();
    double end = 0;
    QList<QPointF> spans; // incidents of both variants' charted replication, merged
    const QString labels[] = {mLabelA, mLabelB};
    for (std::size_t v = 0; v < outcomes.size() && v < 2; ++v) {
        if (!outcomes[v])
            continue;
        const sim::SimulationResult &r = outcomes[v]->result;
        const sim::TimeSeries &s = r.series;
        const double share = r.replications > 0 ? 1.0 / r.replications : 1.0;
        QList<QPointF> failed, p99, stale;
        for (std::size_t i = 0; i < s.t.size(); ++i) {
            failed.append(QPointF(s.t[i], double(s.failed[i]) * share));
            if (i < s.p99Ms.size())
                p99.append(QPointF(s.t[i], s.p99Ms[i]));
            if (i < s.staleShare.size())
                stale.append(QPointF(s.t[i], s.staleShare[i]));
        }
        const QColor colour = CompareColours::variant(int(v));
        const Qt::PenStyle style = v == 0 ? Qt::SolidLine : Qt::DashLine;
        mFailed->addLine(labels[v], failed, colour, style);
        mLatency->addLine(labels[v], p99, colour, style);
        mStaleness->addLine(labels[v], stale, colour, style);
        end = std::max(end, r.durationSeconds);
        for (const sim::Incident &incident : r.incidents) {
            if (incident.replication == 0)
                spans.append(QPointF(incident.atSeconds,
                                     std::min(incident.recoveredSeconds.value_or(r.durationSeconds),
                                              r.durationSeconds)));
        }
    }
    std::sort(spans.begin(), spans.end(),
              [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    QList<QPointF> merged;
    for (const QPointF &span : spans) {
        if (!merged.isEmpty() && span.x() <= merged.last().y())
            merged.last().setY(std::max(merged.last().y(), span.y()));
        else
            merged.append(span);
    }
    for (TimeChart *chart : {mFailed, mLatency, mStaleness}) {
        for (const QPointF &span : merged)
            chart->addBand(span.x(), span.y(), tr("incident"));
        chart->finish(end);
    }
    if (outcomes.size() == 2 && outcomes[0] && outcomes[1]) {
        ComparisonTable::fill(mTable, outcomeStats(outcomes[0]->result),
                              outcomeStats(outcomes[1]->result));
        // The variants' labels head their columns, cut short when several changes make them
        // long; the whole label is in the tooltip.
        const QString heads[] = {mLabelA, mLabelB};
        for (int column = 1; column <= 2; ++column) {
            const QString &label = heads[column - 1];
            auto *head
                = new QTableWidgetItem(label.size() > 36 ? label.left(35) + QChar(0x2026) : label);
            head->setToolTip(label);
            mTable->setHorizontalHeaderItem(column, head);
        }
        mTable->resizeColumnsToContents();
    }
}

} // namespace topolab::app
