#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QPointF>
#include <QString>

class QPainter;

namespace topolab::app {

// Where a deploy left a component's host, as the canvas and the Deploy panel show it.
enum class DeployMark {
    Pending,    // planned, changes to make (the panel only; the canvas shows no badge for it)
    Working,    // being read or changed now
    Done,       // changed and healthy
    Unchanged,  // had nothing to change
    Failed,     // could not be read or changed
    RolledBack, // failed its health check and went back to its previous files
    Skipped,    // not touched: something it depends on failed, or the run was cancelled first
};

// The round badge of a deploy state: a disc in the state's colour holding a glyph of its own,
// so that it reads without colour too. Painted on a component's top-left corner (the corner
// opposite its findings' badge) and in the panel's rows. Holds nothing.
class DeployBadge
{
    Q_DECLARE_TR_FUNCTIONS(DeployBadge)

public:
    static QColor colour(DeployMark mark);
    // "done", "rolled back": as people read it.
    static QString name(DeployMark mark);
    // The badge centred on `centre`; far out (`detailed` false) the disc alone.
    static void paint(QPainter *painter, const QPointF &centre, qreal radius, DeployMark mark,
                      bool detailed = true);
    static QIcon icon(DeployMark mark);
};

} // namespace topolab::app
