#pragma once

#include "core/model/topology.h"

#include <QDialog>

class QTabWidget;

namespace topolab::app {

class SweepPage;
class VariantsPage;

// The window where variants of the topology run side by side: Compare Variants (A as drawn
// against B with some parameters changed, overlaid on the same charts) and Parameter Sweep (one
// parameter over a list or range of values, with confidence bands), one tab each. Not modal:
// the canvas stays usable, and what runs is a copy of the topology taken at Run. Closing it
// stops what runs. Owns both pages.
class CompareWindow : public QDialog
{
    Q_OBJECT

public:
    enum class Tab { Variants, Sweep };

    explicit CompareWindow(QWidget *parent = nullptr);

    // The topology both pages offer and run.
    void setTopology(const core::Topology &topology, const QString &name);
    // Picks this component in both pages' parameter lists.
    void selectComponent(const QString &id);
    void showTab(Tab tab);

    VariantsPage *variants() const { return mVariants; }
    SweepPage *sweep() const { return mSweep; }
    QTabWidget *tabs() const { return mTabs; }

public Q_SLOTS:
    void reject() override;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QTabWidget *mTabs;
    VariantsPage *mVariants;
    SweepPage *mSweep;
};

} // namespace topolab::app
