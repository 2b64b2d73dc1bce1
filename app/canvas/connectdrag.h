#pragma once

#include "canvasdrag.h"

#include <QString>

class QGraphicsPathItem;

namespace topolab::app {

class CursorNote;

// Drawing a link: from a component's handle to another component. While the mouse moves, the
// rules table of core judges the component under the cursor and the note at the cursor says
// what the link would be or why it is refused; a link drawn against the direction requests
// flow is turned round when only the other direction is allowed. Owns the rubber line and the
// note.
class ConnectDrag : public CanvasDrag
{
    Q_DECLARE_TR_FUNCTIONS(ConnectDrag)

public:
    ConnectDrag(DesignScene *scene, const QString &from, const QPointF &scenePos);
    ~ConnectDrag() override;

    void move(const QPointF &scenePos, Qt::KeyboardModifiers modifiers) override;
    void finish(const QPointF &scenePos) override;
    void cancel() override;

    QString from() const { return mFrom; }
    // What the note says now.
    QString noteText() const;

private:
    // The link a release here would add, as (from, to), or empty ends with `why` set.
    struct Verdict
    {
        QString from;
        QString to;
        QString text;
        bool allowed = false;
    };
    Verdict judge(const QString &target) const;
    void markTarget(const QString &target, bool allowed);

    QString mFrom;
    QString mMarked;
    QGraphicsPathItem *mLine;
    CursorNote *mNote;
};

} // namespace topolab::app
