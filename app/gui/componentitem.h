#pragma once

#include "core/io/diagnostic.h"
#include "core/model/topology.h"

#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>
#include <QString>

#include <optional>

namespace topolab::app {

// One component on the canvas: a rounded box with the kind's icon, the id in bold and the kind
// beneath, and a badge when validation found a problem. Draws everything itself so that a
// component is exactly one scene item. Owns copies of the strings it shows.
class ComponentItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(ComponentItem)

public:
    enum { Type = UserType + 1 };

    static constexpr qreal minimumWidth = 150;
    static constexpr qreal maximumWidth = 260;

    ComponentItem(const core::Component &component, const QRectF &sceneRect);

    // The width that shows `component` unclipped, within the minimum and maximum.
    static qreal preferredWidth(const core::Component &component, const QFont &font);

    QString id() const { return mId; }
    core::ComponentKind kind() const { return mKind; }
    void setSeverity(std::optional<core::Severity> severity);
    std::optional<core::Severity> severity() const { return mSeverity; }
    // The box itself, in item coordinates; the bounding rect also holds the badge.
    QRectF box() const { return QRectF(QPointF(0, 0), mSize); }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void paintBadge(QPainter *painter) const;

    QString mId;
    QString mTitle;
    core::ComponentKind mKind;
    QSizeF mSize;
    std::optional<core::Severity> mSeverity;
};

} // namespace topolab::app
