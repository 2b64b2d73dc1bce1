#pragma once

#include "canvasdrag.h"

#include <QRectF>
#include <QString>

namespace topolab::app {

// Resizing a region by its bottom-right grip, snapped to the grid and never smaller than its
// members need. One undo step. Holds the region's id and start rectangle.
class ResizeDrag : public CanvasDrag
{
    Q_DECLARE_TR_FUNCTIONS(ResizeDrag)

public:
    ResizeDrag(DesignScene *scene, const QString &region, const QPointF &pressPos);

    void move(const QPointF &scenePos, Qt::KeyboardModifiers modifiers) override;
    void finish(const QPointF &scenePos) override;
    void cancel() override;

    // The smallest rectangle with this top-left that holds every member with some padding.
    static QRectF minimumRect(const DesignScene *scene, const QString &region,
                              const QPointF &topLeft);

private:
    QRectF rectFor(const QPointF &scenePos) const;

    QString mRegion;
    QPointF mPressPos;
    QRectF mStart;
};

} // namespace topolab::app
