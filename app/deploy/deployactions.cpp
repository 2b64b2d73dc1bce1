#include "deployactions.h"

#include "gui/actionicons.h"

#include <QAction>
#include <QMenu>
#include <QPalette>
#include <QToolBar>

// The icons are compiled into the static topolab_gui library, whose initialiser the linker drops
// unless something refers to it; Q_INIT_RESOURCE must be called outside any namespace.
static void ensureDeployIcons()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(deployicons);
        return true;
    }();
    Q_UNUSED(done);
}

namespace topolab::app {

DeployActions::DeployActions(QObject *parent)
    : QObject(parent)
    , plan(new QAction(tr("&Plan"), this))
    , deploy(new QAction(tr("&Deploy…"), this))
    , cancel(new QAction(tr("&Cancel Deploy"), this))
    , clearMarks(new QAction(tr("C&lear Deploy Marks"), this))
{
    plan->setObjectName(QStringLiteral("deployPlan"));
    plan->setShortcut(QKeySequence(Qt::Key_F6));
    plan->setStatusTip(tr("Read every host and show what a deploy would change, with diffs"));
    deploy->setObjectName(QStringLiteral("deployApply"));
    deploy->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F6));
    deploy->setStatusTip(tr("Apply the plan to the hosts, tier by tier, after confirmation"));
    cancel->setObjectName(QStringLiteral("deployCancel"));
    cancel->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    cancel->setStatusTip(tr("Stop the plan or deploy now; each host stays as the run left it"));
    cancel->setEnabled(false);
    clearMarks->setObjectName(QStringLiteral("deployClearMarks"));
    clearMarks->setStatusTip(tr("Remove the deploy badges from the canvas"));
    clearMarks->setEnabled(false);
    // The panel's tool bar shows them by name.
    plan->setIconText(tr("Plan"));
    deploy->setIconText(tr("Deploy"));
    cancel->setIconText(tr("Cancel"));
    clearMarks->setIconText(tr("Clear Marks"));
}

void DeployActions::addTo(QMenu *menu) const
{
    QAction *first = menu->actions().isEmpty() ? nullptr : menu->actions().constFirst();
    menu->insertAction(first, plan);
    menu->insertAction(first, deploy);
    menu->insertAction(first, cancel);
    menu->insertAction(first, clearMarks);
    if (first)
        menu->insertSeparator(first);
}

void DeployActions::addTo(QToolBar *toolBar) const
{
    toolBar->addAction(plan);
    toolBar->addAction(deploy);
    toolBar->addAction(cancel);
    toolBar->addSeparator();
    toolBar->addAction(clearMarks);
}

void DeployActions::applyIcons(const QPalette &palette)
{
    ensureDeployIcons();
    const std::pair<QAction *, const char *> art[] = {
        {plan, "deploy-plan"},
        {deploy, "deploy-apply"},
        {cancel, "deploy-cancel"},
        {clearMarks, "deploy-clear"},
    };
    for (const auto &[action, name] : art)
        action->setIcon(ActionIcons::icon(QString::fromLatin1(name), palette));
}

} // namespace topolab::app
