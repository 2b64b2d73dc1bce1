#include "paletteview.h"

#include "palettemimedata.h"

#include <QDrag>
#include <QKeyEvent>
#include <QMimeData>

namespace topolab::app {

PaletteView::PaletteView(QWidget *parent)
    : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setColumnCount(1);
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setExpandsOnDoubleClick(false);
    setIndentation(0);
    setUniformRowHeights(false);
    setSelectionMode(SingleSelection);
    setDragEnabled(true);
    setDragDropMode(DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(this, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        const QString kind = item ? item->data(0, KindRole).toString() : QString();
        if (!kind.isEmpty())
            Q_EMIT entryActivated(kind);
    });
}

QMimeData *PaletteView::dragMimeData(const QTreeWidgetItem *item) const
{
    const QString kind = item ? item->data(0, KindRole).toString() : QString();
    if (kind.isEmpty())
        return nullptr;
    return PaletteMimeData::encode(kind);
}

QPixmap PaletteView::dragPixmap(const QTreeWidgetItem *item) const
{
    if (!item)
        return {};
    const QSize size(DragIconSize, DragIconSize);
    return item->icon(0).pixmap(size, devicePixelRatioF());
}

QStringList PaletteView::mimeTypes() const
{
    return {PaletteMimeData::mimeType(), QStringLiteral("text/plain")};
}

QMimeData *PaletteView::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    return items.size() == 1 ? dragMimeData(items.first()) : nullptr;
}

void PaletteView::startDrag(Qt::DropActions supportedActions)
{
    QTreeWidgetItem *item = currentItem();
    QMimeData *data = dragMimeData(item);
    if (!data || !(supportedActions & Qt::CopyAction)) {
        delete data;
        return;
    }
    auto *drag = new QDrag(this);
    drag->setMimeData(data);
    const QPixmap pixmap = dragPixmap(item);
    drag->setPixmap(pixmap);
    drag->setHotSpot(QPoint(DragIconSize / 2, DragIconSize / 2));
    drag->exec(Qt::CopyAction, Qt::CopyAction);
    // An entry left highlighted would read as a drawing mode still on; the palette has none.
    clearSelection();
}

QModelIndex PaletteView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    const auto isEntry = [](const QModelIndex &index) {
        return !index.data(KindRole).toString().isEmpty();
    };
    QModelIndex index = QTreeWidget::moveCursor(cursorAction, modifiers);
    if (!index.isValid() || isEntry(index))
        return index;
    // Landed on a header: keep going the way the key points, else turn back.
    const bool upwards = cursorAction == MoveUp || cursorAction == MovePrevious
                         || cursorAction == MovePageUp || cursorAction == MoveEnd;
    const bool forwards = !upwards && cursorAction != MoveLeft && cursorAction != MoveRight;
    for (const bool down : {forwards, !forwards}) {
        QModelIndex step = index;
        while (step.isValid() && !isEntry(step))
            step = down ? indexBelow(step) : indexAbove(step);
        if (step.isValid())
            return step;
    }
    return currentIndex();
}

void PaletteView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        const QTreeWidgetItem *item = currentItem();
        const QString kind
            = item && !item->isHidden() ? item->data(0, KindRole).toString() : QString();
        if (!kind.isEmpty()) {
            Q_EMIT entryActivated(kind);
            event->accept();
            return;
        }
    }
    QTreeWidget::keyPressEvent(event);
}

} // namespace topolab::app
