#pragma once

#include <QObject>

class QAction;
class QMenuBar;

namespace topolab::app {

// The viewer's commands with their shortcuts, and the menus that hold them. Owns the actions;
// whoever assembles the window connects them.
class ViewerActions : public QObject
{
    Q_OBJECT

public:
    explicit ViewerActions(QObject *parent = nullptr);

    void addMenus(QMenuBar *menuBar) const;

    QAction *open() const { return mOpen; }
    QAction *exportPicture() const { return mExportPicture; }
    QAction *quit() const { return mQuit; }
    QAction *zoomIn() const { return mZoomIn; }
    QAction *zoomOut() const { return mZoomOut; }
    QAction *fitToView() const { return mFitToView; }
    QAction *about() const { return mAbout; }

private:
    QAction *mOpen;
    QAction *mExportPicture;
    QAction *mQuit;
    QAction *mZoomIn;
    QAction *mZoomOut;
    QAction *mFitToView;
    QAction *mAbout;
};

} // namespace topolab::app
