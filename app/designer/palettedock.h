#pragma once

#include "paletteentry.h"

#include <QDockWidget>
#include <QList>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTreeWidgetItem;

namespace topolab::app {

class PaletteView;

// The "Components" dock: a filter box over the grouped list of everything that can be put on
// the canvas (the component kinds of core and the region container). Entries are dragged onto
// the canvas (see PaletteMimeData for what a drag carries) or activated by double click or
// Enter, which asks the window to add that kind at the centre of the view. The filter has no
// shortcut of its own: Ctrl+F belongs to the canvas's find. Owns its filter, list,
// empty-result label and the catalogue entries the list shows.
class PaletteDock : public QDockWidget
{
    Q_OBJECT

public:
    static constexpr int IconSize = 24; // logical pixels; icons render at this × device ratio

    explicit PaletteDock(QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return mFilter; }
    PaletteView *view() const { return mView; }
    QLabel *emptyLabel() const { return mEmpty; }

    // Shows the entries matching `text` (see PaletteEntry::matches) and the groups holding
    // them; an empty text shows everything.
    void setFilter(const QString &text);
    // The kind names of the entries currently shown, in list order.
    QStringList visibleKinds() const;
    // The entry item of `kind`, or null.
    QTreeWidgetItem *itemForKind(const QString &kind) const;

Q_SIGNALS:
    // The user asked to add `kind` (a core kind name or "region") without dragging it.
    void kindActivated(const QString &kind);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void populate();
    void styleGroupHeaders();
    void applyFilter(const QString &text);
    void activateSingleMatch();
    QList<QTreeWidgetItem *> visibleEntries() const;

    static constexpr int EntryIndexRole = Qt::UserRole + 2; // index into mEntries

    QList<PaletteEntry> mEntries;
    QLineEdit *mFilter;
    PaletteView *mView;
    QLabel *mEmpty;
    QStackedWidget *mStack; // the list, or the empty-result label in its place
};

} // namespace topolab::app
