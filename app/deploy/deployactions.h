#pragma once

#include <QObject>

class QAction;
class QMenu;
class QPalette;
class QToolBar;

namespace topolab::app {

// The commands of a deploy: Plan, Deploy…, Cancel, and Clear Marks for the badges a deploy
// leaves on the canvas; for the Deploy menu and the Deploy panel's tool bar. Owns the actions.
class DeployActions : public QObject
{
    Q_OBJECT

public:
    explicit DeployActions(QObject *parent = nullptr);

    // Puts Plan, Deploy… and Cancel at the top of `menu`, above what it holds.
    void addTo(QMenu *menu) const;
    void addTo(QToolBar *toolBar) const;
    // Colours the bundled icons for this palette.
    void applyIcons(const QPalette &palette);

    QAction *plan;
    QAction *deploy;
    QAction *cancel;
    QAction *clearMarks;
};

} // namespace topolab::app
