#pragma once

#include <QList>
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
    // How far a detour runs clear of the boxes it goes round.
    static constexpr qreal detourClearance = 18;
    // Whether a route the simple shapes cannot take past the boxes is searched for (gridRoute).
    enum class Search { On, Off };

    // The polyline from the border of `from` to the border of `to`, kept `gap` away from both.
    // An orthogonal link whose direct route would cross one of `obstacles` (other boxes) goes
    // round them below or above (side by side) or right or left (stacked) when that is clear,
    // and otherwise, with `search` on, by the shortest way between them.
    static QPainterPath route(const QRectF &from, const QRectF &to, LinkStyle style,
                              const QList<QRectF> &obstacles = {}, qreal gap = 3,
                              Search search = Search::On);
    // Whether some segment of `path` passes through one of `obstacles`.
    static bool crosses(const QPainterPath &path, const QList<QRectF> &obstacles);

private:
    static QPainterPath straight(const QRectF &from, const QRectF &to);
    static QPainterPath orthogonal(const QRectF &from, const QRectF &to, bool vertical);
    // Round the obstacles: below or above (`horizontal`), else to the right or left.
    static QPainterPath detour(const QRectF &from, const QRectF &to, bool horizontal,
                               const QList<QRectF> &obstacles);
};

} // namespace topolab::app
