#include "comparecontrol.h"

#include "canvas/designscene.h"
#include "document/stdstrings.h"
#include "document/topologydocument.h"
#include "gui/designeractions.h"
#include "gui/simulationrefusal.h"
#include "simulation/simulationrun.h"

#include <QAction>
#include <QMessageBox>

namespace topolab::app {

CompareControl::CompareControl(TopologyDocument *document, DesignScene *scene,
                               DesignerActions *actions, QWidget *window)
    : QObject(window)
    , mDocument(document)
    , mScene(scene)
    , mWindow(window)
{
    connect(actions->compareVariants, &QAction::triggered, this,
            [this] { open(CompareWindow::Tab::Variants); });
    connect(actions->parameterSweep, &QAction::triggered, this,
            [this] { open(CompareWindow::Tab::Sweep); });
    // What the window offers follows the document; what runs is the copy taken at Run.
    for (auto signal : {&TopologyDocument::componentAdded, &TopologyDocument::componentRemoved,
                        &TopologyDocument::componentChanged})
        connect(mDocument, signal, this, &CompareControl::refresh);
    connect(mDocument, &TopologyDocument::idRenamed, this, &CompareControl::refresh);
    connect(mDocument, &TopologyDocument::sectionsChanged, this, &CompareControl::refresh);
    connect(mDocument, &TopologyDocument::topologyReset, this, &CompareControl::refresh);
}

CompareControl::~CompareControl()
{
    delete mCompare;
}

void CompareControl::open(CompareWindow::Tab tab)
{
    const QStringList problems = SimulationRun::problems(mDocument->topology());
    if (!problems.isEmpty()) {
        QMessageBox *box = simulationRefusal(mDocument->displayName(), problems, mWindow);
        box->setObjectName(QStringLiteral("compareRefused"));
        box->open();
        return;
    }
    if (!mCompare)
        mCompare = new CompareWindow(mWindow);
    mCompare->setTopology(mDocument->topology(), mDocument->displayName());
    for (const QString &id : mScene->selectedIds()) {
        if (mDocument->topology().component(toStd(id))) {
            mCompare->selectComponent(id);
            break;
        }
    }
    mCompare->showTab(tab);
    mCompare->show();
    mCompare->raise();
    mCompare->activateWindow();
}

void CompareControl::refresh()
{
    if (mCompare && mCompare->isVisible())
        mCompare->setTopology(mDocument->topology(), mDocument->displayName());
}

} // namespace topolab::app
