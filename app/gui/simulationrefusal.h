#pragma once

#include <QString>
#include <QStringList>

class QMessageBox;
class QWidget;

namespace topolab::app {

// The box that says why a document cannot be simulated yet (a run, a comparison, a sweep), with
// SimulationRun::problems() as a list. Deletes itself when closed; the caller names it, may add
// buttons, and opens it.
QMessageBox *simulationRefusal(const QString &documentName, const QStringList &problems,
                               QWidget *parent);

} // namespace topolab::app
