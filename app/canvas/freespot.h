#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace topolab::app {

// Where to put a box added without a drop point (from the keyboard or a double click in the
// palette): the grid point nearest `preferred` whose box, with a margin, overlaps none of
// `taken`, searched ring by ring outwards, so that boxes added one after the other line up
// beside each other instead of piling up. Pure geometry; holds nothing.
class FreeSpot
{
public:
    static QPointF near(const QPointF &preferred, const QSizeF &size, const QList<QRectF> &taken,
                        qreal grid, qreal margin = 20);
};

} // namespace topolab::app
