#pragma once

#include <QDockWidget>

class QLabel;
class QUndoStack;
class QUndoView;

namespace topolab::app {

// The "History" dock: the document's undo stack as a list, oldest edit first, the current state
// selected. Clicking an entry undoes or redoes to just after that edit; the first entry is the
// document before any edit, as opened or created. The state the file on disk holds is marked
// with a save icon. Owns its view and hint; not the stack.
class HistoryDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit HistoryDock(QWidget *parent = nullptr);

    // The stack shown (the document's undoStack()); null shows an empty list.
    void setStack(QUndoStack *stack);
    QUndoStack *stack() const;

    QUndoView *view() const { return mView; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateCleanIcon();

    QUndoView *mView;
    QLabel *mHint;
};

} // namespace topolab::app
