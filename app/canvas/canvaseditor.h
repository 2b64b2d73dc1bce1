#pragma once

#include "document/topologydocument.h"

#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>

class QMimeData;

namespace topolab::app {

class DesignScene;
class DesignView;

// The Edit menu's work on the canvas selection: delete, cut, copy, paste (at the mouse, or
// cascading when pasted again from the keyboard), duplicate, select all, align, distribute and
// automatic layout, and adding a palette kind without dragging it. Goes through the document's
// mutators only; owns nothing but the paste cascade.
class CanvasEditor : public QObject
{
    Q_OBJECT

public:
    // What the clipboard carries besides plain text: the same topology-file fragment.
    static QString mimeType(); // "application/x-topolab-fragment"

    CanvasEditor(DesignScene *scene, DesignView *view, QObject *parent = nullptr);

    bool hasSelection() const;
    static bool clipboardHasFragment();
    // The clipboard text for `ids`, with the positions the canvas shows even where the file
    // has none, so that a paste lands in the same arrangement.
    QString fragmentText(const QStringList &ids) const;

public Q_SLOTS:
    void deleteSelection();
    void cut();
    void copy();
    void paste();
    void duplicate();
    void selectAll();
    void align(topolab::app::TopologyDocument::Alignment alignment);
    void distribute(topolab::app::TopologyDocument::Distribution distribution);
    // The regions selected, or the regions of the selected components, or everything.
    void autoLayout();
    void addKind(const QString &kind);

Q_SIGNALS:
    void message(const QString &text);

private:
    // Pastes `text` so that its elements' middle lands at `centre`.
    QStringList pasteAt(const QString &text, const QPointF &centre);
    // Puts the new components `ids` in the region each one lands in, as part of the edit.
    void settleRegions(const QStringList &ids);

    DesignScene *mScene;
    DesignView *mView;
    QString mLastPasted; // the clipboard text pasted last, for the cascade
    int mCascade = 0;
};

} // namespace topolab::app
