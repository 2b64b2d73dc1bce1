#pragma once

#include "deploysnapshot.h"

#include <QWidget>

#include <memory>

class QSplitter;
class QTreeWidget;
class QTreeWidgetItem;

namespace topolab::app {

class DeployDiffView;

// The plan as a tree, host → what changes on it: files to add (+), change (~) or re-mode (m),
// one-time tasks, service actions, missing programs; a host that could not be read with why
// and what to do. Hosts with changes come open. Beside it the selected file's diff (a secret
// file's contents are never shown), or what the selected line means. Owns its widgets.
class DeployPlanView : public QWidget
{
    Q_OBJECT

public:
    // Columns of the tree.
    enum Column { WhatColumn, DetailColumn };

    explicit DeployPlanView(QWidget *parent = nullptr);

    void showPlan(std::shared_ptr<const PlanSnapshot> plan);
    void clear();
    // Selects the line of `host`'s plan whose text (a file's path) is `text`; false if none.
    bool select(const QString &host, const QString &text);

    QTreeWidget *tree() const { return mTree; }
    DeployDiffView *diffView() const { return mDiff; }

private:
    void showSelected();
    QTreeWidgetItem *addHost(const HostPlanView &host);

    std::shared_ptr<const PlanSnapshot> mPlan;
    QSplitter *mSplitter;
    QTreeWidget *mTree;
    DeployDiffView *mDiff;
};

} // namespace topolab::app
