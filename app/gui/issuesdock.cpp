#include "issuesdock.h"

#include "viewerdocument.h"

#include <QApplication>
#include <QHeaderView>
#include <QStyle>
#include <QTreeWidget>

namespace topolab::app {

IssuesDock::IssuesDock(const ViewerDocument &document, QWidget *parent)
    : QDockWidget(tr("Issues"), parent)
    , mDocument(document)
    , mList(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("IssuesDock"));
    setFeatures(DockWidgetMovable | DockWidgetFloatable | DockWidgetClosable);
    mList->setColumnCount(3);
    mList->setHeaderLabels({tr("Issue"), tr("Code"), tr("Location")});
    mList->setRootIsDecorated(false);
    mList->setUniformRowHeights(true);
    mList->setAlternatingRowColors(true);
    mList->setSelectionMode(QAbstractItemView::SingleSelection);
    mList->header()->setStretchLastSection(false);
    mList->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    mList->header()->setSectionResizeMode(CodeColumn, QHeaderView::ResizeToContents);
    mList->header()->setSectionResizeMode(LocationColumn, QHeaderView::ResizeToContents);
    setWidget(mList);

    connect(mList, &QTreeWidget::itemClicked, this, &IssuesDock::activate);
    connect(mList, &QTreeWidget::itemActivated, this, &IssuesDock::activate);
    refresh();
}

void IssuesDock::refresh()
{
    mList->clear();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const bool failed = mDocument.loadFailed();
    mList->setColumnHidden(CodeColumn, failed);
    mList->setColumnHidden(LocationColumn, failed);
    for (const core::Diagnostic &d : mDocument.diagnostics()) {
        auto *item = new QTreeWidgetItem(mList);
        const bool error = d.severity == core::Severity::Error;
        const QString formatted = mDocument.formatted(d);
        item->setIcon(MessageColumn, error ? errorIcon : warningIcon);
        item->setToolTip(MessageColumn, formatted);
        item->setData(MessageColumn, ElementIdRole, QString::fromStdString(d.componentId));
        if (failed) {
            // Nothing is drawn, so the full line is the whole story and stays copyable.
            item->setText(MessageColumn, formatted);
            item->setFirstColumnSpanned(true);
            continue;
        }
        item->setText(MessageColumn, QString::fromStdString(d.message));
        item->setText(CodeColumn, QString::fromStdString(d.code));
        if (d.location.known()) {
            item->setText(LocationColumn, QStringLiteral("%1:%2:%3")
                                              .arg(mDocument.fileName())
                                              .arg(d.location.line)
                                              .arg(std::max(1, d.location.column)));
        }
    }
    if (mDocument.diagnostics().empty() && mDocument.topology()) {
        auto *item = new QTreeWidgetItem(mList, {tr("No problems found.")});
        item->setFlags(Qt::ItemIsEnabled);
        item->setForeground(MessageColumn, palette().color(QPalette::PlaceholderText));
        item->setFirstColumnSpanned(true);
    }
    const int count = int(mDocument.diagnostics().size());
    setWindowTitle(count ? tr("Issues (%1)").arg(count) : tr("Issues"));
}

void IssuesDock::activate(QTreeWidgetItem *item)
{
    const QString id = item->data(MessageColumn, ElementIdRole).toString();
    if (!id.isEmpty())
        Q_EMIT elementActivated(id);
}

} // namespace topolab::app
