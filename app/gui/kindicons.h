#pragma once

#include "core/model/componentkind.h"

#include <QIcon>
#include <QPixmap>
#include <QString>

namespace topolab::app {

// The SVG icon of each component kind, from the :/icons resources. Owns nothing: rendered
// pixmaps live in QPixmapCache, so a canvas of a thousand components renders each size once.
class KindIcons
{
public:
    static QString resourcePath(core::ComponentKind kind);
    static QIcon icon(core::ComponentKind kind);
    // The icon rendered at exactly `pixelSize` device pixels square.
    static QPixmap pixmap(core::ComponentKind kind, int pixelSize);
};

} // namespace topolab::app
