#include "deploybadge.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <cmath>

namespace topolab::app {

QColor DeployBadge::colour(DeployMark mark)
{
    switch (mark) {
    case DeployMark::Pending:
        return QColor(0x5c, 0x6b, 0xc0);
    case DeployMark::Working:
        return QColor(0x1f, 0x6f, 0xd1);
    case DeployMark::Done:
        return QColor(0x2e, 0x9a, 0x47);
    case DeployMark::Unchanged:
        return QColor(0x75, 0x75, 0x75);
    case DeployMark::Failed:
        return QColor(0xd3, 0x2f, 0x2f);
    case DeployMark::RolledBack:
        return QColor(0xe6, 0x7e, 0x00);
    case DeployMark::Skipped:
        return QColor(0x8d, 0x6e, 0x63);
    }
    return {};
}

QString DeployBadge::name(DeployMark mark)
{
    switch (mark) {
    case DeployMark::Pending:
        return tr("changes pending");
    case DeployMark::Working:
        return tr("working");
    case DeployMark::Done:
        return tr("done");
    case DeployMark::Unchanged:
        return tr("unchanged");
    case DeployMark::Failed:
        return tr("failed");
    case DeployMark::RolledBack:
        return tr("rolled back");
    case DeployMark::Skipped:
        return tr("skipped");
    }
    return {};
}

void DeployBadge::paint(QPainter *painter, const QPointF &centre, qreal radius, DeployMark mark,
                        bool detailed)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    painter->setPen(detailed ? QPen(Qt::white, 1.5) : QPen(Qt::NoPen));
    painter->setBrush(colour(mark));
    painter->drawEllipse(centre, radius, radius);
    if (!detailed) {
        painter->restore();
        return;
    }
    // The glyph on a grid of the radius: r is half the glyph's extent.
    const qreal r = radius * 0.5;
    const qreal x = centre.x();
    const qreal y = centre.y();
    QPen pen(Qt::white, std::max(1.2, radius * 0.2), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    switch (mark) {
    case DeployMark::Pending: { // an arrow up: something to upload
        painter->drawLine(QPointF(x, y + r), QPointF(x, y - r));
        painter->drawPolyline(QPolygonF{QPointF(x - r * 0.7, y - r * 0.3), QPointF(x, y - r),
                                        QPointF(x + r * 0.7, y - r * 0.3)});
        break;
    }
    case DeployMark::Working: { // three dots
        painter->setPen(Qt::NoPen);
        painter->setBrush(Qt::white);
        const qreal dot = std::max(1.0, radius * 0.16);
        for (int i = -1; i <= 1; ++i)
            painter->drawEllipse(QPointF(x + i * r * 0.85, y), dot, dot);
        break;
    }
    case DeployMark::Done: // a tick
        painter->drawPolyline(QPolygonF{QPointF(x - r * 0.85, y + r * 0.05),
                                        QPointF(x - r * 0.2, y + r * 0.7),
                                        QPointF(x + r * 0.9, y - r * 0.6)});
        break;
    case DeployMark::Unchanged: // an equals sign
        painter->drawLine(QPointF(x - r * 0.75, y - r * 0.35), QPointF(x + r * 0.75, y - r * 0.35));
        painter->drawLine(QPointF(x - r * 0.75, y + r * 0.35), QPointF(x + r * 0.75, y + r * 0.35));
        break;
    case DeployMark::Failed: // a cross
        painter->drawLine(QPointF(x - r * 0.7, y - r * 0.7), QPointF(x + r * 0.7, y + r * 0.7));
        painter->drawLine(QPointF(x - r * 0.7, y + r * 0.7), QPointF(x + r * 0.7, y - r * 0.7));
        break;
    case DeployMark::RolledBack: { // an arrow turning back
        QPainterPath arc;
        const QRectF round(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
        arc.arcMoveTo(round, 150);
        arc.arcTo(round, 150, -270);
        painter->drawPath(arc);
        const QPointF tip = arc.pointAtPercent(0);
        painter->drawPolyline(QPolygonF{QPointF(tip.x() - r * 0.15, tip.y() - r * 0.65), tip,
                                        QPointF(tip.x() + r * 0.55, tip.y() + r * 0.05)});
        break;
    }
    case DeployMark::Skipped: // a double chevron: passed over
        for (qreal dx : {-r * 0.45, r * 0.35}) {
            painter->drawPolyline(QPolygonF{QPointF(x + dx - r * 0.35, y - r * 0.6),
                                            QPointF(x + dx + r * 0.25, y),
                                            QPointF(x + dx - r * 0.35, y + r * 0.6)});
        }
        break;
    }
    painter->restore();
}

QIcon DeployBadge::icon(DeployMark mark)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QPointF(size / 2.0, size / 2.0), size / 2.0 - 1, mark);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace topolab::app
