#include "kindicons.h"

#include <QPainter>
#include <QPixmapCache>
#include <QSvgRenderer>

// The resources are compiled into the static topolab_gui library, whose initialiser the linker
// drops unless something refers to it; Q_INIT_RESOURCE must be called outside any namespace.
static void ensureTopolabResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(topolab);
        return true;
    }();
    Q_UNUSED(done);
}

namespace topolab::app {

QString KindIcons::resourcePath(core::ComponentKind kind)
{
    ensureTopolabResources();
    const std::string_view name = core::kindName(kind);
    return QStringLiteral(":/icons/%1.svg")
        .arg(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
}

QIcon KindIcons::icon(core::ComponentKind kind)
{
    return QIcon(resourcePath(kind));
}

QPixmap KindIcons::pixmap(core::ComponentKind kind, int pixelSize)
{
    const QString key
        = QStringLiteral("topolab-kind-%1-%2").arg(static_cast<int>(kind)).arg(pixelSize);
    QPixmap cached;
    if (QPixmapCache::find(key, &cached))
        return cached;
    QPixmap pixmap(pixelSize, pixelSize);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(resourcePath(kind));
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, pixelSize, pixelSize));
    painter.end();
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

} // namespace topolab::app
