#include "historydock.h"

#include <QEvent>
#include <QLabel>
#include <QStyle>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

namespace topolab::app {

HistoryDock::HistoryDock(QWidget *parent)
    : QDockWidget(tr("History"), parent)
    , mView(new QUndoView)
    , mHint(new QLabel)
{
    setObjectName(QStringLiteral("historyDock"));
    setFeatures(DockWidgetMovable | DockWidgetFloatable | DockWidgetClosable);

    mView->setObjectName(QStringLiteral("historyList"));
    mView->setAccessibleName(tr("History"));
    // QUndoView's "<empty>" says nothing about the state it restores.
    mView->setEmptyLabel(tr("Before any edit"));
    mView->setAlternatingRowColors(true);

    mHint->setObjectName(QStringLiteral("historyHint"));
    mHint->setText(tr("Click an entry to go back to it. The saved state has the save icon."));
    mHint->setWordWrap(true);
    mHint->setForegroundRole(QPalette::PlaceholderText);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(mView, 1);
    layout->addWidget(mHint);
    setWidget(content);
    updateCleanIcon();
}

void HistoryDock::setStack(QUndoStack *stack)
{
    mView->setStack(stack);
}

QUndoStack *HistoryDock::stack() const
{
    return mView->stack();
}

void HistoryDock::updateCleanIcon()
{
    // A small mark beside the entry, not a toolbar icon that makes its row taller.
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, mView);
    mView->setIconSize(QSize(size, size));
    mView->setCleanIcon(QIcon::fromTheme(QStringLiteral("document-save"),
                                         style()->standardIcon(QStyle::SP_DialogSaveButton)));
}

void HistoryDock::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange)
        updateCleanIcon();
}

} // namespace topolab::app
