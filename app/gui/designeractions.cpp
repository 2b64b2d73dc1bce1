#include "designeractions.h"

#include "actionicons.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>
#include <QPalette>
#include <QToolBar>
#include <QUndoStack>

namespace topolab::app {

QAction *DesignerActions::make(const QString &text, const char *themeIcon)
{
    auto *action = new QAction(text, this);
    if (themeIcon)
        action->setIcon(QIcon::fromTheme(QString::fromLatin1(themeIcon)));
    return action;
}

DesignerActions::DesignerActions(QUndoStack *undoStack, QObject *parent)
    : QObject(parent)
    , mLinkStyles(new QActionGroup(this))
    , mAppearances(new QActionGroup(this))
{
    newBlank = make(tr("&Blank Canvas"), "document-new");
    newBlank->setShortcut(QKeySequence::New);
    newBlank->setStatusTip(tr("Start an empty topology"));
    newSingleRegion = make(tr("&Single Region"));
    newSingleRegion->setStatusTip(
        tr("Start from one region: DNS, two load balancers, app servers, a database pair"));
    newMultiRegion = make(tr("&Multi Region"));
    newMultiRegion->setStatusTip(
        tr("Start from two regions joined by a VPN, with cross-region replication"));
    open = make(tr("&Open…"), "document-open");
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a *.topolab.yaml file"));
    save = make(tr("&Save"), "document-save");
    save->setShortcut(QKeySequence::Save);
    save->setStatusTip(tr("Save the topology to its file"));
    saveAs = make(tr("Save &As…"), "document-save-as");
    // QKeySequence::SaveAs has no key on Windows.
    saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    exportPicture = make(tr("&Export Picture…"), "document-export");
    exportPicture->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportPicture->setStatusTip(
        tr("Save the canvas, or the selected part of it, as a PNG, SVG or PDF picture"));
    quit = make(tr("&Quit"), "application-exit");
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    undo = undoStack->createUndoAction(this, tr("&Undo"));
    undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    undo->setShortcut(QKeySequence::Undo);
    redo = undoStack->createRedoAction(this, tr("&Redo"));
    redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    // Spelled out: QKeySequence::Redo is Ctrl+Y on Windows, and a key an action holds twice is
    // ambiguous to Qt, which then triggers nothing.
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    cut = make(tr("Cu&t"), "edit-cut");
    cut->setShortcut(QKeySequence::Cut);
    copy = make(tr("&Copy"), "edit-copy");
    copy->setShortcut(QKeySequence::Copy);
    paste = make(tr("&Paste"), "edit-paste");
    paste->setShortcut(QKeySequence::Paste);
    duplicate = make(tr("D&uplicate"), "edit-copy");
    duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    duplicate->setStatusTip(tr("Copy the selection beside itself, with its internal links"));
    remove = make(tr("&Delete"), "edit-delete");
    remove->setShortcuts({QKeySequence(Qt::Key_Delete), QKeySequence(Qt::Key_Backspace)});
    remove->setStatusTip(tr("Delete the selection with its links; a region takes its members"));
    selectAll = make(tr("Select &All"), "edit-select-all");
    selectAll->setShortcut(QKeySequence::SelectAll);
    find = make(tr("&Find Component…"), "edit-find");
    find->setShortcut(QKeySequence::Find);
    find->setStatusTip(tr("Find a component or region by id or label and show it"));
    rename = make(tr("&Rename…"));
    rename->setShortcut(QKeySequence(Qt::Key_F2));
    rename->setStatusTip(tr("Change the id of the selected component; every reference follows"));
    alignLeft = make(tr("&Left Edges"), "align-horizontal-left");
    alignHorizontalCentre = make(tr("&Centres Vertically in a Column"), "align-horizontal-center");
    alignRight = make(tr("&Right Edges"), "align-horizontal-right");
    alignTop = make(tr("&Top Edges"), "align-vertical-top");
    alignVerticalCentre = make(tr("&Middles in a Row"), "align-vertical-center");
    alignBottom = make(tr("&Bottom Edges"), "align-vertical-bottom");
    distributeHorizontally = make(tr("Distribute &Horizontally"));
    distributeVertically = make(tr("Distribute &Vertically"));
    autoLayout = make(tr("&Arrange Automatically"));
    autoLayout->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    autoLayout->setStatusTip(
        tr("Lay out the selected regions, or everything, in tiers: DNS, load balancers, app "
           "servers, data, storage"));

    zoomIn = make(tr("Zoom &In"), "zoom-in");
    // Ctrl++ needs Shift on most layouts, so Ctrl+= zooms in as well.
    zoomIn->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    zoomOut = make(tr("Zoom &Out"), "zoom-out");
    zoomOut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    resetZoom = make(tr("&Actual Size"), "zoom-original");
    resetZoom->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    fitToView = make(tr("&Fit to View"), "zoom-fit-best");
    fitToView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    fitToView->setStatusTip(tr("Show the whole topology"));
    showGrid = make(tr("Show &Grid"));
    showGrid->setCheckable(true);
    snapToGrid = make(tr("&Snap to Grid"));
    snapToGrid->setCheckable(true);
    orthogonalLinks = make(tr("&Orthogonal Links"));
    straightLinks = make(tr("S&traight Links"));
    for (QAction *action : {orthogonalLinks, straightLinks}) {
        action->setCheckable(true);
        mLinkStyles->addAction(action);
    }
    showLegend = make(tr("Link &Legend"));
    showLegend->setCheckable(true);
    appearanceSystem = make(tr("&System Colours"));
    appearanceLight = make(tr("&Light"));
    appearanceDark = make(tr("&Dark"));
    for (QAction *action : {appearanceSystem, appearanceLight, appearanceDark}) {
        action->setCheckable(true);
        mAppearances->addAction(action);
    }

    runSimulation = make(tr("&Run Simulation"));
    runSimulation->setShortcut(QKeySequence(Qt::Key_F5));
    runSimulation->setStatusTip(
        tr("Simulate the topology's traffic and failures and show what users would see"));
    stopSimulation = make(tr("S&top Simulation"));
    stopSimulation->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    stopSimulation->setStatusTip(tr("Stop the simulation that is running"));
    stopSimulation->setEnabled(false);
    compareVariants = make(tr("&Compare Variants…"));
    compareVariants->setStatusTip(
        tr("Simulate the topology and a copy with some parameters changed, and overlay them"));
    parameterSweep = make(tr("Parameter S&weep…"));
    parameterSweep->setStatusTip(
        tr("Simulate the topology at several values of one parameter and chart what changes"));

    showSinglePoints = make(tr("Highlight &Single Points of Failure"), "dialog-warning");
    showSinglePoints->setCheckable(true);
    showSinglePoints->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    showSinglePoints->setStatusTip(tr("Ring every component whose loss alone stops the service"));
    analyze = make(tr("&Analyze Topology…"));
    analyze->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    analyze->setStatusTip(
        tr("Redundancy, reachability, capacity and deploy order of the current topology"));
    deployOrder = make(tr("Deploy &Order…"));
    deployOrder->setStatusTip(tr("The tiers a deploy would go through, in order"));

    canvasHelp = make(tr("&Canvas Basics"), "help-contents");
    canvasHelp->setShortcut(QKeySequence::HelpContents);
    about = make(tr("&About Topolab"), "help-about");
    about->setMenuRole(QAction::AboutRole);
}

void DesignerActions::applyIcons(const QPalette &palette)
{
    const std::pair<QAction *, const char *> art[] = {
        {newBlank, "document-new"},
        {open, "document-open"},
        {save, "document-save"},
        {undo, "edit-undo"},
        {redo, "edit-redo"},
        {remove, "edit-delete"},
        {cut, "edit-cut"},
        {copy, "edit-copy"},
        {paste, "edit-paste"},
        {duplicate, "edit-duplicate"},
        {zoomIn, "zoom-in"},
        {zoomOut, "zoom-out"},
        {fitToView, "zoom-fit-best"},
        {autoLayout, "arrange"},
        {find, "edit-find"},
        {showSinglePoints, "single-points"},
        {runSimulation, "simulate"},
        {stopSimulation, "simulate-stop"},
    };
    for (const auto &[action, name] : art)
        action->setIcon(ActionIcons::icon(QString::fromLatin1(name), palette));
}

void DesignerActions::addMenus(QMenuBar *menuBar)
{
    QMenu *file = menuBar->addMenu(tr("&File"));
    QMenu *templates = file->addMenu(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New"));
    templates->addAction(newBlank);
    templates->addSeparator();
    templates->addAction(newSingleRegion);
    templates->addAction(newMultiRegion);
    file->addAction(open);
    mRecentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(save);
    file->addAction(saveAs);
    file->addSeparator();
    file->addAction(exportPicture);
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = menuBar->addMenu(tr("&Edit"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(cut);
    edit->addAction(copy);
    edit->addAction(paste);
    edit->addAction(duplicate);
    edit->addAction(remove);
    edit->addSeparator();
    edit->addAction(selectAll);
    edit->addAction(find);
    edit->addAction(rename);
    edit->addSeparator();
    QMenu *align = edit->addMenu(tr("A&lign"));
    align->addAction(alignLeft);
    align->addAction(alignHorizontalCentre);
    align->addAction(alignRight);
    align->addSeparator();
    align->addAction(alignTop);
    align->addAction(alignVerticalCentre);
    align->addAction(alignBottom);
    align->addSeparator();
    align->addAction(distributeHorizontally);
    align->addAction(distributeVertically);
    edit->addAction(autoLayout);

    mViewMenu = menuBar->addMenu(tr("&View"));
    mViewMenu->addAction(zoomIn);
    mViewMenu->addAction(zoomOut);
    mViewMenu->addAction(resetZoom);
    mViewMenu->addAction(fitToView);
    mViewMenu->addSeparator();
    mViewMenu->addAction(showGrid);
    mViewMenu->addAction(snapToGrid);
    mViewMenu->addSeparator();
    mViewMenu->addAction(orthogonalLinks);
    mViewMenu->addAction(straightLinks);
    mViewMenu->addAction(showLegend);
    mViewMenu->addSeparator();
    QMenu *appearance = mViewMenu->addMenu(tr("&Appearance"));
    appearance->addAction(appearanceSystem);
    appearance->addAction(appearanceLight);
    appearance->addAction(appearanceDark);
    mPanelsMenu = mViewMenu->addMenu(tr("&Panels"));

    QMenu *simulate = menuBar->addMenu(tr("&Simulate"));
    simulate->addAction(runSimulation);
    simulate->addAction(stopSimulation);
    simulate->addSeparator();
    simulate->addAction(compareVariants);
    simulate->addAction(parameterSweep);
    simulate->addSeparator();
    simulate->addAction(showSinglePoints);
    simulate->addAction(analyze);

    QMenu *deploy = menuBar->addMenu(tr("&Deploy"));
    deploy->addAction(deployOrder);

    QMenu *help = menuBar->addMenu(tr("&Help"));
    help->addAction(canvasHelp);
    help->addAction(about);
}

void DesignerActions::addToolBarActions(QToolBar *toolBar) const
{
    toolBar->addAction(newBlank);
    toolBar->addAction(open);
    toolBar->addAction(save);
    toolBar->addSeparator();
    toolBar->addAction(undo);
    toolBar->addAction(redo);
    toolBar->addSeparator();
    toolBar->addAction(remove);
    toolBar->addAction(autoLayout);
    toolBar->addSeparator();
    toolBar->addAction(zoomOut);
    toolBar->addAction(zoomIn);
    toolBar->addAction(fitToView);
    toolBar->addSeparator();
    toolBar->addAction(showSinglePoints);
    toolBar->addAction(runSimulation);
    toolBar->addAction(stopSimulation);
}

} // namespace topolab::app
