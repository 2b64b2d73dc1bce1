#include "mainwindow.h"

#include "appearance.h"
#include "designeractions.h"
#include "documentfiles.h"
#include "findbar.h"
#include "pictureexportdialog.h"
#include "reportdialog.h"
#include "simulationcontrol.h"
#include "results/resultsdock.h"
#include "scenario/scenariodock.h"
#include "statusindicators.h"

#include "canvas/canvaseditor.h"
#include "compare/comparecontrol.h"
#include "deploy/deployactions.h"
#include "deploy/deploycontrol.h"
#include "deploy/deploydock.h"
#include "deploy/hostseditdialog.h"
#include "canvas/designscene.h"
#include "canvas/designview.h"
#include "designer/autosave.h"
#include "designer/historydock.h"
#include "designer/inspectordock.h"
#include "designer/issuespanel.h"
#include "designer/minimapview.h"
#include "designer/palettecatalog.h"
#include "designer/palettedock.h"
#include "designer/recentfiles.h"
#include "document/stdstrings.h"
#include "document/topologydocument.h"

#include "core/analysis/analysisreport.h"
#include "core/analysis/reportformat.h"

#include <topolab/version.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

namespace topolab::app {

namespace {

// Raised when the docks' names or set change: a layout saved for other docks is not restored.
constexpr int dockLayoutVersion = 4;

constexpr int messageTimeout = 6000;


} // namespace

MainWindow::MainWindow(const QString &autosaveDirectory, QWidget *parent)
    : QMainWindow(parent)
    , mDocument(new TopologyDocument(this))
    , mScene(new DesignScene(mDocument, this))
    , mView(new DesignView(mScene))
    , mEditor(new CanvasEditor(mScene, mView, this))
    , mFindBar(new FindBar(mDocument))
    , mActions(new DesignerActions(mDocument->undoStack(), this))
    , mRecent(new RecentFiles(*new QSettings(this), this))
    , mFiles(new DocumentFiles(mDocument, mRecent, this,
                               autosaveDirectory.isEmpty() ? Autosave::defaultDirectory()
                                                           : autosaveDirectory))
    , mPalette(new PaletteDock(this))
    , mInspector(new InspectorDock(this))
    , mIssues(new IssuesPanel(this))
    , mHistory(new HistoryDock(this))
    , mMinimap(new MinimapView)
    , mMinimapDock(new QDockWidget(tr("Overview"), this))
    , mToolBar(new QToolBar(tr("Main Toolbar"), this))
    , mIndicators(new StatusIndicators(mDocument, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    auto *centre = new QWidget(this);
    auto *layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(mFindBar);
    layout->addWidget(mView, 1);
    mFindBar->setParent(centre);
    mView->setParent(centre);
    mFindBar->hide();
    setCentralWidget(centre);

    mResults = new ResultsDock(this);
    mScenario = new ScenarioDock(this);
    mDeployDock = new DeployDock(this);
    createDocks();
    mActions->addMenus(menuBar());
    mActions->applyIcons(palette());
    mToolBar->setObjectName(QStringLiteral("mainToolBar"));
    mToolBar->setIconSize(QSize(20, 20));
    mActions->addToolBarActions(mToolBar);
    addToolBar(Qt::TopToolBarArea, mToolBar);
    QMenu *panels = mActions->panelsMenu();
    panels->addAction(mToolBar->toggleViewAction());
    for (QDockWidget *dock :
         {static_cast<QDockWidget *>(mPalette), static_cast<QDockWidget *>(mInspector),
          static_cast<QDockWidget *>(mIssues), static_cast<QDockWidget *>(mHistory), mMinimapDock,
          static_cast<QDockWidget *>(mResults), static_cast<QDockWidget *>(mScenario),
          static_cast<QDockWidget *>(mDeployDock)})
        panels->addAction(dock->toggleViewAction());
    statusBar()->addPermanentWidget(mIndicators);
    mSimulation
        = new SimulationControl(mDocument, mScene, mActions, mResults, statusBar(), this);
    connect(mSimulation, &SimulationControl::clientGroupsWanted, mScenario,
            &ScenarioDock::showClientGroups);
    mCompare = new CompareControl(mDocument, mScene, mActions, this);
    mDeploy = new DeployControl(mDocument, mScene, mDeployDock, this);
    mDeploy->setSaveAs([this] { return mFiles->saveAs(); });
    // Plan, Deploy… and Cancel head the Deploy menu.
    for (QObject *holder : mActions->deployOrder->associatedObjects()) {
        if (auto *menu = qobject_cast<QMenu *>(holder))
            mDeploy->actions()->addTo(menu);
    }
    connect(mDeploy, &DeployControl::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, messageTimeout); });
    // Hosts… ends the Deploy menu: where each component goes, and whether it can be reached.
    for (QObject *holder : mActions->deployOrder->associatedObjects()) {
        if (auto *menu = qobject_cast<QMenu *>(holder)) {
            menu->addSeparator();
            menu->addAction(tr("&Hosts…"), this,
                            [this] { HostsEditDialog::showFor(mDocument, this); })
                ->setObjectName(QStringLiteral("deployHosts"));
        }
    }

    connectActions();
    restoreSettings();
    updateRecentMenu();
    updateTitle();
    updateEditActions();
    // A window that opens with no file starts on a blank canvas, ready to draw on.
    QTimer::singleShot(0, mView, &DesignView::fitToView);
}

// Everything that listens to the document goes before it, in the order of who listens to whom;
// left to QObject, the document (the first child) would go first and the scene's last
// selection change would reach a window whose document is gone.
MainWindow::~MainWindow()
{
    // A run still going is stopped first: it reports to the canvas and the status bar.
    delete mSimulation;
    delete mCompare;
    delete mDeploy;
    mScene->disconnect(this);
    delete centralWidget();
    delete mScene;
    delete mMinimapDock;
    delete mPalette;
    delete mInspector;
    delete mIssues;
    delete mHistory;
    delete mScenario;
    delete mResults;
    delete mDeployDock;
    delete mIndicators;
    delete mFiles;
    delete mDocument;
}

void MainWindow::createDocks()
{
    mInspector->setDocument(mDocument);
    mIssues->setDocument(mDocument);
    mHistory->setStack(mDocument->undoStack());
    mScenario->setDocument(mDocument);
    mMinimapDock->setObjectName(QStringLiteral("minimapDock"));
    mMinimapDock->setWidget(mMinimap);
    mMinimap->setSourceView(mView);

    // The palette runs the full height on the left; the panels under the canvas reach the
    // right edge, under the inspector, so that charts and the failure timeline get the width.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, mPalette);
    addDockWidget(Qt::LeftDockWidgetArea, mMinimapDock);
    addDockWidget(Qt::RightDockWidgetArea, mInspector);
    addDockWidget(Qt::BottomDockWidgetArea, mIssues);
    addDockWidget(Qt::BottomDockWidgetArea, mHistory);
    addDockWidget(Qt::BottomDockWidgetArea, mResults);
    tabifyDockWidget(mIssues, mHistory);
    tabifyDockWidget(mHistory, mResults);
    tabifyDockWidget(mResults, mScenario);
    tabifyDockWidget(mScenario, mDeployDock);
    mIssues->raise();
    resizeDocks({mPalette, mInspector}, {210, 290}, Qt::Horizontal);
    resizeDocks({mIssues}, {150}, Qt::Vertical);
    resizeDocks({mPalette, mMinimapDock}, {520, 170}, Qt::Vertical);
}

void MainWindow::connectActions()
{
    connectFileActions();
    connectEditActions();
    connectViewActions();

    DesignerActions *a = mActions;
    connect(a->showSinglePoints, &QAction::toggled, this, [this](bool shown) {
        mScene->setSinglePointsShown(shown);
        const QStringList points = mScene->singlePoints();
        if (shown) {
            statusBar()->showMessage(
                points.isEmpty()
                    ? tr("No single point of failure: every component on "
                         "the request path has an alternative")
                    : tr("Single points of failure: %1").arg(points.join(QStringLiteral(", "))),
                messageTimeout);
        }
    });
    connect(a->analyze, &QAction::triggered, this, &MainWindow::showAnalysis);
    connect(a->deployOrder, &QAction::triggered, this, &MainWindow::showDeployOrder);
    connect(a->canvasHelp, &QAction::triggered, this, &MainWindow::showCanvasHelp);
    connect(a->about, &QAction::triggered, this, &MainWindow::showAbout);

    connect(mDocument, &TopologyDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(mDocument, &TopologyDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(mDocument, &TopologyDocument::topologyReset, this, &MainWindow::documentReset);
    connect(mDocument, &TopologyDocument::diagnosticsChanged, this, &MainWindow::updateEditActions);
    connect(mScene, &QGraphicsScene::selectionChanged, this, &MainWindow::selectionChanged);
    connect(mScene, &DesignScene::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, messageTimeout); });
    connect(mEditor, &CanvasEditor::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, messageTimeout); });
    connect(mFiles, &DocumentFiles::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, messageTimeout); });
    connect(mScenario, &ScenarioDock::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, messageTimeout); });
    connect(mFiles, &DocumentFiles::loadFailed, this,
            [this](const QString &path, const std::vector<core::Diagnostic> &errors) {
                mIssues->showLoadErrors(path, errors);
                mIssues->show();
                mIssues->raise();
            });
    connect(mRecent, &RecentFiles::changed, this, &MainWindow::updateRecentMenu);
    connect(mPalette, &PaletteDock::kindActivated, mEditor, &CanvasEditor::addKind);
    connect(mIssues, &IssuesPanel::elementActivated, mView, &DesignView::focusElement);
    connect(mScenario, &ScenarioDock::elementActivated, mView, &DesignView::focusElement);
    connect(mFindBar, &FindBar::elementFound, mView, &DesignView::focusElement);
    connect(mResults, &ResultsDock::componentActivated, mView, &DesignView::focusElement);
    connect(mFindBar, &FindBar::closed, mView, qOverload<>(&QWidget::setFocus));
    connect(mView, &DesignView::zoomChanged, mIndicators, &StatusIndicators::setZoom);
    connect(mView, &DesignView::contextMenuRequested, this, &MainWindow::showCanvasMenu);
    connect(mView, &DesignView::elementDoubleClicked, this, [this](const QString &id) {
        // As in drawing tools, a double click goes to the element's name.
        mScene->selectIds({id});
        mInspector->show();
        mInspector->raise();
        mInspector->labelEdit()->setFocus(Qt::MouseFocusReason);
        mInspector->labelEdit()->selectAll();
    });
    connect(mView, &DesignView::filesDropped, this,
            [this](const QStringList &paths) { openDropped(paths.constFirst()); });
    connect(mIndicators, &StatusIndicators::issuesClicked, this, [this] {
        mIssues->show();
        mIssues->raise();
    });
    connect(mIndicators, &StatusIndicators::zoomRequested, this, [this](qreal zoom) {
        if (zoom <= 0)
            mView->fitToView();
        else
            mView->setZoom(zoom);
    });
    connect(QApplication::clipboard(), &QClipboard::dataChanged, this,
            &MainWindow::updateEditActions);
}

void MainWindow::connectFileActions()
{
    DesignerActions *a = mActions;
    connect(a->newBlank, &QAction::triggered, this,
            [this] { mFiles->newFromTemplate(TopologyDocument::Template::Blank); });
    connect(a->newSingleRegion, &QAction::triggered, this,
            [this] { mFiles->newFromTemplate(TopologyDocument::Template::SingleRegion); });
    connect(a->newMultiRegion, &QAction::triggered, this,
            [this] { mFiles->newFromTemplate(TopologyDocument::Template::MultiRegion); });
    connect(a->open, &QAction::triggered, mFiles, &DocumentFiles::showOpenDialog);
    connect(a->save, &QAction::triggered, mFiles, &DocumentFiles::save);
    connect(a->saveAs, &QAction::triggered, mFiles, &DocumentFiles::saveAs);
    connect(a->exportPicture, &QAction::triggered, this, &MainWindow::showExportDialog);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::connectEditActions()
{
    DesignerActions *a = mActions;
    connect(a->cut, &QAction::triggered, mEditor, &CanvasEditor::cut);
    connect(a->copy, &QAction::triggered, mEditor, &CanvasEditor::copy);
    connect(a->paste, &QAction::triggered, mEditor, &CanvasEditor::paste);
    connect(a->duplicate, &QAction::triggered, mEditor, &CanvasEditor::duplicate);
    connect(a->remove, &QAction::triggered, mEditor, &CanvasEditor::deleteSelection);
    connect(a->selectAll, &QAction::triggered, mEditor, &CanvasEditor::selectAll);
    connect(a->find, &QAction::triggered, mFindBar, &FindBar::activate);
    connect(a->rename, &QAction::triggered, this, &MainWindow::renameSelection);
    connect(a->autoLayout, &QAction::triggered, mEditor, &CanvasEditor::autoLayout);
    using Alignment = TopologyDocument::Alignment;
    const std::pair<QAction *, Alignment> alignments[] = {
        {a->alignLeft, Alignment::Left},
        {a->alignHorizontalCentre, Alignment::HorizontalCentre},
        {a->alignRight, Alignment::Right},
        {a->alignTop, Alignment::Top},
        {a->alignVerticalCentre, Alignment::VerticalCentre},
        {a->alignBottom, Alignment::Bottom},
    };
    for (const auto &[action, alignment] : alignments) {
        connect(action, &QAction::triggered, mEditor,
                [this, alignment = alignment] { mEditor->align(alignment); });
    }
    connect(a->distributeHorizontally, &QAction::triggered, mEditor,
            [this] { mEditor->distribute(TopologyDocument::Distribution::Horizontal); });
    connect(a->distributeVertically, &QAction::triggered, mEditor,
            [this] { mEditor->distribute(TopologyDocument::Distribution::Vertical); });
}

void MainWindow::connectViewActions()
{
    DesignerActions *a = mActions;
    connect(a->zoomIn, &QAction::triggered, mView, &DesignView::zoomIn);
    connect(a->zoomOut, &QAction::triggered, mView, &DesignView::zoomOut);
    connect(a->resetZoom, &QAction::triggered, mView, &DesignView::resetZoom);
    connect(a->fitToView, &QAction::triggered, mView, &DesignView::fitToView);
    connect(a->showGrid, &QAction::toggled, mScene, &DesignScene::setGridVisible);
    connect(a->snapToGrid, &QAction::toggled, mScene, &DesignScene::setSnapToGrid);
    connect(a->orthogonalLinks, &QAction::triggered, this,
            [this] { mScene->setLinkStyle(LinkStyle::Orthogonal); });
    connect(a->straightLinks, &QAction::triggered, this,
            [this] { mScene->setLinkStyle(LinkStyle::Straight); });
    connect(a->showLegend, &QAction::toggled, mView, &DesignView::setLegendVisible);
    const std::pair<QAction *, Appearance::Mode> appearances[] = {
        {a->appearanceSystem, Appearance::Mode::System},
        {a->appearanceLight, Appearance::Mode::Light},
        {a->appearanceDark, Appearance::Mode::Dark},
    };
    for (const auto &[action, mode] : appearances) {
        connect(action, &QAction::triggered, this, [mode = mode] {
            Appearance::store(mode);
            Appearance::apply(mode);
        });
    }
}

bool MainWindow::openFile(const QString &path)
{
    return mFiles->open(path);
}

void MainWindow::offerRecovery()
{
    mFiles->offerRecovery();
}

// ---- Settings

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // Roomy, but never larger than the screen it opens on.
        QSize size(1440, 900);
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableGeometry().size() * 0.92);
        resize(size);
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), dockLayoutVersion);
    DesignerActions *a = mActions;
    a->showGrid->setChecked(settings.value(QStringLiteral("canvas/grid"), true).toBool());
    a->snapToGrid->setChecked(settings.value(QStringLiteral("canvas/snap"), true).toBool());
    a->showLegend->setChecked(settings.value(QStringLiteral("canvas/legend"), true).toBool());
    const bool straight
        = settings.value(QStringLiteral("canvas/links")).toString() == QStringLiteral("straight");
    (straight ? a->straightLinks : a->orthogonalLinks)->setChecked(true);
    mScene->setLinkStyle(straight ? LinkStyle::Straight : LinkStyle::Orthogonal);
    mScene->setGridVisible(a->showGrid->isChecked());
    mScene->setSnapToGrid(a->snapToGrid->isChecked());
    mView->setLegendVisible(a->showLegend->isChecked());
    switch (Appearance::stored()) {
    case Appearance::Mode::System:
        a->appearanceSystem->setChecked(true);
        break;
    case Appearance::Mode::Light:
        a->appearanceLight->setChecked(true);
        break;
    case Appearance::Mode::Dark:
        a->appearanceDark->setChecked(true);
        break;
    }
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(dockLayoutVersion));
    settings.setValue(QStringLiteral("canvas/grid"), mActions->showGrid->isChecked());
    settings.setValue(QStringLiteral("canvas/snap"), mActions->snapToGrid->isChecked());
    settings.setValue(QStringLiteral("canvas/legend"), mActions->showLegend->isChecked());
    settings.setValue(QStringLiteral("canvas/links"), mScene->linkStyle() == LinkStyle::Straight
                                                          ? QStringLiteral("straight")
                                                          : QStringLiteral("orthogonal"));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!mFiles->maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        mActions->applyIcons(palette());
        if (mDeploy)
            mDeploy->actions()->applyIcons(palette());
    }
}

// ---- Files dropped anywhere on the window

namespace {

// The first local file among dropped URLs; empty when there is none.
QString droppedFile(const QMimeData *data)
{
    if (!data || !data->hasUrls())
        return {};
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openDropped(path);
}

// Once the drop is over: the question about unsaved changes must not hold up the program the
// file was dragged from.
void MainWindow::openDropped(const QString &path)
{
    QTimer::singleShot(0, this, [this, path] {
        if (mFiles->maybeSave())
            openFile(path);
    });
}

// ---- Keeping the window in step

void MainWindow::updateTitle()
{
    // The [*] placeholder shows the modified marker the platform's way.
    setWindowTitle(tr("%1[*] — Topolab").arg(mDocument->displayName()));
    setWindowModified(mDocument->isModified());
    setWindowFilePath(mDocument->filePath());
}

void MainWindow::documentReset()
{
    mInspector->setSelection({});
    mIndicators->setSelection({});
    updateEditActions();
    mView->fitToView();
}

void MainWindow::selectionChanged()
{
    const QStringList ids = mScene->selectedIds();
    mInspector->setSelection(ids);
    mIndicators->setSelection(ids, mScene->selectedLinks());
    updateEditActions();
}

void MainWindow::updateEditActions()
{
    const QStringList ids = mScene->selectedIds();
    const bool selected = !ids.isEmpty();
    const bool editable = !mScene->isReadOnly();
    DesignerActions *a = mActions;
    a->cut->setEnabled(selected && editable);
    a->copy->setEnabled(selected);
    a->duplicate->setEnabled(selected && editable);
    a->remove->setEnabled(mEditor->hasSelection() && editable);
    a->paste->setEnabled(editable && CanvasEditor::clipboardHasFragment());
    a->rename->setEnabled(ids.size() == 1 && editable);
    for (QAction *action : {a->alignLeft, a->alignHorizontalCentre, a->alignRight, a->alignTop,
                            a->alignVerticalCentre, a->alignBottom})
        action->setEnabled(ids.size() >= 2 && editable);
    a->distributeHorizontally->setEnabled(ids.size() >= 3 && editable);
    a->distributeVertically->setEnabled(ids.size() >= 3 && editable);
    const core::Topology &topology = mDocument->topology();
    a->exportPicture->setEnabled(!topology.components.empty() || !topology.regions.empty());
}

void MainWindow::updateRecentMenu()
{
    QMenu *menu = mActions->recentMenu();
    // Later: the entry that was triggered may be the one that opened a file and got here.
    for (QAction *action : menu->actions()) {
        menu->removeAction(action);
        action->deleteLater();
    }
    const QStringList files = mRecent->list();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files.at(i);
        // An ampersand in the name is shown, not taken for a mnemonic.
        const QString name = QFileInfo(path).fileName().replace(u'&', QStringLiteral("&&"));
        QAction *action
            = menu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(name), this, [this, path] {
                  if (mFiles->maybeSave())
                      openFile(path);
              });
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (!files.isEmpty())
        menu->addSeparator();
    QAction *clear = menu->addAction(tr("&Clear Menu"), mRecent, &RecentFiles::clear);
    clear->setEnabled(!files.isEmpty());
}

// ---- Commands

void MainWindow::showCanvasMenu(const QPoint &globalPos, const QPointF &scenePos)
{
    DesignerActions *a = mActions;
    QMenu menu(this);
    if (mScene->selectedIds().isEmpty() && !mScene->selectedLinks().isEmpty()) {
        menu.addAction(a->remove);
        menu.addSeparator();
    }
    if (!mScene->selectedIds().isEmpty()) {
        menu.addAction(a->cut);
        menu.addAction(a->copy);
        menu.addAction(a->duplicate);
        menu.addAction(a->remove);
        menu.addSeparator();
        menu.addAction(a->rename);
        if (mScene->selectedIds().size() == 1 && !mScene->isReadOnly()) {
            const QString id = mScene->selectedIds().constFirst();
            menu.addAction(mDocument->region(id) ? tr("Lose Region At…") : tr("Fail At…"), this,
                           [this, id] { mScenario->failAt(id); });
        }
        if (mScene->selectedIds().size() >= 2) {
            QMenu *align = menu.addMenu(tr("Align"));
            for (QAction *action : {a->alignLeft, a->alignHorizontalCentre, a->alignRight,
                                    a->alignTop, a->alignVerticalCentre, a->alignBottom})
                align->addAction(action);
            align->addSeparator();
            align->addAction(a->distributeHorizontally);
            align->addAction(a->distributeVertically);
        }
        menu.addSeparator();
    }
    menu.addAction(a->paste);
    if (!mScene->isReadOnly()) {
        // Add what the palette offers, right here.
        QMenu *add = menu.addMenu(tr("Add Here"));
        for (const PaletteEntry &entry : PaletteCatalog::entries()) {
            add->addAction(
                PaletteCatalog::icon(entry.kind), entry.title, this,
                [this, kind = entry.kind, scenePos] { mScene->addFromPalette(kind, scenePos); });
        }
    }
    menu.addSeparator();
    menu.addAction(a->selectAll);
    menu.addAction(a->autoLayout);
    menu.addAction(a->fitToView);
    menu.exec(globalPos);
}

void MainWindow::renameSelection()
{
    const QStringList ids = mScene->selectedIds();
    if (ids.size() != 1)
        return;
    const QString id = ids.constFirst();
    if (mDocument->component(id)) {
        // The inspector's id field renames with the refusal shown beneath it.
        mInspector->show();
        mInspector->raise();
        mInspector->idEdit()->setFocus(Qt::ShortcutFocusReason);
        mInspector->idEdit()->selectAll();
        return;
    }
    bool ok = false;
    const QString newId = QInputDialog::getText(
        this, tr("Rename Region"), tr("New id for region %1:").arg(id), QLineEdit::Normal, id, &ok);
    if (!ok || newId == id)
        return;
    if (auto refusal = mDocument->renameId(id, newId))
        statusBar()->showMessage(tr("Not renamed: %1").arg(*refusal), messageTimeout);
}

void MainWindow::showExportDialog()
{
    const QString path = PictureExportDialog::run(
        this, *mScene, mScene->selectedItems(), QString::fromStdString(mDocument->topology().name),
        mDocument->filePath());
    if (!path.isEmpty())
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)),
                                 messageTimeout);
}

void MainWindow::showAnalysis()
{
    const core::Topology &topology = mDocument->topology();
    const core::AnalysisReport report = core::analyzeTopology(topology);
    ReportDialog dialog(tr("Analysis of %1").arg(mDocument->displayName()),
                        QString::fromStdString(core::formatAnalysisText(report, topology)), this);
    dialog.exec();
}

void MainWindow::showDeployOrder()
{
    QString text;
    try {
        const std::vector<core::DeployStep> steps = core::deployOrder(mDocument->topology());
        for (std::size_t i = 0; i < steps.size(); ++i) {
            QStringList ids;
            for (const std::string &id : steps[i].componentIds)
                ids.append(QString::fromStdString(id));
            text += QStringLiteral("%1. %2: %3\n")
                        .arg(i + 1)
                        .arg(QString::fromStdString(steps[i].tier), ids.join(QStringLiteral(", ")));
        }
        if (steps.empty())
            text = tr("Nothing to deploy: the topology has no components yet.");
    } catch (const std::exception &error) {
        text = tr("No deploy order: %1").arg(QString::fromUtf8(error.what()));
    }
    ReportDialog dialog(tr("Deploy Order of %1").arg(mDocument->displayName()), text, this);
    dialog.exec();
}

void MainWindow::showCanvasHelp()
{
    QMessageBox box(QMessageBox::Information, tr("Canvas Basics"),
                    tr("<h3>Drawing a topology</h3>"), QMessageBox::Ok, this);
    box.setInformativeText(
        tr("<table cellspacing='4'>"
           "<tr><td><b>Add</b></td><td>Drag a kind from Components onto the canvas, or into a "
           "region; double-click it to add it in the middle of the view.</td></tr>"
           "<tr><td><b>Link</b></td><td>Point at a component, drag the round knob on its right "
           "edge to another one. The note at the cursor says what link it makes, or why not."
           "</td></tr>"
           "<tr><td><b>Select</b></td><td>Click; Ctrl+click adds; drag on empty canvas for a "
           "box.</td></tr>"
           "<tr><td><b>Move</b></td><td>Drag; arrow keys nudge (Shift: finely). Drop a component "
           "in another region to move it there. A region carries its members.</td></tr>"
           "<tr><td><b>Resize</b></td><td>Select a region and drag its bottom-right grip.</td></tr>"
           "<tr><td><b>View</b></td><td>Ctrl+wheel zooms, middle button or Space+drag pans, "
           "Ctrl+0 fits.</td></tr>"
           "<tr><td><b>Find</b></td><td>Ctrl+F, then Enter for the next match.</td></tr>"
           "<tr><td><b>Undo</b></td><td>Every edit, one step each: Ctrl+Z, Ctrl+Shift+Z; the "
           "History panel jumps to any step.</td></tr>"
           "</table>"));
    box.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Topolab"),
        tr("<h3>Topolab %1</h3><p>Design, simulate and deploy web infrastructure "
           "topologies.</p><p>Draw regions, load balancers, app servers, databases and their "
           "storage; the rules of what may connect are checked as you draw, and validation "
           "and single points of failure show on the canvas.</p>")
            .arg(toQString(topolab::versionString)));
}

} // namespace topolab::app
