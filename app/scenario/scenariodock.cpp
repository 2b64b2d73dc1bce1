#include "scenariodock.h"

#include "clientgroupspanel.h"
#include "failatdialog.h"
#include "failurespanel.h"
#include "failuretimeline.h"
#include "paramsetform.h"
#include "randomfailurespanel.h"
#include "timeaxis.h"

#include "document/topologydocument.h"

#include "core/model/schemas.h"
#include "core/simulation/simreadiness.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace topolab::app {

namespace {

const core::ParamSet &runParams(const core::Topology &t)
{
    static const core::ParamSet defaults(core::scenarioSchema());
    return t.scenario ? t.scenario->params : defaults;
}

} // namespace

ScenarioDock::ScenarioDock(QWidget *parent)
    : QDockWidget(tr("Scenario"), parent)
{
    setObjectName(QStringLiteral("scenarioDock"));
    setFeatures(DockWidgetMovable | DockWidgetFloatable | DockWidgetClosable);
    auto *placeholder = new QLabel(tr("No document."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setWidget(placeholder);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            QTimer::singleShot(0, this, &ScenarioDock::ensureRoom);
    });
}

void ScenarioDock::ensureRoom()
{
    auto *window = qobject_cast<QMainWindow *>(parentWidget());
    if (!window || isFloating() || isHidden())
        return;
    const Qt::DockWidgetArea area = window->dockWidgetArea(this);
    if (area != Qt::BottomDockWidgetArea && area != Qt::TopDockWidgetArea)
        return;
    // As much as the Results panel takes for its charts: the canvas keeps the larger part.
    const int wanted = int(window->height() * 0.42);
    if (height() < wanted)
        window->resizeDocks({this}, {wanted}, Qt::Vertical);
}

void ScenarioDock::setDocument(TopologyDocument *document)
{
    if (mDocument == document)
        return;
    if (mDocument)
        mDocument->disconnect(this);
    mDocument = document;
    build();
    if (!mDocument)
        return;
    // What the sections say, at once; what only changes the choices (targets, regions) once
    // the event loop comes back, so a paste of many elements refreshes once.
    connect(mDocument, &TopologyDocument::sectionsChanged, this, &ScenarioDock::refresh);
    connect(mDocument, &TopologyDocument::topologyReset, this, &ScenarioDock::refresh);
    connect(mDocument, &TopologyDocument::idRenamed, this, &ScenarioDock::refresh);
    for (auto signal : {&TopologyDocument::regionAdded, &TopologyDocument::regionRemoved,
                        &TopologyDocument::regionChanged, &TopologyDocument::componentAdded,
                        &TopologyDocument::componentRemoved})
        connect(mDocument, signal, this, &ScenarioDock::scheduleRefresh);
    refresh();
}

void ScenarioDock::build()
{
    delete mContent;
    mContent = nullptr;
    if (!mDocument)
        return;
    mContent = new QWidget;
    auto *layout = new QVBoxLayout(mContent);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);

    // Without a client group nothing can run: the first thing to say, with the way out.
    auto *empty = new QFrame(mContent);
    empty->setFrameShape(QFrame::StyledPanel);
    mEmpty = empty;
    mEmpty->setObjectName(QStringLiteral("scenarioEmptyState"));
    mEmpty->setAutoFillBackground(true);
    mEmpty->setBackgroundRole(QPalette::AlternateBase);
    auto *emptyLayout = new QHBoxLayout(mEmpty);
    emptyLayout->setContentsMargins(8, 6, 8, 6);
    auto *icon = new QLabel(mEmpty);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(iconSize));
    auto *emptyText = new QLabel(tr("<b>Nobody sends requests yet</b>, so this topology cannot be "
                                    "simulated. Add a client group: who the users are, where, "
                                    "and how many requests they send."),
                                 mEmpty);
    emptyText->setWordWrap(true);
    mAddGroup = new QPushButton(tr("Add Client Group"), mEmpty);
    mAddGroup->setObjectName(QStringLiteral("emptyAddClientGroup"));
    mAddGroup->setDefault(true);
    emptyLayout->addWidget(icon, 0, Qt::AlignTop);
    emptyLayout->addWidget(emptyText, 1);
    emptyLayout->addWidget(mAddGroup, 0, Qt::AlignVCenter);
    layout->addWidget(mEmpty);

    // The run's settings, in one row.
    auto *run = new QHBoxLayout;
    run->setSpacing(12);
    mRunTitle = new QLabel(tr("Run"), mContent);
    mRunTitle->setObjectName(QStringLiteral("runTitle"));
    QFont bold = mRunTitle->font();
    bold.setBold(true);
    mRunTitle->setFont(bold);
    mRunTitle->setContentsMargins(0, 3, 0, 0); // on the fields' baseline
    mRun = new ParamSetForm(core::scenarioSchema(),
                            {QStringLiteral("duration_s"), QStringLiteral("warmup_s"),
                             QStringLiteral("seed"), QStringLiteral("replications")},
                            4, mContent);
    mRun->setObjectName(QStringLiteral("runSettings"));
    run->addWidget(mRunTitle, 0, Qt::AlignTop);
    run->addWidget(mRun, 1);
    layout->addLayout(run);

    mTabs = new QTabWidget(mContent);
    mTabs->setObjectName(QStringLiteral("scenarioTabs"));
    mTabs->setDocumentMode(true);
    mGroups = new ClientGroupsPanel(mDocument, mTabs);
    mFailures = new FailuresPanel(mDocument, mTabs);
    mRandom = new RandomFailuresPanel(mDocument, mTabs);
    for (QWidget *page : {static_cast<QWidget *>(mGroups), static_cast<QWidget *>(mFailures),
                          static_cast<QWidget *>(mRandom)}) {
        page->setContentsMargins(0, 6, 0, 0);
        mTabs->addTab(page, QString());
    }
    layout->addWidget(mTabs, 1);

    // Each tab scrolls what does not fit by itself; the dock as a whole scrolls only when it is
    // made narrower than its rows of fields and chips, so that it never holds the window wide.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("scenarioScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(mContent);
    setWidget(scroll);

    connect(mAddGroup, &QPushButton::clicked, this, [this] {
        const QString id = mGroups->addGroup();
        if (id.isEmpty())
            return;
        showClientGroups();
        const std::string missing = core::missingForSimulation(mDocument->topology());
        Q_EMIT message(
            missing.empty()
                ? tr("Added client group %1: the topology can be simulated.").arg(id)
                : tr("Added client group %1; still missing: %2")
                      .arg(id, QString::fromStdString(missing.substr(0, missing.find('\n')))));
    });
    connect(mRun, &ParamSetForm::valueEdited, this,
            [this](const QString &path, const core::ParamValue &value) { applyRun(path, value); });
    connect(mRun, &ParamSetForm::resetRequested, this,
            [this](const QString &path) { applyRun(path, std::nullopt); });
    connect(mFailures, &FailuresPanel::message, this, &ScenarioDock::message);
    connect(mFailures, &FailuresPanel::targetActivated, this, &ScenarioDock::elementActivated);
}

void ScenarioDock::scheduleRefresh()
{
    if (mRefreshPending)
        return;
    mRefreshPending = true;
    QTimer::singleShot(0, this, [this] {
        if (mRefreshPending)
            refresh();
    });
}

void ScenarioDock::refresh()
{
    mRefreshPending = false;
    if (!mDocument || !mContent)
        return;
    const core::Topology &t = mDocument->topology();
    const core::ParamSet &params = runParams(t);
    mRun->setParams(params);
    mRunTitle->setToolTip(tr("%1 simulated after a %2 warm-up, %n replication(s)", nullptr,
                             int(params.integer("replications")))
                              .arg(TimeAxis::duration(params.number("duration_s")),
                                   TimeAxis::duration(params.number("warmup_s"))));
    mEmpty->setVisible(t.clientGroups.empty());
    mGroups->refresh();
    mFailures->refresh();
    mRandom->refresh();
    const std::size_t failures = t.scenario ? t.scenario->failures.size() : 0;
    const std::size_t random = t.scenario ? t.scenario->randomFailures.size() : 0;
    mTabs->setTabText(0, tr("Client Groups (%1)").arg(t.clientGroups.size()));
    mTabs->setTabText(1, tr("Scheduled Failures (%1)").arg(failures));
    mTabs->setTabText(2, tr("Random Failures (%1)").arg(random));
}

void ScenarioDock::applyRun(const QString &path, const std::optional<core::ParamValue> &value)
{
    const std::string key = path.toStdString();
    const auto refusal = mDocument->editSections(
        value ? tr("Set %1 of the scenario").arg(path) : tr("Reset %1 of the scenario").arg(path),
        [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            if (!s.scenario)
                s.scenario = core::Scenario{core::ParamSet(core::scenarioSchema()), {}, {}};
            if (!value) {
                s.scenario->params.unset(key);
                return std::nullopt;
            }
            return s.scenario->params.set(key, *value);
        });
    if (refusal)
        mRun->showRefusal(path, *refusal);
    else
        mRun->clearRefusals();
}

void ScenarioDock::showClientGroups()
{
    show();
    raise();
    if (mTabs)
        mTabs->setCurrentWidget(mGroups);
}

void ScenarioDock::showFailures()
{
    show();
    raise();
    if (mTabs)
        mTabs->setCurrentWidget(mFailures);
}

bool ScenarioDock::failAt(const QString &id)
{
    if (!mDocument || !mDocument->topology().hasId(id.toStdString()))
        return false;
    const double duration = runParams(mDocument->topology()).number("duration_s");
    FailAtDialog dialog(mDocument->topology(), id, duration, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const core::ScheduledFailure failure = dialog.failure();
    const auto refusal = mDocument->editSections(
        tr("Add failure of %1 at %2").arg(id, TimeAxis::duration(failure.params.number("at_s"))),
        [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            if (!s.scenario)
                s.scenario = core::Scenario{core::ParamSet(core::scenarioSchema()), {}, {}};
            s.scenario->failures.push_back(failure);
            return std::nullopt;
        });
    if (refusal) {
        Q_EMIT message(tr("No failure added: %1").arg(*refusal));
        return false;
    }
    showFailures();
    FailureTimeline *timeline = mFailures->timeline();
    timeline->setSelectedFailure(timeline->failureCount() - 1);
    Q_EMIT message(tr("Scheduled a failure of %1 at %2")
                       .arg(id, TimeAxis::duration(failure.params.number("at_s"))));
    return true;
}

} // namespace topolab::app
