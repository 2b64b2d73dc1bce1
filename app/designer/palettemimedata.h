#pragma once

#include <QString>

class QMimeData;

namespace topolab::app {

// The drag-and-drop contract between the component palette and the canvas. Owns nothing.
//
// A palette drag carries:
//   application/x-topolab-kind   the kind's name as UTF-8 bytes, nothing else: a core `kind:`
//                                value ("load_balancer", "database", ...) or "region" for a
//                                region container. This is the format the canvas accepts.
//   text/plain                   the same name, so a drop into a text field or editor gives the
//                                word a topology file would use. Never read back by decode().
// The drag offers Qt::CopyAction only: the palette keeps its entry.
class PaletteMimeData
{
public:
    static QString mimeType();   // "application/x-topolab-kind"
    static QString regionKind(); // "region"

    // Whether `kind` is a name the palette may put in a drag: a component kind or "region".
    static bool isKnownKind(const QString &kind);

    // A new QMimeData (owned by the caller, or by the QDrag it is handed to) for `kind`.
    static QMimeData *encode(const QString &kind);

    // Whether `data` is a palette drag with a known kind; what a drop target checks on enter.
    static bool canDecode(const QMimeData *data);
    // The kind `data` carries, or an empty string when it is not a palette drag or names a
    // kind this build does not know.
    static QString decode(const QMimeData *data);
};

} // namespace topolab::app
