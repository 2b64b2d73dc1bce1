#include "statusindicators.h"

#include "document/topologydocument.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QToolButton>

#include <cmath>

namespace topolab::app {

StatusIndicators::StatusIndicators(const TopologyDocument *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mSelection(new QLabel(this))
    , mIssues(new QToolButton(this))
    , mZoom(new QToolButton(this))
{
    mSelection->setObjectName(QStringLiteral("selectionInfo"));
    mIssues->setObjectName(QStringLiteral("issueCount"));
    mIssues->setAutoRaise(true);
    mIssues->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    mIssues->setToolTip(tr("Show the Issues panel"));
    mZoom->setObjectName(QStringLiteral("zoomLevel"));
    mZoom->setAutoRaise(true);
    mZoom->setPopupMode(QToolButton::InstantPopup);
    mZoom->setToolTip(tr("Zoom level"));
    auto *menu = new QMenu(mZoom);
    for (int percent : {25, 50, 75, 100, 150, 200, 400}) {
        menu->addAction(QStringLiteral("%1 %").arg(percent), this,
                        [this, percent] { Q_EMIT zoomRequested(percent / 100.0); });
    }
    menu->addSeparator();
    menu->addAction(tr("Fit to View"), this, [this] { Q_EMIT zoomRequested(0); });
    mZoom->setMenu(menu);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(mSelection);
    layout->addWidget(mIssues);
    layout->addWidget(mZoom);
    connect(mIssues, &QToolButton::clicked, this, &StatusIndicators::issuesClicked);
    connect(document, &TopologyDocument::diagnosticsChanged, this, &StatusIndicators::refresh);
    connect(document, &TopologyDocument::topologyReset, this, &StatusIndicators::refresh);
    // A renamed element stays selected: the scene reports no new selection.
    connect(document, &TopologyDocument::idRenamed, this,
            [this](const QString &oldId, const QString &newId) {
                for (QString &id : mSelectionIds) {
                    if (id == oldId)
                        id = newId;
                }
                refresh();
            });
    setZoom(1.0);
    refresh();
}

void StatusIndicators::setSelection(const QStringList &ids,
                                    const QList<QPair<QString, QString>> &links)
{
    mSelectionIds = ids;
    mSelectionLinks = links;
    refresh();
}

void StatusIndicators::setZoom(qreal zoom)
{
    mZoom->setText(QStringLiteral("%1 %").arg(std::lround(zoom * 100)));
}

void StatusIndicators::refresh()
{
    const core::Topology &topology = mDocument->topology();
    // Ids removed since the selection was reported are not shown.
    QStringList ids;
    for (const QString &id : std::as_const(mSelectionIds)) {
        if (mDocument->component(id) || mDocument->region(id))
            ids.append(id);
    }
    if (ids.size() == 1) {
        const QString &id = ids.constFirst();
        if (const core::Component *component = mDocument->component(id)) {
            const std::string_view kind = core::kindTitle(component->kind);
            QString text
                = tr("%1 — %2").arg(id, QString::fromUtf8(kind.data(), qsizetype(kind.size())));
            if (!component->region.empty())
                text += tr(" in %1").arg(QString::fromStdString(component->region));
            mSelection->setText(text);
        } else {
            const auto members = mDocument->componentsInRegion(id).size();
            mSelection->setText(members == 1 ? tr("Region %1 — 1 member").arg(id)
                                             : tr("Region %1 — %2 members").arg(id).arg(members));
        }
    } else if (!ids.isEmpty()) {
        mSelection->setText(tr("%n selected", nullptr, int(ids.size())));
    } else if (mSelectionLinks.size() == 1) {
        const auto &[from, to] = mSelectionLinks.constFirst();
        mSelection->setText(tr("Link %1 → %2").arg(from, to));
    } else if (!mSelectionLinks.isEmpty()) {
        mSelection->setText(tr("%1 links selected").arg(mSelectionLinks.size()));
    } else {
        const auto components = topology.components.size();
        const auto links = topology.links.size();
        const auto regions = topology.regions.size();
        mSelection->setText(
            (components == 1 ? tr("1 component") : tr("%1 components").arg(components))
            + (links == 1 ? tr(", 1 link") : tr(", %1 links").arg(links))
            + (regions == 1 ? tr(", 1 region") : tr(", %1 regions").arg(regions)));
    }

    int errors = 0;
    int warnings = 0;
    for (const core::Diagnostic &d : mDocument->diagnostics())
        (d.severity == core::Severity::Error ? errors : warnings)++;
    if (errors == 0 && warnings == 0) {
        mIssues->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
        mIssues->setText(tr("No problems"));
    } else {
        mIssues->setIcon(style()->standardIcon(errors ? QStyle::SP_MessageBoxCritical
                                                      : QStyle::SP_MessageBoxWarning));
        QStringList parts;
        if (errors > 0)
            parts.append(errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
        if (warnings > 0)
            parts.append(warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
        mIssues->setText(parts.join(QStringLiteral(", ")));
    }
}

} // namespace topolab::app
