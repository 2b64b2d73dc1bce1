#pragma once

#include <QString>

namespace topolab::app {

// The application's colours: the system palette (the default, following the desktop's light or
// dark theme), or Topolab's own light or dark palette on the Fusion style, for desktops that
// offer no dark theme. Remembered in QSettings under "appearance". Holds nothing.
class Appearance
{
public:
    enum class Mode { System, Light, Dark };

    static Mode stored();
    static void store(Mode mode);
    // Applies `mode` to the running application; every widget and the canvas follow.
    static void apply(Mode mode);
};

} // namespace topolab::app
