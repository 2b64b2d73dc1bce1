#include "comparewindow.h"

#include "sweeppage.h"
#include "variantspage.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QScreen>
#include <QTabWidget>
#include <QVBoxLayout>

namespace topolab::app {

CompareWindow::CompareWindow(QWidget *parent)
    : QDialog(parent)
    , mTabs(new QTabWidget)
    , mVariants(new VariantsPage)
    , mSweep(new SweepPage)
{
    setObjectName(QStringLiteral("compareWindow"));
    setModal(false);
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    mTabs->addTab(mVariants, tr("Compare &Variants"));
    mTabs->addTab(mSweep, tr("Parameter S&weep"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(mTabs);
    // Room for two charts side by side above two more, within the screen.
    QSize size(1360, 880);
    if (const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.92);
    resize(size);
}

void CompareWindow::setTopology(const core::Topology &topology, const QString &name)
{
    setWindowTitle(tr("Compare and Sweep — %1").arg(name));
    mVariants->setTopology(topology);
    mSweep->setTopology(topology);
}

void CompareWindow::selectComponent(const QString &id)
{
    mVariants->selectComponent(id);
    mSweep->selectComponent(id);
}

void CompareWindow::showTab(Tab tab)
{
    mTabs->setCurrentWidget(tab == Tab::Variants ? static_cast<QWidget *>(mVariants)
                                                 : static_cast<QWidget *>(mSweep));
}

void CompareWindow::closeEvent(QCloseEvent *event)
{
    mVariants->stop();
    mSweep->stop();
    QDialog::closeEvent(event);
}

void CompareWindow::reject()
{
    mVariants->stop();
    mSweep->stop();
    QDialog::reject();
}

} // namespace topolab::app
