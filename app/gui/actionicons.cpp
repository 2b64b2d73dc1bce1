#include "actionicons.h"

#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace topolab::app {

namespace {

QPixmap render(const QByteArray &svg, const QColor &colour, int size)
{
    QByteArray coloured = svg;
    coloured.replace("currentColor", colour.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(coloured);
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    renderer.render(&painter);
    return pixmap;
}

} // namespace

QIcon ActionIcons::icon(const QString &name, const QPalette &palette)
{
    QFile file(QStringLiteral(":/actions/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll();
    QIcon icon;
    // Sizes for menus, toolbars and their doubles on high-density screens.
    for (int size : {16, 24, 32, 48, 64}) {
        icon.addPixmap(render(svg, palette.color(QPalette::WindowText), size), QIcon::Normal);
        icon.addPixmap(render(svg, palette.color(QPalette::Disabled, QPalette::WindowText), size),
                       QIcon::Disabled);
    }
    return icon;
}

} // namespace topolab::app
