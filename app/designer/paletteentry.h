#pragma once

#include <QString>

namespace topolab::app {

// One thing the palette offers: a component kind or a region, with the words people see and
// search. Plain data, filled by PaletteCatalog.
struct PaletteEntry
{
    QString kind;        // the drag payload: a core `kind:` value or "region"
    QString title;       // "Load balancer"
    QString group;       // "Traffic"
    QString description; // what it is, in a sentence that does not name other kinds
    QString toolTip;     // rich text: title, description, placement, what it connects to

    // Whether every whitespace-separated term of `filter` (case-insensitive) occurs in the
    // title or the kind name, or starts a word of the group or the description. Searching
    // finds a kind by what it is; the connection lines of the tooltip, which name other
    // kinds, are left out so that "bal" finds the load balancer and not everything near it.
    bool matches(const QString &filter) const;
};

} // namespace topolab::app
