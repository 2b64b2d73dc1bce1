#include "bandedfill.h"

#include <QBrush>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace topolab::app {

namespace {

// Below the raster engine's threshold of 96 rows.
constexpr qreal bandRows = 64;

} // namespace

BandedFill::BandedFill(QPainter *painter)
    : mPainter(painter)
    , mTransform(painter->worldTransform())
    , mBanded(painter->paintEngine() && painter->paintEngine()->type() == QPaintEngine::Raster)
    , mSmooth(painter->testRenderHint(QPainter::Antialiasing))
{
    mPainter->setWorldTransform(QTransform());
    mPainter->setRenderHint(QPainter::Antialiasing, false);
    if (mPainter->hasClipping())
        mVisible = mPainter->clipBoundingRect();
    else if (const QPaintDevice *device = mPainter->device())
        mVisible = QRectF(0, 0, device->width(), device->height());
}

BandedFill::~BandedFill()
{
    mPainter->setWorldTransform(mTransform);
    mPainter->setRenderHint(QPainter::Antialiasing, mSmooth);
}

QRectF BandedFill::devicePixels(const QRectF &rect) const
{
    const QRectF device = mTransform.mapRect(rect);
    return QRectF(QPointF(std::round(device.left()), std::round(device.top())),
                  QPointF(std::round(device.right()), std::round(device.bottom())));
}

void BandedFill::fill(const QRectF &rect, const QBrush &brush)
{
    // A link across the drawing reaches far beyond the view: its bands there would be empty.
    const QRectF deviceRect = mVisible.isEmpty() ? rect : rect.intersected(mVisible);
    if (deviceRect.isEmpty())
        return;
    if (!mBanded || deviceRect.height() <= bandRows) {
        mPainter->fillRect(deviceRect, brush);
        return;
    }
    for (qreal top = deviceRect.top(); top < deviceRect.bottom(); top += bandRows) {
        mPainter->fillRect(QRectF(deviceRect.left(), top, deviceRect.width(),
                                  std::min(bandRows, deviceRect.bottom() - top)),
                           brush);
    }
}

void BandedFill::frame(const QRectF &deviceRect, const QBrush &brush)
{
    const QRectF &r = deviceRect;
    if (r.width() <= 2 || r.height() <= 2) {
        fill(r, brush);
        return;
    }
    fill(QRectF(r.left(), r.top(), r.width(), 1), brush);
    fill(QRectF(r.left(), r.bottom() - 1, r.width(), 1), brush);
    fill(QRectF(r.left(), r.top() + 1, 1, r.height() - 2), brush);
    fill(QRectF(r.right() - 1, r.top() + 1, 1, r.height() - 2), brush);
}

} // namespace topolab::app
