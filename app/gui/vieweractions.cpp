#include "vieweractions.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

namespace topolab::app {

ViewerActions::ViewerActions(QObject *parent)
    : QObject(parent)
    , mOpen(new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open…"), this))
    , mExportPicture(new QAction(QIcon::fromTheme(QStringLiteral("document-export")),
                                 tr("&Export Picture…"), this))
    , mQuit(new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this))
    , mZoomIn(new QAction(QIcon::fromTheme(QStringLiteral("zoom-in")), tr("Zoom &In"), this))
    , mZoomOut(new QAction(QIcon::fromTheme(QStringLiteral("zoom-out")), tr("Zoom &Out"), this))
    , mFitToView(
          new QAction(QIcon::fromTheme(QStringLiteral("zoom-fit-best")), tr("&Fit to View"), this))
    , mAbout(
          new QAction(QIcon::fromTheme(QStringLiteral("help-about")), tr("&About Topolab"), this))
{
    mOpen->setShortcut(QKeySequence::Open);
    mQuit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    mQuit->setMenuRole(QAction::QuitRole);
    // Ctrl++ needs Shift on most layouts, so Ctrl+= zooms in as well.
    mZoomIn->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    mZoomOut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    mFitToView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    mAbout->setMenuRole(QAction::AboutRole);

    mOpen->setStatusTip(tr("Open a topology file"));
    mExportPicture->setStatusTip(
        tr("Save the canvas, or the selected part of it, as a PNG, SVG or PDF picture"));
    mFitToView->setStatusTip(tr("Show the whole topology"));
}

void ViewerActions::addMenus(QMenuBar *menuBar) const
{
    QMenu *file = menuBar->addMenu(tr("&File"));
    file->addAction(mOpen);
    file->addSeparator();
    file->addAction(mExportPicture);
    file->addSeparator();
    file->addAction(mQuit);

    QMenu *view = menuBar->addMenu(tr("&View"));
    view->addAction(mZoomIn);
    view->addAction(mZoomOut);
    view->addAction(mFitToView);

    QMenu *help = menuBar->addMenu(tr("&Help"));
    help->addAction(mAbout);
}

} // namespace topolab::app
