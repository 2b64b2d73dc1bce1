#pragma once

#include <QPainterPath>
#include <QRectF>

namespace topolab::app {

// How a link runs between two boxes.
enum class LinkStyle {
    Orthogonal, // horizontal and vertical segments, as in network diagrams
    Straight,   // one segment from edge to edge
};

// Computes the path of a link from the box it starts at to the box it ends at, leaving and
// entering at the sides that face each other. Pure geometry; holds nothing.
class LinkRouter
{
public:
    // The polyline from the border of `from` to the border of `to`, kept `gap` away from both.
    static QPainterPath route(const QRectF &from, const QRectF &to, LinkStyle style, qreal gap = 3);

private:
    static QPainterPath straight(const QRectF &from, const QRectF &to);
    static QPainterPath orthogonal(const QRectF &from, const QRectF &to);
};

} // namespace topolab::app
