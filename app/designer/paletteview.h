#pragma once

#include <QTreeWidget>

class QMimeData;

namespace topolab::app {

// The list inside the palette dock: group headers with the entries under them. Starts a copy
// drag of an entry with its icon as the drag image, and reports an entry activated by double
// click or Enter. Owns its items; each entry item keeps its kind name under KindRole.
class PaletteView : public QTreeWidget
{
    Q_OBJECT

public:
    static constexpr int KindRole = Qt::UserRole + 1;
    static constexpr int DragIconSize = 40; // logical pixels of the drag image

    explicit PaletteView(QWidget *parent = nullptr);

    // What a drag of `item` carries (see PaletteMimeData); null for a group header. Owned by
    // the caller.
    QMimeData *dragMimeData(const QTreeWidgetItem *item) const;
    // The drag image of `item` at this screen's device pixel ratio.
    QPixmap dragPixmap(const QTreeWidgetItem *item) const;

Q_SIGNALS:
    void entryActivated(const QString &kind);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;
    void startDrag(Qt::DropActions supportedActions) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace topolab::app
