#include "deployhostmodel.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

namespace topolab::app {

using State = core::HostProgress::State;

DeployHostModel::DeployHostModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    mTicker.setInterval(200);
    connect(&mTicker, &QTimer::timeout, this, &DeployHostModel::tick);
}

bool DeployHostModel::active(State state)
{
    return state == State::Reading || state == State::Working;
}

bool DeployHostModel::settled(State state)
{
    return !active(state) && state != State::Waiting;
}

void DeployHostModel::start(const QStringList &hosts, bool keepLogs)
{
    QHash<QString, Row> old;
    for (const Row &row : std::as_const(mRows))
        old.insert(row.host, row);
    beginResetModel();
    mRows.clear();
    for (const QString &host : hosts) {
        Row row;
        row.host = host;
        const auto previous = old.constFind(host);
        row.components = previous != old.constEnd() && !previous->components.isEmpty()
                             ? previous->components
                             : QStringList{host};
        if (keepLogs && previous != old.constEnd()) {
            row.log = previous->log;
            row.expectedSteps = previous->expectedSteps;
        }
        mRows.append(row);
    }
    mApplying = keepLogs;
    endResetModel();
}

void DeployHostModel::setPlan(const PlanSnapshot &plan)
{
    for (int i = 0; i < mRows.size(); ++i) {
        if (const HostPlanView *view = plan.host(mRows[i].host)) {
            mRows[i].components = view->components;
            // What a deploy reports as it goes: each upload, the swap, each task, each service
            // action and its health check.
            int steps = 0;
            for (const PlanEntry &entry : view->entries) {
                switch (entry.kind) {
                case PlanEntry::Kind::Add:
                case PlanEntry::Kind::Change:
                case PlanEntry::Kind::Task:
                    steps += 1;
                    break;
                case PlanEntry::Kind::Service:
                    steps += 2;
                    break;
                case PlanEntry::Kind::Mode:
                case PlanEntry::Kind::Missing:
                    break;
                }
            }
            mRows[i].expectedSteps = view->changes ? steps + 1 : 0;
            if (!view->hint.isEmpty())
                mRows[i].hint = view->hint;
            changed(i);
        }
    }
}

void DeployHostModel::update(const DeployHostStatus &status)
{
    const int i = rowOf(status.host);
    if (i < 0)
        return;
    Row &row = mRows[i];
    const bool wasActive = active(row.state);
    row.state = status.state;
    row.step = status.step;
    if (!status.message.isEmpty())
        row.message = status.message;
    row.done = status.done;
    row.total = status.total;
    if (active(status.state) && !row.clock.isValid())
        row.clock.start();
    if (status.state == State::Working && !status.step.isEmpty() && status.step != row.lastStep) {
        ++row.stepsSeen;
        row.lastStep = status.step;
    }
    if (status.state == State::Working && row.expectedSteps > 0)
        // Steps seen of those the plan foresees; never full before the host is done.
        row.progress = std::min(0.95, double(row.stepsSeen) / row.expectedSteps);
    else if (status.state == State::Working && status.total > 0)
        row.progress = double(status.done) / status.total;
    else if (status.state == State::Done)
        row.progress = 1;
    else if (status.state == State::Unchanged)
        row.progress = -1; // nothing was done: no bar
    else if (!mApplying && status.state == State::Planned)
        row.progress = -1;
    // Stopped when the host stops working, not when the run tells it again at the end.
    if (settled(status.state) && row.clock.isValid() && (wasActive || row.elapsedMs < 0))
        row.elapsedMs = row.clock.elapsed();
    else if (active(status.state))
        row.elapsedMs = -1;
    if (active(status.state) && !mTicker.isActive())
        mTicker.start();
    changed(i);
}

void DeployHostModel::finish(const QList<DeployHostResult> &results)
{
    for (const DeployHostResult &result : results) {
        const int i = rowOf(result.host);
        if (i < 0)
            continue;
        Row &row = mRows[i];
        row.state = result.state;
        row.step.clear();
        row.message = result.message;
        row.hint = result.hint;
        if (row.clock.isValid() && row.elapsedMs < 0)
            row.elapsedMs = row.clock.elapsed();
        if (result.state == State::Done)
            row.progress = 1;
        else if (result.state == State::Unchanged)
            row.progress = -1;
        changed(i);
    }
    mTicker.stop();
}

void DeployHostModel::appendLog(const QString &host, const QString &lines)
{
    const int i = rowOf(host);
    if (i < 0)
        return;
    mRows[i].log += lines;
    Q_EMIT logAppended(host, lines);
}

int DeployHostModel::rowOf(const QString &host) const
{
    for (int i = 0; i < mRows.size(); ++i) {
        if (mRows[i].host == host)
            return i;
    }
    return -1;
}

QString DeployHostModel::hostAt(int row) const
{
    return row >= 0 && row < mRows.size() ? mRows[row].host : QString();
}

State DeployHostModel::state(const QString &host) const
{
    const int i = rowOf(host);
    return i < 0 ? State::Waiting : mRows[i].state;
}

QString DeployHostModel::step(const QString &host) const
{
    const int i = rowOf(host);
    return i < 0 ? QString() : mRows[i].step;
}

QString DeployHostModel::message(const QString &host) const
{
    const int i = rowOf(host);
    return i < 0 ? QString() : mRows[i].message;
}

QString DeployHostModel::log(const QString &host) const
{
    const int i = rowOf(host);
    return i < 0 ? QString() : mRows[i].log;
}

QHash<QString, QStringList> DeployHostModel::components() const
{
    QHash<QString, QStringList> out;
    for (const Row &row : mRows)
        out.insert(row.host, row.components);
    return out;
}

int DeployHostModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mRows.size());
}

int DeployHostModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeployHostModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mRows.size())
        return {};
    const Row &row = mRows[index.row()];
    const auto mark = deployMark(row.state);
    switch (index.column()) {
    case HostColumn:
        if (role == Qt::DisplayRole)
            return row.host;
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case ComponentsColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return row.components.join(QStringLiteral(", "));
        break;
    case StepColumn: {
        // A step while it works; why, once it failed or was skipped.
        QString text = row.step;
        if (text.isEmpty() && row.state != State::Done && row.state != State::Unchanged) {
            // "app-3: the connection was lost": the row already names the host.
            text = row.message;
            if (text.startsWith(row.host + QLatin1String(": ")))
                text.remove(0, row.host.size() + 2);
        }
        if (row.total > 0 && !row.step.isEmpty())
            text += QStringLiteral(" (%1/%2)").arg(row.done).arg(row.total);
        if (role == Qt::DisplayRole)
            return text;
        if (role == Qt::ToolTipRole) {
            QString tip = text;
            if (!row.hint.isEmpty() && settled(row.state) && row.state != State::Done)
                tip += QStringLiteral("\n") + row.hint;
            return tip;
        }
        break;
    }
    case ProgressColumn:
        if (role == ProgressRole)
            return row.progress;
        if (role == Qt::ToolTipRole && row.total > 0)
            return tr("%1 of %2 steps").arg(row.done).arg(row.total);
        break;
    case ElapsedColumn:
        if (role == Qt::DisplayRole) {
            const qint64 ms = row.elapsedMs >= 0    ? row.elapsedMs
                              : row.clock.isValid() ? row.clock.elapsed()
                                                    : -1;
            return ms < 0 ? QString() : tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
        }
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return deployStateName(row.state);
        if (role == Qt::DecorationRole && mark)
            return DeployBadge::icon(*mark);
        if (role == Qt::ForegroundRole && mark && *mark != DeployMark::Unchanged)
            return DeployBadge::colour(*mark);
        if (role == Qt::ToolTipRole && !row.message.isEmpty())
            return row.message;
        break;
    default:
        break;
    }
    return {};
}

QVariant DeployHostModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case ComponentsColumn:
        return tr("Components");
    case StepColumn:
        return tr("Step");
    case ProgressColumn:
        return tr("Progress");
    case ElapsedColumn:
        return tr("Elapsed");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

void DeployHostModel::changed(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void DeployHostModel::tick()
{
    bool any = false;
    for (int i = 0; i < mRows.size(); ++i) {
        if (active(mRows[i].state)) {
            any = true;
            Q_EMIT dataChanged(index(i, ElapsedColumn), index(i, ElapsedColumn));
        }
    }
    if (!any)
        mTicker.stop();
}

} // namespace topolab::app
