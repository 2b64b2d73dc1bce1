#include "componenttable.h"

#include "document/stdstrings.h"

#include <QHeaderView>
#include <QLocale>

namespace topolab::app {

namespace {

// Shows a formatted number and sorts by the number itself, not by its text.
class NumberItem : public QTableWidgetItem
{
public:
    NumberItem(double value, const QString &text)
        : QTableWidgetItem(text)
        , mValue(value)
    {
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }

    bool operator<(const QTableWidgetItem &other) const override
    {
        if (const auto *number = dynamic_cast<const NumberItem *>(&other))
            return mValue < number->mValue;
        return QTableWidgetItem::operator<(other);
    }

private:
    double mValue;
};

bool queues(const std::string &kind)
{
    return kind == "app_server" || kind == "database";
}

} // namespace

ComponentTable::ComponentTable(QWidget *parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("componentTable"));
    setHorizontalHeaderLabels({tr("Component"), tr("Kind"), tr("Utilisation"), tr("Mean queue"),
                               tr("Served"), tr("Failed"), tr("Down (s)")});
    horizontalHeaderItem(Utilization)
        ->setToolTip(tr("Busy share of its workers (app servers) or cpus (databases)"));
    horizontalHeaderItem(Queue)->setToolTip(tr("Mean number of requests waiting"));
    horizontalHeaderItem(Served)
        ->setToolTip(tr("Requests it served; queries for a database; all replications"));
    horizontalHeaderItem(Failed)->setToolTip(tr("Requests that failed there; all replications"));
    horizontalHeaderItem(Down)
        ->setToolTip(tr("Time crashed or silent in the measured period, mean per replication"));
    setEditTriggers(NoEditTriggers);
    setSelectionBehavior(SelectRows);
    setSelectionMode(SingleSelection);
    setAlternatingRowColors(true);
    // The file's order until the user picks a column.
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
    verticalHeader()->hide();
    // Numbers stay close to their names; the id column takes what is left.
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Id, QHeaderView::Stretch);
    connect(this, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (const QTableWidgetItem *id = item(row, Id))
            Q_EMIT componentActivated(id->text());
    });
}

void ComponentTable::showResult(const sim::SimulationResult &result)
{
    const QLocale locale;
    setSortingEnabled(false);
    clearContents();
    setRowCount(int(result.components.size()));
    int row = 0;
    for (const sim::ComponentResult &c : result.components) {
        setItem(row, Id, new QTableWidgetItem(toQString(c.id)));
        setItem(row, Kind, new QTableWidgetItem(toQString(c.kind).replace(QLatin1Char('_'),
                                                                           QLatin1Char(' '))));
        const bool busy = queues(c.kind);
        setItem(row, Utilization,
                new NumberItem(busy ? c.utilization : -1,
                               busy ? locale.toString(c.utilization * 100, 'f', 1)
                                          + QStringLiteral(" %")
                                    : QStringLiteral("–")));
        setItem(row, Queue, new NumberItem(busy ? c.meanQueue : -1,
                                           busy ? locale.toString(c.meanQueue, 'f', 2)
                                                : QStringLiteral("–")));
        setItem(row, Served, new NumberItem(double(c.served), locale.toString(qulonglong(c.served))));
        setItem(row, Failed, new NumberItem(double(c.failed), locale.toString(qulonglong(c.failed))));
        setItem(row, Down, new NumberItem(c.downSeconds, locale.toString(c.downSeconds, 'f', 0)));
        ++row;
    }
    setSortingEnabled(true); // by the column the user picked, if any
}

int ComponentTable::rowOf(const QString &id) const
{
    for (int row = 0; row < rowCount(); ++row)
        if (item(row, Id) && item(row, Id)->text() == id)
            return row;
    return -1;
}

} // namespace topolab::app
