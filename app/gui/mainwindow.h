#pragma once

#include <QMainWindow>

class QDockWidget;
class QToolBar;

namespace topolab::app {

class CanvasEditor;
class CompareControl;
class DeployControl;
class DeployDock;
class DesignScene;
class DesignView;
class SimulationControl;
class ResultsDock;
class ScenarioDock;
class DesignerActions;
class DocumentFiles;
class FindBar;
class HistoryDock;
class InspectorDock;
class IssuesPanel;
class MinimapView;
class PaletteDock;
class RecentFiles;
class StatusIndicators;
class TopologyDocument;

// The designer's window. Only assembles: the document, the canvas with its find bar, the
// palette, inspector, issues, history and minimap docks, the actions, the status bar, and the
// file flow; and wires them together. Remembers its layout in QSettings. Owns all of them
// through Qt parenting.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `autosaveDirectory` empty: the default (see Autosave).
    explicit MainWindow(const QString &autosaveDirectory = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path`; a file that fails to load leaves the current topology and lists its errors.
    bool openFile(const QString &path);
    // At start-up without a file: recover a crash copy if there is one and the user wants it.
    void offerRecovery();

    TopologyDocument *document() const { return mDocument; }
    DesignScene *scene() const { return mScene; }
    DesignView *view() const { return mView; }
    SimulationControl *simulation() const { return mSimulation; }
    CompareControl *compare() const { return mCompare; }
    ResultsDock *results() const { return mResults; }
    ScenarioDock *scenario() const { return mScenario; }
    DeployControl *deploy() const { return mDeploy; }
    CanvasEditor *editor() const { return mEditor; }
    DesignerActions *actions() const { return mActions; }
    DocumentFiles *files() const { return mFiles; }
    FindBar *findBar() const { return mFindBar; }
    PaletteDock *paletteDock() const { return mPalette; }
    InspectorDock *inspectorDock() const { return mInspector; }
    IssuesPanel *issuesDock() const { return mIssues; }
    HistoryDock *historyDock() const { return mHistory; }
    QDockWidget *minimapDock() const { return mMinimapDock; }
    StatusIndicators *statusIndicators() const { return mIndicators; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void connectActions();
    void connectFileActions();
    void connectEditActions();
    void connectViewActions();
    void restoreSettings();
    void saveSettings() const;
    void updateTitle();
    void updateEditActions();
    void updateRecentMenu();
    void selectionChanged();
    void documentReset();
    void showExportDialog();
    void showAnalysis();
    void showDeployOrder();
    void showCanvasHelp();
    void showAbout();
    void renameSelection();
    void showCanvasMenu(const QPoint &globalPos, const QPointF &scenePos);
    void openDropped(const QString &path);

    TopologyDocument *mDocument;
    DesignScene *mScene;
    DesignView *mView;
    SimulationControl *mSimulation = nullptr;
    CompareControl *mCompare = nullptr;
    ResultsDock *mResults = nullptr;
    ScenarioDock *mScenario = nullptr;
    DeployControl *mDeploy = nullptr;
    DeployDock *mDeployDock = nullptr;
    CanvasEditor *mEditor;
    FindBar *mFindBar;
    DesignerActions *mActions;
    RecentFiles *mRecent;
    DocumentFiles *mFiles;
    PaletteDock *mPalette;
    InspectorDock *mInspector;
    IssuesPanel *mIssues;
    HistoryDock *mHistory;
    MinimapView *mMinimap;
    QDockWidget *mMinimapDock;
    QToolBar *mToolBar;
    StatusIndicators *mIndicators;
};

} // namespace topolab::app
