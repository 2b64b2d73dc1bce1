#include "linklegend.h"

#include "linkitem.h"

#include <QPainter>

#include <array>

namespace topolab::app {

namespace {

constexpr std::array kinds
    = {core::LinkKind::Request, core::LinkKind::Replication, core::LinkKind::Storage,
       core::LinkKind::Backup, core::LinkKind::Tunnel};
constexpr int padding = 8;
constexpr int sample = 34;
constexpr int spacing = 18;

} // namespace

LinkLegend::LinkLegend(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
}

QString LinkLegend::label(core::LinkKind kind) const
{
    switch (kind) {
    case core::LinkKind::Request:
        return tr("Request");
    case core::LinkKind::Replication:
        return tr("Replication");
    case core::LinkKind::Storage:
        return tr("Storage");
    case core::LinkKind::Backup:
        return tr("Backup");
    case core::LinkKind::Tunnel:
        return tr("VPN tunnel");
    }
    return {};
}

QSize LinkLegend::sizeHint() const
{
    int width = padding;
    for (core::LinkKind kind : kinds)
        width += sample + 6 + fontMetrics().horizontalAdvance(label(kind)) + spacing;
    return QSize(width - spacing + padding, fontMetrics().height() + 2 * padding);
}

void LinkLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor panel = palette().color(QPalette::Base);
    panel.setAlphaF(0.92f);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.setBrush(panel);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    const int middle = height() / 2;
    int x = padding;
    for (core::LinkKind kind : kinds) {
        painter.setPen(LinkItem::pen(kind, palette()));
        painter.drawLine(QPointF(x, middle), QPointF(x + sample, middle));
        x += sample + 6;
        painter.setPen(palette().color(QPalette::Text));
        const QString text = label(kind);
        painter.drawText(QRect(x, 0, width(), height()), Qt::AlignVCenter | Qt::AlignLeft, text);
        x += fontMetrics().horizontalAdvance(text) + spacing;
    }
}

} // namespace topolab::app
