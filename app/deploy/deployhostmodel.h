#pragma once

#include "deploysnapshot.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QList>
#include <QTimer>

namespace topolab::app {

// The Deploy panel's table: one row per host with the components it carries, the step it is
// at, how far it got, how long it has worked and its state; and each host's log as it came.
// Elapsed time counts from the host's first step of the current plan or deploy to its last,
// and ticks while it works. Owns the rows and the logs.
class DeployHostModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        HostColumn,
        ComponentsColumn,
        StepColumn,
        ProgressColumn,
        ElapsedColumn,
        StateColumn,
        ColumnCount
    };
    // ProgressColumn: the share done in [0, 1] under this role; -1 when there is nothing to show.
    static constexpr int ProgressRole = Qt::UserRole + 1;

    explicit DeployHostModel(QObject *parent = nullptr);

    // A new plan or deploy of these hosts: every row waiting; logs are kept for a deploy
    // (its lines follow the plan's), cleared for a plan.
    void start(const QStringList &hosts, bool keepLogs);
    // The components of each host, once the plan knows them.
    void setPlan(const PlanSnapshot &plan);
    void update(const DeployHostStatus &status);
    // How a deploy ended for each host.
    void finish(const QList<DeployHostResult> &results);
    void appendLog(const QString &host, const QString &lines);

    int rowOf(const QString &host) const;
    QString hostAt(int row) const;
    core::HostProgress::State state(const QString &host) const;
    QString step(const QString &host) const;
    QString message(const QString &host) const;
    QString log(const QString &host) const;
    // The components each host carries, by host.
    QHash<QString, QStringList> components() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void logAppended(const QString &host, const QString &lines);

private:
    struct Row
    {
        QString host;
        QStringList components;
        core::HostProgress::State state = core::HostProgress::State::Waiting;
        QString step;
        QString message;
        QString hint;
        int done = 0;
        int total = 0;
        double progress = -1;
        int expectedSteps = 0; // of a deploy, from the plan
        int stepsSeen = 0;
        QString lastStep;
        QElapsedTimer clock;   // valid from the first step of this run
        qint64 elapsedMs = -1; // frozen at the last step
        QString log;
    };
    static bool active(core::HostProgress::State state);
    static bool settled(core::HostProgress::State state);
    void changed(int row);
    void tick();

    QList<Row> mRows;
    bool mApplying = false;
    QTimer mTicker;
};

} // namespace topolab::app
