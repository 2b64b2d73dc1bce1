#pragma once

#include "paletteentry.h"

#include "core/model/componentkind.h"

#include <QCoreApplication>
#include <QIcon>
#include <QList>

namespace topolab::app {

// What the component palette offers, in palette order: every component kind of core and the
// region container, each with its group, a translated title and description, and a tooltip
// whose "connects to" and "linked from" lines are asked of core's connection rules table, so
// they cannot drift from what the canvas accepts. Owns nothing; all functions are static.
class PaletteCatalog
{
    Q_DECLARE_TR_FUNCTIONS(topolab::app::PaletteCatalog)

public:
    static QList<PaletteEntry> entries();
    static QIcon icon(const QString &kind); // the kind's SVG icon; null for an unknown name
    static QString title(core::ComponentKind kind);
};

} // namespace topolab::app
