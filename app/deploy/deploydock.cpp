#include "deploydock.h"

#include "deployactions.h"
#include "deployhostmodel.h"
#include "deployplanview.h"
#include "deployprogressdelegate.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace topolab::app {

DeployDock::DeployDock(QWidget *parent)
    : QDockWidget(tr("Deploy"), parent)
    , mToolBar(new QToolBar)
    , mSummary(new QLabel)
    , mTabs(new QTabWidget)
    , mPlan(new DeployPlanView)
    , mHosts(new DeployHostModel(this))
    , mTable(new QTableView)
    , mLogTitle(new QLabel)
    , mLog(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("deployDock"));
    mToolBar->setObjectName(QStringLiteral("deployToolBar"));
    mToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    mToolBar->setIconSize(QSize(18, 18));
    mSummary->setObjectName(QStringLiteral("deploySummary"));
    mSummary->setWordWrap(true);
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mSummary->setText(tr("Plan reads every host of the deploy section and shows what a deploy "
                         "would change."));

    mTable->setObjectName(QStringLiteral("deployHostTable"));
    mTable->setModel(mHosts);
    mTable->setItemDelegateForColumn(DeployHostModel::ProgressColumn,
                                     new DeployProgressDelegate(mTable));
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->verticalHeader()->hide();
    mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 10);
    mTable->setShowGrid(false);
    mTable->setWordWrap(false);
    mTable->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = mTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(DeployHostModel::StepColumn, QHeaderView::Stretch);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    mTable->setColumnWidth(DeployHostModel::HostColumn, 110);
    mTable->setColumnWidth(DeployHostModel::ComponentsColumn, 130);
    mTable->setColumnWidth(DeployHostModel::ProgressColumn, 130);
    mTable->setColumnWidth(DeployHostModel::ElapsedColumn, 70);
    mTable->setColumnWidth(DeployHostModel::StateColumn, 130);

    mLog->setObjectName(QStringLiteral("deployLog"));
    mLog->setReadOnly(true);
    mLog->setLineWrapMode(QPlainTextEdit::NoWrap);
    mLog->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    mLog->setMaximumBlockCount(20000);
    mLog->setPlaceholderText(tr("Select a host to read its log."));
    mLogTitle->setObjectName(QStringLiteral("deployLogTitle"));
    auto *logPane = new QWidget;
    auto *logLayout = new QVBoxLayout(logPane);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->setSpacing(2);
    logLayout->addWidget(mLogTitle);
    logLayout->addWidget(mLog, 1);
    mLogTitle->setText(tr("Log"));

    auto *hostsPane = new QSplitter(Qt::Horizontal);
    hostsPane->addWidget(mTable);
    hostsPane->addWidget(logPane);
    hostsPane->setStretchFactor(0, 3);
    hostsPane->setStretchFactor(1, 2);
    hostsPane->setChildrenCollapsible(false);

    mTabs->setObjectName(QStringLiteral("deployTabs"));
    mTabs->setDocumentMode(true);
    mTabs->addTab(mPlan, tr("Plan"));
    mTabs->addTab(hostsPane, tr("Hosts"));

    auto *body = new QWidget;
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(4);
    auto *top = new QHBoxLayout;
    top->setSpacing(8);
    top->addWidget(mToolBar);
    top->addWidget(mSummary, 1);
    layout->addLayout(top);
    layout->addWidget(mTabs, 1);
    setWidget(body);

    connect(mTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showLogOf(mHosts->hostAt(current.row())); });
    connect(mHosts, &DeployHostModel::logAppended, this, &DeployDock::appendLog);
    connect(mHosts, &QAbstractItemModel::modelReset, this, [this] {
        const QString host = mLogHost;
        mLogHost.clear();
        if (mHosts->rowOf(host) >= 0)
            selectHost(host);
        else
            showLogOf({});
    });
}

void DeployDock::setActions(DeployActions *actions)
{
    actions->addTo(mToolBar);
}

void DeployDock::setSummary(const QString &text)
{
    mSummary->setText(text);
    mSummary->setToolTip(text);
}

QString DeployDock::summary() const
{
    return mSummary->text();
}

void DeployDock::showPlanTab()
{
    mTabs->setCurrentIndex(0);
}

void DeployDock::showHostsTab()
{
    mTabs->setCurrentIndex(1);
}

void DeployDock::selectHost(const QString &host)
{
    const int row = mHosts->rowOf(host);
    if (row >= 0)
        mTable->setCurrentIndex(mHosts->index(row, DeployHostModel::HostColumn));
    showLogOf(host);
}

void DeployDock::showLogOf(const QString &host)
{
    if (host == mLogHost && !host.isEmpty())
        return;
    mLogHost = host;
    mLogTitle->setText(host.isEmpty() ? tr("Log") : tr("Log of %1").arg(host));
    QString text = mHosts->log(host);
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    mLog->setPlainText(text);
    mLog->verticalScrollBar()->setValue(mLog->verticalScrollBar()->maximum());
}

void DeployDock::appendLog(const QString &host, const QString &lines)
{
    if (host != mLogHost)
        return;
    // Follows the end unless the reader scrolled up.
    QScrollBar *bar = mLog->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    QString text = lines;
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    mLog->appendPlainText(text);
    if (atEnd)
        bar->setValue(bar->maximum());
}

} // namespace topolab::app
