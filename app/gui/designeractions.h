#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QMenuBar;
class QPalette;
class QToolBar;
class QUndoStack;

namespace topolab::app {

// The designer's commands: every QAction of the menus and the toolbar, with standard shortcuts,
// status tips and icons, and the menus File, Edit, View, Simulate, Deploy and Help that hold
// them. Owns the actions; the window connects them to what they do.
class DesignerActions : public QObject
{
    Q_OBJECT

public:
    DesignerActions(QUndoStack *undoStack, QObject *parent = nullptr);

    // Builds the menu bar; the window adds its docks' toggles to viewMenu() afterwards.
    void addMenus(QMenuBar *menuBar);
    void addToolBarActions(QToolBar *toolBar) const;
    QMenu *recentMenu() const { return mRecentMenu; }
    QMenu *viewMenu() const { return mViewMenu; }
    QMenu *panelsMenu() const { return mPanelsMenu; }
    // Colours the bundled icons for this palette (again after every palette change).
    void applyIcons(const QPalette &palette);

    // File
    QAction *newBlank;
    QAction *newSingleRegion;
    QAction *newMultiRegion;
    QAction *open;
    QAction *save;
    QAction *saveAs;
    QAction *exportPicture;
    QAction *quit;
    // Edit
    QAction *undo;
    QAction *redo;
    QAction *cut;
    QAction *copy;
    QAction *paste;
    QAction *duplicate;
    QAction *remove;
    QAction *selectAll;
    QAction *find;
    QAction *rename;
    QAction *alignLeft;
    QAction *alignHorizontalCentre;
    QAction *alignRight;
    QAction *alignTop;
    QAction *alignVerticalCentre;
    QAction *alignBottom;
    QAction *distributeHorizontally;
    QAction *distributeVertically;
    QAction *autoLayout;
    // View
    QAction *zoomIn;
    QAction *zoomOut;
    QAction *resetZoom;
    QAction *fitToView;
    QAction *showGrid;
    QAction *snapToGrid;
    QAction *orthogonalLinks;
    QAction *straightLinks;
    QAction *showLegend;
    QAction *appearanceSystem;
    QAction *appearanceLight;
    QAction *appearanceDark;
    // Simulate
    QAction *runSimulation;
    QAction *stopSimulation;
    QAction *compareVariants;
    QAction *parameterSweep;
    QAction *showSinglePoints;
    QAction *analyze;
    // Deploy
    QAction *deployOrder;
    // Help
    QAction *canvasHelp;
    QAction *about;

private:
    QAction *make(const QString &text, const char *themeIcon = nullptr);

    QActionGroup *mLinkStyles;
    QActionGroup *mAppearances;
    QMenu *mRecentMenu = nullptr;
    QMenu *mViewMenu = nullptr;
    QMenu *mPanelsMenu = nullptr;
};

} // namespace topolab::app
