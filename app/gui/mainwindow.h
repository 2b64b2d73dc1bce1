#pragma once

#include <QMainWindow>

namespace topolab::app {

class CanvasView;
class IssuesDock;
class StatusSummary;
class TopologyScene;
class ViewerActions;
class ViewerDocument;

// The viewer's main window. Only assembles: the document, the canvas, the Issues dock, the
// status summary and the actions, and wires them together. Owns all of them through Qt
// parenting.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Shows `path`; a file that fails to load leaves its errors in the Issues dock.
    bool openFile(const QString &path);

    ViewerDocument *document() const { return mDocument; }
    TopologyScene *scene() const { return mScene; }
    CanvasView *view() const { return mView; }
    IssuesDock *issuesDock() const { return mIssues; }
    ViewerActions *actions() const { return mActions; }

public Q_SLOTS:
    void showOpenDialog();

private:
    void documentLoaded();
    void showExportDialog();
    void showAbout();

    ViewerDocument *mDocument;
    TopologyScene *mScene;
    CanvasView *mView;
    IssuesDock *mIssues;
    StatusSummary *mSummary;
    ViewerActions *mActions;
};

} // namespace topolab::app
