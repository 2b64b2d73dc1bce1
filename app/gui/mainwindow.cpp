#include "mainwindow.h"

#include "canvasview.h"
#include "issuesdock.h"
#include "statussummary.h"
#include "topologyscene.h"
#include "vieweractions.h"
#include "viewerdocument.h"

#include <topolab/version.h>

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace topolab::app {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , mDocument(new ViewerDocument(this))
    , mScene(new TopologyScene(*mDocument, this))
    , mView(new CanvasView(mScene, this))
    , mIssues(new IssuesDock(*mDocument, this))
    , mSummary(new StatusSummary(*mDocument, this))
    , mActions(new ViewerActions(this))
{
    setCentralWidget(mView);
    addDockWidget(Qt::BottomDockWidgetArea, mIssues);
    resizeDocks({mIssues}, {130}, Qt::Vertical);
    statusBar()->addWidget(mSummary, 1);
    mActions->addMenus(menuBar());
    resize(1280, 820);

    connect(mActions->open(), &QAction::triggered, this, &MainWindow::showOpenDialog);
    connect(mActions->quit(), &QAction::triggered, this, &QWidget::close);
    connect(mActions->zoomIn(), &QAction::triggered, mView, &CanvasView::zoomIn);
    connect(mActions->zoomOut(), &QAction::triggered, mView, &CanvasView::zoomOut);
    connect(mActions->fitToView(), &QAction::triggered, mView, &CanvasView::fitToView);
    connect(mActions->about(), &QAction::triggered, this, &MainWindow::showAbout);
    connect(mIssues, &IssuesDock::elementActivated, mView, &CanvasView::focusElement);
    connect(mDocument, &ViewerDocument::loaded, this, &MainWindow::documentLoaded);
    documentLoaded();
}

bool MainWindow::openFile(const QString &path)
{
    return mDocument->load(path);
}

void MainWindow::showOpenDialog()
{
    const QString start = mDocument->filePath().isEmpty()
                              ? QString()
                              : QFileInfo(mDocument->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Topology"), start,
                                                      tr("Topolab topologies (*.topolab.yaml)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::documentLoaded()
{
    mScene->rebuild();
    mIssues->refresh();
    mSummary->refresh();
    mView->showWholeTopology();
    setWindowTitle(mDocument->filePath().isEmpty() ? tr("Topolab")
                                                   : tr("%1 — Topolab").arg(mDocument->fileName()));
    if (mDocument->loadFailed())
        mIssues->show();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Topolab"),
        tr("<h3>Topolab %1</h3><p>Design, simulate and deploy web infrastructure "
           "topologies.</p><p>This window shows a topology file read-only: its regions, "
           "components and links, and the problems validation finds.</p>")
            .arg(QString::fromUtf8(topolab::versionString)));
}

} // namespace topolab::app
