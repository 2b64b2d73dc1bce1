#include "simulationrefusal.h"

#include "simulation/simulationrun.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace topolab::app {

namespace {

// The translation context of the box's texts.
class SimulationRefusal
{
    Q_DECLARE_TR_FUNCTIONS(SimulationRefusal)
};

} // namespace

QMessageBox *simulationRefusal(const QString &documentName, const QStringList &problems,
                               QWidget *parent)
{
    auto *box = new QMessageBox(
        QMessageBox::Warning, SimulationRefusal::tr("Cannot simulate yet"),
        SimulationRefusal::tr("%1 cannot be simulated yet. Fix these first (the Issues panel "
                              "lists them too):")
            .arg(documentName),
        QMessageBox::Ok, parent);
    box->setInformativeText(SimulationRun::bulleted(problems));
    box->setAttribute(Qt::WA_DeleteOnClose);
    return box;
}

} // namespace topolab::app
