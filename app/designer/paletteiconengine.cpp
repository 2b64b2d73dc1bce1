#include "paletteiconengine.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>
#include <QSvgRenderer>

namespace topolab::app {

PaletteIconEngine::PaletteIconEngine(QByteArray svg)
    : mSvg(std::move(svg))
{
}

void PaletteIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                              QIcon::State state)
{
    if (mode == QIcon::Disabled) {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap styled = pixmap((QSizeF(rect.size()) * scale).toSize(), mode, state);
        styled.setDevicePixelRatio(scale);
        painter->drawPixmap(rect, styled);
        return;
    }
    QSvgRenderer renderer(mSvg);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    renderer.render(painter, QRectF(rect));
    painter->restore();
}

QPixmap PaletteIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State)
{
    QPixmap pixmap(size);
    pixmap.fill(Qt::transparent);
    if (size.isEmpty())
        return pixmap;
    QSvgRenderer renderer(mSvg);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    if (mode == QIcon::Disabled) {
        // The disabled look comes from the style, as for every other icon.
        QStyleOption option;
        option.palette = QApplication::palette();
        const QPixmap styled = QApplication::style()->generatedIconPixmap(mode, pixmap, &option);
        if (!styled.isNull())
            return styled;
    }
    return pixmap;
}

QIconEngine *PaletteIconEngine::clone() const
{
    return new PaletteIconEngine(mSvg);
}

QString PaletteIconEngine::key() const
{
    return QStringLiteral("topolab-palette-svg");
}

} // namespace topolab::app
