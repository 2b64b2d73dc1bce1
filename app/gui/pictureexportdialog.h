#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QGraphicsItem;
class QGraphicsScene;
class QWidget;

namespace topolab::app {

// File › Export Picture: asks where to write (the extension chooses PNG, SVG or PDF, the last
// format used is offered first) and writes the canvas, or only `selection`, through
// PictureExport. Holds nothing.
class PictureExportDialog
{
    Q_DECLARE_TR_FUNCTIONS(PictureExportDialog)

public:
    // The path written, or empty when cancelled or failed (the failure was shown).
    static QString run(QWidget *parent, const QGraphicsScene &scene,
                       const QList<QGraphicsItem *> &selection, const QString &topologyName,
                       const QString &filePath);
};

} // namespace topolab::app
