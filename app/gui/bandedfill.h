#pragma once

#include <QRectF>
#include <QTransform>

class QBrush;
class QPainter;

namespace topolab::app {

// Fills rectangles on whole device pixels, unsmoothed, as horizontal bands a few dozen rows high,
// with the painter in device coordinates for as long as it lives (restored after).
//
// Why bands: Qt's raster engine hands every fill of more than 96 rows to its thread pool and
// waits for it. On a machine with two cores that hand-off costs far more than the fill: at fit
// to view, a thousand-component drawing has hundreds of tall link segments and region frames,
// and the waits were a third of its repaint. Bands below that height are filled on the spot.
// Other engines (SVG, PDF) get each rectangle whole.
class BandedFill
{
public:
    explicit BandedFill(QPainter *painter);
    ~BandedFill();
    BandedFill(const BandedFill &) = delete;
    BandedFill &operator=(const BandedFill &) = delete;

    // `rect`, in the painter's coordinates when this was made, on the device rounded to whole
    // pixels. Only for transforms that scale and translate.
    QRectF devicePixels(const QRectF &rect) const;
    void fill(const QRectF &rect, const QBrush &brush);
    // A frame one pixel wide just inside `deviceRect`.
    void frame(const QRectF &deviceRect, const QBrush &brush);

private:
    QPainter *mPainter;
    QTransform mTransform;
    QRectF mVisible; // where the painter can draw, in device coordinates
    bool mBanded;
    bool mSmooth;
};

} // namespace topolab::app
