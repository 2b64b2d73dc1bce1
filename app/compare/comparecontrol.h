#pragma once

#include "comparewindow.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace topolab::app {

class DesignScene;
class DesignerActions;
class TopologyDocument;

// Simulate › Compare Variants… and Parameter Sweep… for the designer's window: refuses a
// topology that cannot run with the list of what to fix, as Run does; otherwise opens the
// compare window on the document's topology, on the tab asked for, with the canvas selection's
// first component picked, and keeps the window's topology up to date with the document.
// Owns the window.
class CompareControl : public QObject
{
    Q_OBJECT

public:
    CompareControl(TopologyDocument *document, DesignScene *scene, DesignerActions *actions,
                   QWidget *window);
    // Stops what the window runs and closes it.
    ~CompareControl() override;

    // The window, once opened.
    CompareWindow *compareWindow() const { return mCompare; }

public Q_SLOTS:
    void open(topolab::app::CompareWindow::Tab tab);

private:
    void refresh();

    TopologyDocument *mDocument;
    DesignScene *mScene;
    QWidget *mWindow;
    QPointer<CompareWindow> mCompare;
};

} // namespace topolab::app
