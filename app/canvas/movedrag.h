#pragma once

#include "canvasdrag.h"

#include <QHash>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>

namespace topolab::app {

// Moving the selection: components and regions follow the mouse, a region carries its members,
// the pressed element snaps to the grid and the others keep their offsets to it. On release a
// component dropped into another region joins it, one that may live outside regions and is
// dropped outside leaves its region, and a region grows to keep a member that must stay in it.
// All of it is one undo step. Owns the start geometry of what moves.
class MoveDrag : public CanvasDrag
{
    Q_DECLARE_TR_FUNCTIONS(MoveDrag)

public:
    // `pressed` is the element under the mouse, `ids` everything selected.
    MoveDrag(DesignScene *scene, const QString &pressed, const QStringList &ids,
             const QPointF &pressPos);
    ~MoveDrag() override;

    void move(const QPointF &scenePos, Qt::KeyboardModifiers modifiers) override;
    void finish(const QPointF &scenePos) override;
    void cancel() override;

    // Elements that move, regions' members included.
    QStringList movingIds() const { return mStart.keys(); }

private:
    QPointF delta(const QPointF &scenePos) const;
    void preview(const QPointF &delta);
    // The region each moved component would belong to after a drop with this offset.
    QHash<QString, QString> targetRegions(const QPointF &delta) const;
    void commit(const QPointF &delta);

    QString mPressed;
    QPointF mPressPos;
    QHash<QString, QRectF> mStart; // scene rectangles at the press
    QSet<QString> mRegions;        // moving regions
    QSet<QString> mCarried;        // components that move because their region does
};

} // namespace topolab::app
