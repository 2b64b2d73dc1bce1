#pragma once

#include "canvas/deploybadge.h"
#include "core/io/diagnostic.h"
#include "core/model/topology.h"
#include "sim/engine/simobserver.h"
#include "simulation/loadtimeline.h"

#include <QCoreApplication>
#include <QFont>

#include <QColor>
#include <QGraphicsItem>
#include <QString>
#include <QStringList>

#include <optional>

namespace topolab::app {

// One component on the canvas: a rounded box with the kind's icon, the id in bold and the kind
// beneath, a badge when validation found a problem (and one on the other corner for where a
// deploy left its host), and, under the mouse of an editable canvas, the handle a link is
// dragged from. Draws everything itself so that a component is exactly one scene item. Owns
// copies of the strings it shows.
class ComponentItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(ComponentItem)

public:
    enum { Type = UserType + 1 };

    static constexpr qreal minimumWidth = 150;
    static constexpr qreal maximumWidth = 260;

    // What the canvas asks the user to notice about a component beyond its findings.
    enum class Mark {
        None,
        SinglePoint,  // its loss alone stops the service
        LinkAccepted, // the link being dragged may end here
        LinkRefused,  // the link being dragged may not end here
    };

    ComponentItem(const core::Component &component, const QRectF &sceneRect);

    // After the component's id, label, region or kind changed.
    void setComponent(const core::Component &component);
    // Moves and resizes the box to this scene rectangle.
    void setBoxRect(const QRectF &sceneRect);
    QRectF sceneBox() const { return QRectF(pos(), mSize); }

    // The width that shows `component` unclipped, within the minimum and maximum.
    static qreal preferredWidth(const core::Component &component, const QFont &font);

    QString id() const { return mId; }
    core::ComponentKind kind() const { return mKind; }
    // Its state at the moment a replay of a simulation shows; none outside a replay (or up).
    void setSimState(std::optional<sim::ComponentState> state);
    std::optional<sim::ComponentState> simState() const { return mSimState; }
    // The colour a state is shown in (also the replay's legend).
    static QColor stateColour(sim::ComponentState state);
    // Its load at the moment a replay shows, drawn as a bar along the bottom of the box for
    // kinds that queue; none outside a replay.
    void setSimLoad(std::optional<ComponentLoad> load);
    std::optional<ComponentLoad> simLoad() const { return mSimLoad; }
    // The colour of the load bar at this busy share: calm, busy, saturated.
    static QColor loadColour(double utilization);
    // Where a deploy left its host, shown as a badge on the top-left corner; none outside one.
    void setDeployMark(std::optional<DeployMark> mark);
    std::optional<DeployMark> deployMark() const { return mDeployMark; }
    void setSeverity(std::optional<core::Severity> severity);
    std::optional<core::Severity> severity() const { return mSeverity; }
    // The findings' messages, shown in the tool tip.
    void setFindings(const QStringList &messages);
    void setMark(Mark mark);
    Mark mark() const { return mMark; }
    // Whether the link handle is offered under the mouse (an editable canvas).
    void setHandleEnabled(bool enabled);
    // The handle a link is dragged from, in item coordinates.
    QRectF handleRect() const;
    // Grows the handle when the canvas is zoomed out, so that it stays big enough to grab.
    void setHandleScale(qreal scale);
    // The box itself, in item coordinates; the bounding rect also holds the badge.
    QRectF box() const { return QRectF(QPointF(0, 0), mSize); }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    // update() for every view of the scene, cached pictures included.
    void refresh();
    void paintBadge(QPainter *painter, bool detailed) const;
    void paintMark(QPainter *painter) const;
    void paintHandle(QPainter *painter, const QPalette &palette) const;
    void paintLoad(QPainter *painter, const QPalette &palette, bool detailed) const;
    void updateToolTip();

    QString mId;
    QString mTitle;
    QString mLabel;
    QString mRegion;
    QStringList mFindings;
    core::ComponentKind mKind;
    QSizeF mSize;
    std::optional<core::Severity> mSeverity;
    std::optional<sim::ComponentState> mSimState;
    std::optional<ComponentLoad> mSimLoad;
    std::optional<DeployMark> mDeployMark;
    Mark mMark = Mark::None;
    bool mHandleEnabled = false;
    bool mHovered = false;
    qreal mHandleScale = 1;
};

} // namespace topolab::app
