#pragma once

#include <QList>
#include <QPainterPath>
#include <QRectF>

namespace topolab::app {

// The shortest orthogonal route from box `from` to box `to` that passes no box of `obstacles`,
// with as few bends as length allows, kept `clearance` away from the boxes it goes round: a
// path over the lines through the boxes' sides (an orthogonal visibility graph), found with
// Dijkstra's algorithm where turning costs as much as `bendCost` of length. The polyline runs
// from the border of `from` to the border of `to`; empty when the boxes overlap, when no route
// exists, or among more than 32 boxes (where the search would cost too much per drag step).
// For links the simple shapes of LinkRouter cannot take past the boxes between them.
QPainterPath gridRoute(const QRectF &from, const QRectF &to, const QList<QRectF> &obstacles,
                       qreal clearance, qreal bendCost = 60);

} // namespace topolab::app
