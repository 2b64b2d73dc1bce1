#pragma once

class QColor;
class QPainter;
class QPolygonF;

namespace topolab::app {

// Draws an arrow head (a triangle, tip first) from a picture made once per size, direction,
// colour and pixel ratio, when it points along an axis and the painter draws on screen with a
// transform that only scales and moves. A canvas at 100 % shows a few hundred heads, and
// filling each as a smoothed triangle cost more than all the lines together. Returns false,
// drawing nothing, where a picture does not serve (slanted heads, SVG, PDF, rotation): the
// caller fills the triangle itself.
bool drawArrowHead(QPainter *painter, const QPolygonF &head, const QColor &colour);

} // namespace topolab::app
