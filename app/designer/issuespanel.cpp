#include "issuespanel.h"

#include "document/topologydocument.h"

#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace topolab::app {

namespace {

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

QString errorCount(int n)
{
    return n == 1 ? IssuesPanel::tr("1 error") : IssuesPanel::tr("%1 errors").arg(n);
}

QString warningCount(int n)
{
    return n == 1 ? IssuesPanel::tr("1 warning") : IssuesPanel::tr("%1 warnings").arg(n);
}

} // namespace

IssuesPanel::IssuesPanel(QWidget *parent)
    : QDockWidget(tr("Issues"), parent)
    , mSummary(new QLabel)
    , mList(new QTreeWidget)
    , mEmpty(new QLabel)
    , mStack(new QStackedWidget)
{
    setObjectName(QStringLiteral("issuesDock"));
    setFeatures(DockWidgetMovable | DockWidgetFloatable | DockWidgetClosable);

    mSummary->setObjectName(QStringLiteral("issuesSummary"));
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mSummary->setWordWrap(true);

    mList->setObjectName(QStringLiteral("issuesList"));
    mList->setAccessibleName(tr("Issues"));
    mList->setColumnCount(3);
    mList->setHeaderLabels({tr("Issue"), tr("Code"), tr("Location")});
    mList->setRootIsDecorated(false);
    mList->setUniformRowHeights(true);
    mList->setAlternatingRowColors(true);
    mList->setSelectionMode(QAbstractItemView::SingleSelection);
    mList->header()->setStretchLastSection(false);
    mList->header()->setSectionResizeMode(CodeColumn, QHeaderView::ResizeToContents);
    mList->header()->setSectionResizeMode(LocationColumn, QHeaderView::ResizeToContents);

    mEmpty->setObjectName(QStringLiteral("issuesEmpty"));
    mEmpty->setText(tr("The checks run after every edit; what they find shows here."));
    mEmpty->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    mEmpty->setWordWrap(true);
    mEmpty->setForegroundRole(QPalette::PlaceholderText);
    mEmpty->setContentsMargins(8, 16, 8, 8);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(mSummary);
    layout->addWidget(mStack, 1);
    mStack->addWidget(mList);
    mStack->addWidget(mEmpty);
    setWidget(content);

    connect(mList, &QTreeWidget::itemClicked, this, &IssuesPanel::activate);
    connect(mList, &QTreeWidget::itemActivated, this, &IssuesPanel::activate);
    refresh();
}

void IssuesPanel::setDocument(TopologyDocument *document)
{
    if (mDocument == document)
        return;
    if (mDocument)
        mDocument->disconnect(this);
    mDocument = document;
    mLoadErrorPath.clear();
    mLoadErrors.clear();
    if (mDocument) {
        connect(mDocument, &TopologyDocument::diagnosticsChanged, this, [this] {
            if (!showsLoadErrors())
                refresh();
        });
        connect(mDocument, &TopologyDocument::topologyReset, this, &IssuesPanel::documentReset);
        connect(mDocument, &QObject::destroyed, this, &IssuesPanel::refresh);
    }
    refresh();
}

void IssuesPanel::showLoadErrors(const QString &path, const std::vector<core::Diagnostic> &errors)
{
    mLoadErrorPath = path.isEmpty() ? tr("Untitled") : path;
    mLoadErrors = errors;
    refresh();
}

void IssuesPanel::documentReset()
{
    // A New or Open replaced the document: the file that failed to open is no longer the news.
    mLoadErrorPath.clear();
    mLoadErrors.clear();
    refresh();
}

void IssuesPanel::refresh()
{
    // The entry the user was looking at stays current when it survives the edit.
    QStringList current;
    if (const QTreeWidgetItem *item = mList->currentItem()) {
        current = {item->text(MessageColumn), item->text(CodeColumn), item->text(LocationColumn)};
    }
    mList->clear();
    if (showsLoadErrors())
        listLoadErrors();
    else
        listFindings();
    if (mList->topLevelItemCount() > 0)
        mStack->setCurrentWidget(mList);
    else
        mStack->setCurrentWidget(mEmpty);
    if (current.isEmpty())
        return;
    for (int i = 0; i < mList->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = mList->topLevelItem(i);
        if (QStringList{item->text(MessageColumn), item->text(CodeColumn),
                        item->text(LocationColumn)}
            == current) {
            mList->setCurrentItem(item);
            break;
        }
    }
}

void IssuesPanel::listFindings()
{
    mList->setHeaderHidden(false);
    mList->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    mList->setColumnHidden(CodeColumn, false);
    mList->setColumnHidden(LocationColumn, false);
    mSummary->setVisible(mDocument != nullptr);
    if (!mDocument)
        return;

    std::vector<core::Diagnostic> findings = mDocument->diagnostics();
    // Errors stop a simulation or a deploy, so they come first; otherwise the validator's order.
    std::stable_sort(
        findings.begin(), findings.end(), [](const core::Diagnostic &a, const core::Diagnostic &b) {
            return a.severity == core::Severity::Error && b.severity != core::Severity::Error;
        });
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    int errors = 0;
    for (const core::Diagnostic &d : findings) {
        const bool error = d.severity == core::Severity::Error;
        errors += error ? 1 : 0;
        const QString id = fromStd(d.componentId);
        auto *item = new QTreeWidgetItem(mList, {fromStd(d.message), fromStd(d.code), id});
        item->setIcon(MessageColumn, error ? errorIcon : warningIcon);
        item->setToolTip(MessageColumn, item->text(MessageColumn));
        item->setData(MessageColumn, ElementIdRole, id);
        item->setData(MessageColumn, Qt::AccessibleDescriptionRole,
                      error ? tr("Error") : tr("Warning"));
    }
    const int warnings = int(findings.size()) - errors;
    QStringList parts;
    if (errors > 0)
        parts.append(errorCount(errors));
    if (warnings > 0)
        parts.append(warningCount(warnings));
    mSummary->setText(parts.isEmpty() ? tr("No problems found") : parts.join(QStringLiteral(", ")));
    mSummary->setToolTip(QString());
}

void IssuesPanel::listLoadErrors()
{
    // The file did not open, so nothing of it is drawn: the full line is the whole story, in the
    // shape editors and scripts know, and stays copyable.
    mList->setHeaderHidden(true);
    // As wide as the longest line, scrolled sideways: the message is at the end of the line.
    mList->header()->setSectionResizeMode(MessageColumn, QHeaderView::ResizeToContents);
    mList->setColumnHidden(CodeColumn, true);
    mList->setColumnHidden(LocationColumn, true);
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    for (const core::Diagnostic &d : mLoadErrors) {
        const QString line = TopologyDocument::formatDiagnostic(d, mLoadErrorPath);
        auto *item = new QTreeWidgetItem(mList, {line});
        item->setIcon(MessageColumn, errorIcon);
        item->setToolTip(MessageColumn, line);
    }
    const QString name = QFileInfo(mLoadErrorPath).fileName();
    mSummary->setVisible(true);
    mSummary->setText(
        tr("%1 could not be opened: %2").arg(name, errorCount(int(mLoadErrors.size()))));
    mSummary->setToolTip(mLoadErrorPath);
}

void IssuesPanel::activate(QTreeWidgetItem *item)
{
    const QString id = item->data(MessageColumn, ElementIdRole).toString();
    // Only what the canvas can show: a finding about the whole file names nothing.
    if (id.isEmpty() || !mDocument || (!mDocument->component(id) && !mDocument->region(id)))
        return;
    Q_EMIT elementActivated(id);
}

void IssuesPanel::changeEvent(QEvent *event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::StyleChange)
        refresh(); // the severity icons come from the style
}

} // namespace topolab::app
