#include "resizedrag.h"

#include "designscene.h"

#include "document/topologydocument.h"
#include "gui/autolayout.h"

#include <algorithm>

namespace topolab::app {

namespace {

constexpr qreal smallestWidth = 200;
constexpr qreal smallestHeight = 120;

} // namespace

ResizeDrag::ResizeDrag(DesignScene *scene, const QString &region, const QPointF &pressPos)
    : CanvasDrag(scene)
    , mRegion(region)
    , mPressPos(pressPos)
    , mStart(scene->elementRect(region))
{
}

QRectF ResizeDrag::minimumRect(const DesignScene *scene, const QString &region,
                               const QPointF &topLeft)
{
    QRectF needed(topLeft, QSizeF(smallestWidth, smallestHeight));
    for (const QString &member : scene->document()->componentsInRegion(region)) {
        const QRectF box = scene->elementRect(member);
        needed.setRight(std::max(needed.right(), box.right() + AutoLayout::regionPadding));
        needed.setBottom(std::max(needed.bottom(), box.bottom() + AutoLayout::regionPadding));
    }
    return needed;
}

QRectF ResizeDrag::rectFor(const QPointF &scenePos) const
{
    const QPointF corner = scene()->snapped(mStart.bottomRight() + scenePos - mPressPos);
    const QRectF minimum = minimumRect(scene(), mRegion, mStart.topLeft());
    return QRectF(mStart.topLeft(), QPointF(std::max(corner.x(), minimum.right()),
                                            std::max(corner.y(), minimum.bottom())));
}

void ResizeDrag::move(const QPointF &scenePos, Qt::KeyboardModifiers)
{
    scene()->previewRegionRect(mRegion, rectFor(scenePos));
}

void ResizeDrag::finish(const QPointF &scenePos)
{
    const QRectF rect = rectFor(scenePos);
    if (rect == mStart)
        return;
    TopologyDocument *document = scene()->document();
    document->beginCompoundEdit(tr("Resize %1").arg(mRegion));
    scene()->freezeAutomaticPlacement();
    document->resizeRegion(mRegion, rect);
    document->endCompoundEdit();
}

void ResizeDrag::cancel()
{
    scene()->previewRegionRect(mRegion, mStart);
}

} // namespace topolab::app
