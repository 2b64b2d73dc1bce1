#include "mainwindow.h"

#include "canvasview.h"
#include "issuesdock.h"
#include "pictureexport.h"
#include "statussummary.h"
#include "topologyscene.h"
#include "vieweractions.h"
#include "viewerdocument.h"

#include <topolab/version.h>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
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
    connect(mActions->exportPicture(), &QAction::triggered, this, &MainWindow::showExportDialog);
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
    mActions->exportPicture()->setEnabled(mDocument->topology() != nullptr);
}

void MainWindow::showExportDialog()
{
    const core::Topology *topology = mDocument->topology();
    if (!topology)
        return;
    const QList<QGraphicsItem *> selection = mScene->selectedItems();
    QFileDialog dialog(this, selection.isEmpty() ? tr("Export Picture")
                                                 : tr("Export Selection as Picture"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    const QStringList filters = PictureExport::nameFilters();
    dialog.setNameFilters(filters);
    // The format chosen last time, remembered by its extension so a new language keeps it.
    QSettings settings;
    const QString formatKey = QStringLiteral("export/format");
    const PictureExport::Format format
        = PictureExport::formatForPath(u'.' + settings.value(formatKey).toString())
              .value_or(PictureExport::Format::Png);
    dialog.selectNameFilter(filters.at(int(format)));
    dialog.setDefaultSuffix(PictureExport::suffix(format));

    const QFileInfo source(mDocument->filePath());
    QString base = source.fileName();
    if (base.endsWith(QLatin1String(".topolab.yaml")))
        base.chop(13);
    else
        base = source.completeBaseName();
    dialog.setDirectory(source.absolutePath());
    dialog.selectFile(base + u'.' + dialog.defaultSuffix());
    // Choosing another format changes the extension of the name being typed with it, since
    // the extension is what decides the format.
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog, &filters](const QString &f) {
        const int index = int(filters.indexOf(f));
        if (index < 0)
            return;
        const QString suffix = PictureExport::suffix(PictureExport::Format(index));
        dialog.setDefaultSuffix(suffix);
        const QFileInfo typed(dialog.selectedFiles().value(0));
        if (PictureExport::formatForPath(typed.fileName()))
            dialog.selectFile(typed.completeBaseName() + u'.' + suffix);
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    if (PictureExport::formatForPath(path))
        settings.setValue(formatKey, QFileInfo(path).suffix().toLower());
    PictureExport picture(*mScene);
    picture.setItems(selection);
    picture.describe(QString::fromStdString(topology->name), mDocument->fileName());
    QString problem;
    if (!picture.write(path, &problem)) {
        QMessageBox::warning(this, dialog.windowTitle(), problem);
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
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
