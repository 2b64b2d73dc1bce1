#include "palettedock.h"

#include "palettecatalog.h"
#include "paletteview.h"

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace topolab::app {

PaletteDock::PaletteDock(QWidget *parent)
    : QDockWidget(tr("Components"), parent)
    , mFilter(new QLineEdit)
    , mView(new PaletteView)
    , mEmpty(new QLabel)
    , mStack(new QStackedWidget)
{
    setObjectName(QStringLiteral("paletteDock"));
    setFeatures(DockWidgetMovable | DockWidgetFloatable | DockWidgetClosable);

    mFilter->setObjectName(QStringLiteral("paletteFilter"));
    mFilter->setPlaceholderText(tr("Filter components"));
    mFilter->setClearButtonEnabled(true);
    mFilter->setToolTip(tr("Type part of a name or of what a component does. Enter adds the "
                           "only match; Down moves into the list."));
    mFilter->installEventFilter(this);

    mView->setObjectName(QStringLiteral("paletteList"));
    mView->setIconSize(QSize(IconSize, IconSize));
    mView->setAccessibleName(tr("Components"));

    mEmpty->setObjectName(QStringLiteral("paletteEmpty"));
    mEmpty->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    mEmpty->setWordWrap(true);
    mEmpty->setForegroundRole(QPalette::PlaceholderText);
    mEmpty->setContentsMargins(8, 16, 8, 8);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(mFilter);
    layout->addWidget(mStack, 1);
    mStack->addWidget(mView);
    mStack->addWidget(mEmpty); // shown in place of the list, message at the top
    setWidget(content);
    setFocusProxy(mFilter);

    populate();

    connect(mFilter, &QLineEdit::textChanged, this, &PaletteDock::applyFilter);
    connect(mFilter, &QLineEdit::returnPressed, this, &PaletteDock::activateSingleMatch);
    connect(mView, &PaletteView::entryActivated, this, &PaletteDock::kindActivated);
}

void PaletteDock::populate()
{
    mEntries = PaletteCatalog::entries();
    QTreeWidgetItem *header = nullptr;
    for (qsizetype index = 0; index < mEntries.size(); ++index) {
        const PaletteEntry &entry = mEntries.at(index);
        if (!header || header->text(0) != entry.group) {
            header = new QTreeWidgetItem(mView, {entry.group});
            // Enabled (a disabled parent would disable its entries) but neither selected nor
            // dragged; PaletteView's cursor movement steps over it.
            header->setFlags(Qt::ItemIsEnabled);
            header->setTextAlignment(0, Qt::AlignLeft | Qt::AlignBottom);
            header->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(header, {entry.title});
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        item->setIcon(0, PaletteCatalog::icon(entry.kind));
        item->setToolTip(0, entry.toolTip);
        item->setStatusTip(0, entry.description);
        item->setData(0, PaletteView::KindRole, entry.kind);
        item->setData(0, EntryIndexRole, index);
        item->setData(0, Qt::AccessibleDescriptionRole, entry.description);
    }
    mView->expandAll();
    styleGroupHeaders();
}

void PaletteDock::styleGroupHeaders()
{
    QFont font = mView->font();
    font.setBold(true);
    const int height = QFontMetrics(font).height() + 14; // air above each group
    // The dock's own palette: on a palette change it is told before its children are.
    const QBrush brush = palette().brush(QPalette::Active, QPalette::PlaceholderText);
    for (int i = 0; i < mView->topLevelItemCount(); ++i) {
        QTreeWidgetItem *header = mView->topLevelItem(i);
        header->setFont(0, font);
        header->setForeground(0, brush);
        header->setSizeHint(0, QSize(0, height)); // width 0: the column decides
    }
}

void PaletteDock::setFilter(const QString &text)
{
    mFilter->setText(text); // applyFilter follows through textChanged
}

void PaletteDock::applyFilter(const QString &text)
{
    int shown = 0;
    for (int i = 0; i < mView->topLevelItemCount(); ++i) {
        QTreeWidgetItem *header = mView->topLevelItem(i);
        int inGroup = 0;
        for (int j = 0; j < header->childCount(); ++j) {
            QTreeWidgetItem *item = header->child(j);
            const bool match = mEntries.at(item->data(0, EntryIndexRole).toInt()).matches(text);
            item->setHidden(!match);
            inGroup += match ? 1 : 0;
        }
        header->setHidden(inGroup == 0);
        shown += inGroup;
    }
    if (mView->currentItem() && mView->currentItem()->isHidden()) {
        mView->clearSelection();
        mView->setCurrentItem(nullptr);
    }
    mEmpty->setText(tr("No component matches “%1”").arg(text.trimmed()));
    mStack->setCurrentWidget(shown == 0 ? static_cast<QWidget *>(mEmpty) : mView);
}

QList<QTreeWidgetItem *> PaletteDock::visibleEntries() const
{
    QList<QTreeWidgetItem *> items;
    for (int i = 0; i < mView->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *header = mView->topLevelItem(i);
        if (header->isHidden())
            continue;
        for (int j = 0; j < header->childCount(); ++j) {
            if (!header->child(j)->isHidden())
                items << header->child(j);
        }
    }
    return items;
}

QStringList PaletteDock::visibleKinds() const
{
    QStringList kinds;
    for (const QTreeWidgetItem *item : visibleEntries())
        kinds << item->data(0, PaletteView::KindRole).toString();
    return kinds;
}

QTreeWidgetItem *PaletteDock::itemForKind(const QString &kind) const
{
    for (int i = 0; i < mView->topLevelItemCount(); ++i) {
        QTreeWidgetItem *header = mView->topLevelItem(i);
        for (int j = 0; j < header->childCount(); ++j) {
            if (header->child(j)->data(0, PaletteView::KindRole).toString() == kind)
                return header->child(j);
        }
    }
    return nullptr;
}

void PaletteDock::activateSingleMatch()
{
    const QList<QTreeWidgetItem *> items = visibleEntries();
    if (items.size() == 1) {
        Q_EMIT kindActivated(items.first()->data(0, PaletteView::KindRole).toString());
    } else if (!items.isEmpty()) {
        // Several matches: step into the list so arrows pick one and Enter adds it.
        mView->setCurrentItem(items.first());
        mView->setFocus(Qt::ShortcutFocusReason);
    }
}

bool PaletteDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mFilter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down) {
            const QList<QTreeWidgetItem *> items = visibleEntries();
            if (!items.isEmpty()) {
                mView->setCurrentItem(items.first());
                mView->setFocus(Qt::TabFocusReason);
            }
            return true;
        }
        if (key->key() == Qt::Key_Escape && !mFilter->text().isEmpty()) {
            mFilter->clear();
            return true;
        }
    }
    return QDockWidget::eventFilter(watched, event);
}

void PaletteDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        styleGroupHeaders();
}

} // namespace topolab::app
