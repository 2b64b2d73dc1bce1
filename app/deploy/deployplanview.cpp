#include "deployplanview.h"

#include "deploydiffview.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QTreeWidget>

#include <algorithm>

namespace topolab::app {

namespace {

// Where a tree line points in the plan: a host's index, and an entry's (-1 for the host).
constexpr int HostRole = Qt::UserRole + 1;
constexpr int EntryRole = Qt::UserRole + 2;
constexpr int ProblemRole = Qt::UserRole + 3;

QString sign(PlanEntry::Kind kind)
{
    switch (kind) {
    case PlanEntry::Kind::Add:
        return QStringLiteral("+");
    case PlanEntry::Kind::Change:
        return QStringLiteral("~");
    case PlanEntry::Kind::Mode:
        return QStringLiteral("m");
    case PlanEntry::Kind::Task:
        return QStringLiteral("▸");
    case PlanEntry::Kind::Service:
        return QStringLiteral("⟳");
    case PlanEntry::Kind::Missing:
        return QStringLiteral("!");
    }
    return {};
}

QColor signColour(PlanEntry::Kind kind)
{
    switch (kind) {
    case PlanEntry::Kind::Add:
        return QColor(0x2e, 0x9a, 0x47);
    case PlanEntry::Kind::Change:
        return QColor(0xc7, 0x6b, 0x00);
    case PlanEntry::Kind::Mode:
        return QColor(0x5c, 0x6b, 0xc0);
    case PlanEntry::Kind::Task:
    case PlanEntry::Kind::Service:
        return QColor(0x1f, 0x6f, 0xd1);
    case PlanEntry::Kind::Missing:
        return QColor(0xd3, 0x2f, 0x2f);
    }
    return {};
}

} // namespace

DeployPlanView::DeployPlanView(QWidget *parent)
    : QWidget(parent)
    , mSplitter(new QSplitter(Qt::Horizontal, this))
    , mTree(new QTreeWidget)
    , mDiff(new DeployDiffView)
{
    mTree->setObjectName(QStringLiteral("deployPlanTree"));
    mTree->setColumnCount(2);
    mTree->setHeaderLabels({tr("Change"), tr("Detail")});
    mTree->setUniformRowHeights(true);
    mTree->header()->setStretchLastSection(true);
    mTree->header()->setSectionResizeMode(WhatColumn, QHeaderView::Interactive);
    mTree->setColumnWidth(WhatColumn, 320);
    mTree->setAlternatingRowColors(false);
    mSplitter->addWidget(mTree);
    mSplitter->addWidget(mDiff);
    mSplitter->setStretchFactor(0, 2);
    mSplitter->setStretchFactor(1, 3);
    mSplitter->setChildrenCollapsible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mSplitter);
    connect(mTree, &QTreeWidget::currentItemChanged, this, &DeployPlanView::showSelected);
}

void DeployPlanView::clear()
{
    mPlan.reset();
    mTree->clear();
    mDiff->showNote({});
}

QTreeWidgetItem *DeployPlanView::addHost(const HostPlanView &host)
{
    auto *item = new QTreeWidgetItem(mTree);
    QFont bold = mTree->font();
    bold.setBold(true);
    item->setFont(WhatColumn, bold);
    item->setText(WhatColumn, host.host);
    if (!host.error.isEmpty()) {
        item->setText(DetailColumn, host.error);
        item->setIcon(WhatColumn, DeployBadge::icon(DeployMark::Failed));
        item->setForeground(DetailColumn, DeployBadge::colour(DeployMark::Failed));
    } else if (host.changes) {
        int files = 0;
        int other = 0;
        for (const PlanEntry &entry : host.entries) {
            const bool file = entry.kind == PlanEntry::Kind::Add
                              || entry.kind == PlanEntry::Kind::Change
                              || entry.kind == PlanEntry::Kind::Mode;
            (file ? files : other) += 1;
        }
        QStringList parts;
        if (files > 0)
            parts.append(files == 1 ? tr("1 file") : tr("%1 files").arg(files));
        if (other > 0)
            parts.append(other == 1 ? tr("1 other step") : tr("%1 other steps").arg(other));
        item->setText(DetailColumn,
                      host.endpoint + QStringLiteral(" — ") + parts.join(QStringLiteral(", ")));
        item->setIcon(WhatColumn, DeployBadge::icon(DeployMark::Pending));
    } else {
        item->setText(DetailColumn, tr("%1 — no changes").arg(host.endpoint));
        item->setIcon(WhatColumn, DeployBadge::icon(DeployMark::Unchanged));
        item->setForeground(DetailColumn, mTree->palette().color(QPalette::PlaceholderText));
    }
    item->setToolTip(DetailColumn, item->text(DetailColumn));
    return item;
}

void DeployPlanView::showPlan(std::shared_ptr<const PlanSnapshot> plan)
{
    mPlan = std::move(plan);
    mTree->clear();
    mDiff->showNote({});
    if (!mPlan)
        return;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (!mPlan->renderProblems.isEmpty()) {
        auto *problems = new QTreeWidgetItem(mTree, {tr("Cannot render"), mPlan->summary});
        problems->setIcon(WhatColumn, DeployBadge::icon(DeployMark::Failed));
        for (int i = 0; i < mPlan->renderProblems.size(); ++i) {
            auto *line = new QTreeWidgetItem(problems, {mPlan->renderProblems[i]});
            line->setFirstColumnSpanned(true);
            line->setData(WhatColumn, ProblemRole, i);
            line->setForeground(WhatColumn, DeployBadge::colour(DeployMark::Failed));
        }
        problems->setExpanded(true);
    }
    for (int h = 0; h < mPlan->hosts.size(); ++h) {
        const HostPlanView &host = mPlan->hosts[h];
        QTreeWidgetItem *item = addHost(host);
        item->setData(WhatColumn, HostRole, h);
        item->setData(WhatColumn, EntryRole, -1);
        for (int e = 0; e < host.entries.size(); ++e) {
            const PlanEntry &entry = host.entries[e];
            auto *line = new QTreeWidgetItem(item);
            line->setText(WhatColumn, sign(entry.kind) + QLatin1Char(' ') + entry.text);
            QString detail = entry.detail;
            if (host.components.size() > 1 && entry.component != host.host)
                detail += QStringLiteral(" · ") + entry.component;
            line->setText(DetailColumn, detail);
            line->setToolTip(WhatColumn, entry.text);
            line->setToolTip(DetailColumn, detail);
            line->setForeground(WhatColumn, signColour(entry.kind));
            if (entry.kind == PlanEntry::Kind::Add || entry.kind == PlanEntry::Kind::Change
                || entry.kind == PlanEntry::Kind::Mode)
                line->setFont(WhatColumn, mono);
            line->setData(WhatColumn, HostRole, h);
            line->setData(WhatColumn, EntryRole, e);
        }
        item->setExpanded(host.changes || !host.error.isEmpty());
    }
    // Paths unclipped, within reason: the detail column keeps at least a third.
    mTree->expandAll();
    mTree->resizeColumnToContents(WhatColumn);
    const int widest = std::max(240, mTree->viewport()->width() * 2 / 3);
    mTree->setColumnWidth(WhatColumn, std::min(mTree->columnWidth(WhatColumn) + 12, widest));
    for (int i = 0; i < mTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = mTree->topLevelItem(i);
        const QVariant index = item->data(WhatColumn, HostRole);
        const bool open = !index.isValid() || mPlan->hosts[index.toInt()].changes
                          || !mPlan->hosts[index.toInt()].error.isEmpty();
        item->setExpanded(open);
    }
    // The first changed file, ready to read.
    for (int i = 0; i < mTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *host = mTree->topLevelItem(i);
        for (int c = 0; c < host->childCount(); ++c) {
            const QVariant entry = host->child(c)->data(WhatColumn, EntryRole);
            if (entry.isValid() && entry.toInt() >= 0) {
                mTree->setCurrentItem(host->child(c));
                return;
            }
        }
    }
}

bool DeployPlanView::select(const QString &host, const QString &text)
{
    if (!mPlan)
        return false;
    for (int i = 0; i < mTree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = mTree->topLevelItem(i);
        if (item->text(WhatColumn) != host)
            continue;
        for (int c = 0; c < item->childCount(); ++c) {
            QTreeWidgetItem *line = item->child(c);
            const int e = line->data(WhatColumn, EntryRole).toInt();
            const int h = line->data(WhatColumn, HostRole).toInt();
            if (e >= 0 && mPlan->hosts[h].entries[e].text == text) {
                mTree->setCurrentItem(line);
                return true;
            }
        }
    }
    return false;
}

void DeployPlanView::showSelected()
{
    QTreeWidgetItem *item = mTree->currentItem();
    if (!mPlan || !item) {
        mDiff->showNote({});
        return;
    }
    if (const QVariant problem = item->data(WhatColumn, ProblemRole); problem.isValid()) {
        mDiff->showNote(mPlan->renderProblems.value(problem.toInt()));
        return;
    }
    const QVariant hostIndex = item->data(WhatColumn, HostRole);
    if (!hostIndex.isValid()) {
        mDiff->showNote(mPlan->renderProblems.join(QStringLiteral("\n\n")));
        return;
    }
    const HostPlanView &host = mPlan->hosts[hostIndex.toInt()];
    const int e = item->data(WhatColumn, EntryRole).toInt();
    if (e < 0) {
        QString note = host.host + QStringLiteral("  ") + host.endpoint + QStringLiteral("\n")
                       + tr("Components: %1").arg(host.components.join(QStringLiteral(", ")));
        if (!host.error.isEmpty())
            note += QStringLiteral("\n\n") + host.error;
        if (!host.hint.isEmpty())
            note += QStringLiteral("\n\n") + host.hint;
        mDiff->showNote(note);
        return;
    }
    const PlanEntry &entry = host.entries[e];
    switch (entry.kind) {
    case PlanEntry::Kind::Add:
    case PlanEntry::Kind::Change:
        if (entry.secret)
            mDiff->showNote(tr("%1\n\nA secret file: contents not shown.").arg(entry.text));
        else
            mDiff->showDiff(entry.diff);
        break;
    case PlanEntry::Kind::Mode:
        mDiff->showNote(tr("%1\n\nOnly its mode changes: %2.").arg(entry.text, entry.detail));
        break;
    case PlanEntry::Kind::Task:
        mDiff->showNote(
            tr("One-time task on %1: %2.\nIt runs once; a later deploy finds it done and skips it.")
                .arg(host.host, entry.text));
        break;
    case PlanEntry::Kind::Service:
        mDiff->showNote(tr("Service %1: %2.\nIts health check must pass before the deploy goes on.")
                            .arg(entry.text, entry.detail));
        break;
    case PlanEntry::Kind::Missing:
        mDiff->showNote(tr("%1 lacks these programs: %2.\nInstall them on the host, then plan "
                           "again (docs/deploy.md lists the packages per component).")
                            .arg(host.host, entry.text));
        break;
    }
}

} // namespace topolab::app
