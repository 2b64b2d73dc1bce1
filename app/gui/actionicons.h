#pragma once

#include <QIcon>
#include <QString>

class QPalette;

namespace topolab::app {

// The toolbar and menu icons bundled under :/actions: line art drawn in "currentColor", coloured
// here with the palette's text colour (dimmed for the disabled state), so that the icons match
// light and dark palettes and do not depend on an icon theme being installed. Holds nothing.
class ActionIcons
{
public:
    // Null when `name` is not bundled.
    static QIcon icon(const QString &name, const QPalette &palette);
};

} // namespace topolab::app
