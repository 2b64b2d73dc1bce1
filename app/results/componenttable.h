#pragma once

#include "sim/run/simulationresult.h"

#include <QTableWidget>

namespace topolab::app {

// What each component did over a run, one row per component: how busy it was, its mean queue,
// what it served and failed, and how long it was down. Sorts by any column (numbers as
// numbers); activating a row names the component so the canvas can show it.
class ComponentTable : public QTableWidget
{
    Q_OBJECT

public:
    enum Column { Id, Kind, Utilization, Queue, Served, Failed, Down, ColumnCount };

    explicit ComponentTable(QWidget *parent = nullptr);

    void showResult(const sim::SimulationResult &result);
    // The row of a component, or -1.
    int rowOf(const QString &id) const;

Q_SIGNALS:
    void componentActivated(const QString &id);
};

} // namespace topolab::app
