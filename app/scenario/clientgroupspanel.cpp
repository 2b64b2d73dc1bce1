#include "clientgroupspanel.h"

#include "paramsetform.h"
#include "rateprofileeditor.h"

#include "designer/palettecatalog.h"
#include "designer/parametereditor.h"
#include "document/topologydocument.h"

#include "core/model/schemas.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace topolab::app {

namespace {

const QStringList trafficPaths = {
    QStringLiteral("clients"),           QStringLiteral("resolvers"),
    QStringLiteral("rate_rps"),          QStringLiteral("latency_ms"),
    QStringLiteral("remote_latency_ms"), QStringLiteral("static_fraction"),
    QStringLiteral("write_fraction"),
};

const QStringList behaviourPaths = {
    QStringLiteral("retry_next_address"),  QStringLiteral("connect_timeout_s"),
    QStringLiteral("request_timeout_s"),   QStringLiteral("app_cache_s"),
    QStringLiteral("ttl_violating_share"), QStringLiteral("ttl_violation_s"),
};

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

double runDuration(const core::Topology &t)
{
    const core::ParamSet defaults(core::scenarioSchema());
    return (t.scenario ? t.scenario->params : defaults).number("duration_s");
}

QGroupBox *box(const QString &title, const QString &name, QWidget *parent)
{
    auto *group = new QGroupBox(title, parent);
    group->setObjectName(name);
    return group;
}

} // namespace

ClientGroupsPanel::ClientGroupsPanel(TopologyDocument *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mList(new QListWidget(this))
    , mAdd(new QToolButton(this))
    , mRemove(new QToolButton(this))
    , mScroll(new QScrollArea(this))
    , mDetails(new QWidget)
    , mNoSelection(new QLabel(this))
    , mIdEdit(new QLineEdit)
    , mIdRefusal(new QLabel)
    , mRegion(new QComboBox)
    , mTraffic(new ParamSetForm(core::clientGroupSchema(), trafficPaths))
    , mBehaviour(new ParamSetForm(core::clientGroupSchema(), behaviourPaths))
    , mProfile(new RateProfileEditor)
{
    setObjectName(QStringLiteral("clientGroups"));

    // The list, with Add and Remove under it.
    mList->setObjectName(QStringLiteral("clientGroupList"));
    mList->setAccessibleName(tr("Client groups"));
    mList->setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("users-europe-2")) + 24);
    connect(mList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (mFilling || row < 0)
            return;
        mSelected = mList->item(row)->data(Qt::UserRole).toString();
        mIdRefusal->hide();
        mTraffic->clearRefusals();
        mBehaviour->clearRefusals();
        showSelected();
    });
    mAdd->setObjectName(QStringLiteral("addClientGroup"));
    mAdd->setText(tr("Add"));
    mAdd->setToolTip(tr("Add a client group: people or machines that send requests."));
    connect(mAdd, &QToolButton::clicked, this, [this] { addGroup(); });
    mRemove->setObjectName(QStringLiteral("removeClientGroup"));
    mRemove->setText(tr("Remove"));
    mRemove->setToolTip(tr("Remove the selected client group."));
    connect(mRemove, &QToolButton::clicked, this, [this] { removeSelected(); });
    auto *listColumn = new QVBoxLayout;
    listColumn->setSpacing(4);
    listColumn->addWidget(mList, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(mAdd);
    buttons->addWidget(mRemove);
    buttons->addStretch(1);
    listColumn->addLayout(buttons);

    // Identity and traffic.
    QGroupBox *traffic = box(tr("Traffic"), QStringLiteral("trafficBox"), mDetails);
    auto *identity = new QGridLayout;
    identity->setContentsMargins(0, 0, 0, 0);
    identity->setHorizontalSpacing(6);
    identity->setVerticalSpacing(4);
    auto *idName = new QLabel(tr("Id"), traffic);
    idName->setBuddy(mIdEdit);
    mIdEdit->setObjectName(QStringLiteral("groupId"));
    mIdEdit->setToolTip(tr("The group's name in the file and in the results."));
    connect(mIdEdit, &QLineEdit::editingFinished, this, &ClientGroupsPanel::commitId);
    mIdRefusal->setObjectName(QStringLiteral("groupId/refusal"));
    mIdRefusal->setWordWrap(true);
    QPalette refusalPalette = mIdRefusal->palette();
    refusalPalette.setColor(QPalette::WindowText, ParameterEditor::errorColour(palette()));
    mIdRefusal->setPalette(refusalPalette);
    mIdRefusal->hide();
    auto *regionName = new QLabel(tr("Region"), traffic);
    regionName->setBuddy(mRegion);
    mRegion->setObjectName(QStringLiteral("groupRegion"));
    mRegion->setToolTip(tr("Where the clients are: they reach load balancers of this region "
                           "with the latency, others with the remote latency."));
    mRegion->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mRegion->setMinimumContentsLength(8);
    connect(mRegion, &QComboBox::activated, this, &ClientGroupsPanel::chooseRegion);
    identity->addWidget(idName, 0, 0);
    identity->addWidget(mIdEdit, 0, 1, 1, 3);
    identity->addWidget(mIdRefusal, 1, 1, 1, 3);
    identity->addWidget(regionName, 2, 0);
    identity->addWidget(mRegion, 2, 1, 1, 3);
    identity->setColumnStretch(1, 1);
    const int nameWidth = std::max(
        {mTraffic->nameWidth(), idName->sizeHint().width(), regionName->sizeHint().width()});
    identity->setColumnMinimumWidth(0, nameWidth);
    mTraffic->setNameWidth(nameWidth);
    auto *trafficLayout = new QVBoxLayout(traffic);
    trafficLayout->setSpacing(4);
    trafficLayout->addLayout(identity);
    trafficLayout->addWidget(mTraffic);
    trafficLayout->addStretch(1);

    QGroupBox *behaviour = box(tr("Client behaviour"), QStringLiteral("behaviourBox"), mDetails);
    auto *behaviourLayout = new QVBoxLayout(behaviour);
    behaviourLayout->addWidget(mBehaviour);
    behaviourLayout->addStretch(1);

    QGroupBox *profile = box(tr("Rate profile"), QStringLiteral("profileBox"), mDetails);
    if (const core::ParamSpec *spec = core::clientGroupSchema().find("profile"))
        profile->setToolTip(fromStd(spec->description) + QLatin1Char('\n')
                            + tr("Key in the file: profile"));
    auto *profileLayout = new QVBoxLayout(profile);
    profileLayout->addWidget(mProfile);
    profile->setVisible(core::clientGroupSchema().find("profile") != nullptr);

    mDetailsGrid = new QGridLayout(mDetails);
    mDetailsGrid->setContentsMargins(0, 0, 0, 0);
    mDetailsGrid->setSpacing(8);
    mBoxes = {traffic, behaviour, profile};
    arrange(true);

    mScroll->setObjectName(QStringLiteral("clientGroupScroll"));
    mScroll->setWidgetResizable(true);
    mScroll->setFrameShape(QFrame::NoFrame);
    mScroll->setWidget(mDetails);

    mNoSelection->setObjectName(QStringLiteral("noClientGroup"));
    mNoSelection->setWordWrap(true);
    mNoSelection->setAlignment(Qt::AlignCenter);
    mNoSelection->setForegroundRole(QPalette::PlaceholderText);
    mNoSelection->setText(tr("No client group yet. Add one: a simulation needs someone who sends "
                             "requests."));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(listColumn);
    layout->addWidget(mScroll, 1);
    layout->addWidget(mNoSelection, 1);

    for (ParamSetForm *form : {mTraffic, mBehaviour}) {
        connect(form, &ParamSetForm::valueEdited, this,
                [this, form](const QString &path, const core::ParamValue &value) {
                    setValue(form, path, value);
                });
        connect(form, &ParamSetForm::resetRequested, this,
                [this, form](const QString &path) { reset(form, path); });
    }
    connect(mProfile, &RateProfileEditor::valueEdited, this,
            [this](const QString &path, const core::ParamValue &value) {
                setValue(mProfile->form(), path, value);
            });
    connect(mProfile, &RateProfileEditor::resetRequested, this,
            [this](const QString &path) { reset(mProfile->form(), path); });
    connect(mProfile, &RateProfileEditor::shapeChosen, this, &ClientGroupsPanel::chooseShape);
    refresh();
}

void ClientGroupsPanel::arrange(bool wide)
{
    if (wide == mWide && mDetailsGrid->count() == 3)
        return;
    mWide = wide;
    auto [traffic, behaviour, profile] = mBoxes;
    for (QWidget *box : mBoxes)
        mDetailsGrid->removeWidget(box);
    // Wide: three columns. Narrow: traffic and behaviour side by side, the profile under them
    // with its preview beside its fields.
    mDetailsGrid->addWidget(traffic, 0, 0);
    mDetailsGrid->addWidget(behaviour, 0, 1);
    mDetailsGrid->addWidget(profile, wide ? 0 : 1, wide ? 2 : 0, 1, wide ? 1 : 2);
    for (int column = 0; column < 3; ++column)
        mDetailsGrid->setColumnStretch(column, column < 2 || wide ? 1 : 0);
    mProfile->setHorizontal(!wide);
}

void ClientGroupsPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    int needed = 2 * mDetailsGrid->spacing();
    for (QWidget *box : mBoxes)
        needed += box->minimumSizeHint().width();
    arrange(mScroll->viewport()->width() >= needed + 40);
}

// ---- Showing

void ClientGroupsPanel::refresh()
{
    const auto &groups = mDocument->topology().clientGroups;
    const bool known = std::any_of(groups.begin(), groups.end(),
                                   [this](const auto &g) { return fromStd(g.id) == mSelected; });
    if (!known)
        mSelected = groups.empty() ? QString() : fromStd(groups.front().id);
    fillList();
    fillRegions();
    showSelected();
    Q_EMIT groupsChanged(int(groups.size()));
}

void ClientGroupsPanel::selectGroup(const QString &id)
{
    mSelected = id;
    refresh();
}

void ClientGroupsPanel::fillList()
{
    mFilling = true;
    const auto &groups = mDocument->topology().clientGroups;
    while (mList->count() > int(groups.size()))
        delete mList->takeItem(mList->count() - 1);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const core::ClientGroup &g = groups[i];
        QListWidgetItem *item = mList->item(int(i));
        if (!item) {
            item = new QListWidgetItem;
            mList->addItem(item);
        }
        const QString id = fromStd(g.id);
        const QString where = g.region.empty() ? tr("anywhere") : fromStd(g.region);
        const QString rate = fromStd(core::formatParamValue(g.params.value("rate_rps")));
        item->setText(id);
        item->setData(Qt::UserRole, id);
        item->setToolTip(tr("%1: %2 rps, %3").arg(id, rate, where));
        if (id == mSelected)
            mList->setCurrentItem(item);
    }
    mFilling = false;
    mRemove->setEnabled(!mSelected.isEmpty());
}

void ClientGroupsPanel::fillRegions()
{
    mFilling = true;
    mRegion->clear();
    mRegion->addItem(tr("Anywhere"), QString());
    mRegion->setItemData(0, tr("No region: every load balancer is remote."), Qt::ToolTipRole);
    for (const core::Region &r : mDocument->topology().regions) {
        const QString id = fromStd(r.id);
        mRegion->addItem(PaletteCatalog::icon(QStringLiteral("region")),
                         r.label.empty() ? id : tr("%1 (%2)").arg(id, fromStd(r.label)), id);
    }
    mFilling = false;
}

void ClientGroupsPanel::showSelected()
{
    const core::Topology &t = mDocument->topology();
    const core::ClientGroup *group = nullptr;
    for (const core::ClientGroup &g : t.clientGroups) {
        if (fromStd(g.id) == mSelected)
            group = &g;
    }
    const bool shown = group != nullptr;
    mScroll->setVisible(shown);
    mNoSelection->setVisible(!shown);
    mRemove->setEnabled(shown);
    if (!group)
        return;
    if (!mIdEdit->hasFocus() || !mIdEdit->isModified())
        mIdEdit->setText(mSelected);
    mFilling = true;
    mRegion->setCurrentIndex(std::max(0, mRegion->findData(fromStd(group->region))));
    mFilling = false;
    mTraffic->setParams(group->params);
    mBehaviour->setParams(group->params);
    mProfile->setGroup(group->params, runDuration(t));
}

// ---- Editing

std::optional<QString> ClientGroupsPanel::editGroup(const QString &text, const GroupEdit &edit)
{
    const std::string id = mSelected.toStdString();
    return mDocument->editSections(
        text, [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            for (core::ClientGroup &g : s.clientGroups) {
                if (g.id == id)
                    return edit(g.params);
            }
            return "there is no client group '" + id + "'";
        });
}

void ClientGroupsPanel::setValue(ParamSetForm *form, const QString &path,
                                 const core::ParamValue &value)
{
    const std::string key = path.toStdString();
    const auto refusal = editGroup(tr("Set %1 of %2").arg(path, mSelected),
                                   [&](core::ParamSet &p) -> std::optional<std::string> {
                                       // A profile's field turns the profile on.
                                       if (key.starts_with("profile."))
                                           p.setGroupEnabled("profile", true);
                                       return p.set(key, value);
                                   });
    if (refusal)
        form->showRefusal(path, *refusal);
    else
        form->clearRefusals();
    showSelected();
}

void ClientGroupsPanel::reset(ParamSetForm *form, const QString &path)
{
    const std::string key = path.toStdString();
    editGroup(tr("Reset %1 of %2").arg(path, mSelected),
              [&](core::ParamSet &p) -> std::optional<std::string> {
                  p.unset(key);
                  return std::nullopt;
              });
    form->clearRefusals();
    showSelected();
}

void ClientGroupsPanel::chooseShape(const QString &shape)
{
    editGroup(tr("Set rate profile of %1 to %2").arg(mSelected, shape),
              [&](core::ParamSet &p) -> std::optional<std::string> {
                  bool others = false;
                  for (const QString &path : mProfile->form()->paths())
                      others = others || p.isSet(path.toStdString());
                  // Constant with nothing else written: no profile at all, as the file had it.
                  if (shape == QLatin1String("constant") && !others) {
                      p.setGroupEnabled("profile", false);
                      return std::nullopt;
                  }
                  p.setGroupEnabled("profile", true);
                  return p.set("profile.shape", shape.toStdString());
              });
    showSelected();
}

void ClientGroupsPanel::commitId()
{
    const QString newId = mIdEdit->text().trimmed();
    if (mSelected.isEmpty() || newId == mSelected) {
        mIdRefusal->hide();
        return;
    }
    const std::string from = mSelected.toStdString();
    const std::string to = newId.toStdString();
    const auto refusal
        = mDocument->editSections(tr("Rename client group %1 to %2").arg(mSelected, newId),
                                  [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
                                      for (core::ClientGroup &g : s.clientGroups) {
                                          if (g.id == from)
                                              g.id = to;
                                      }
                                      return std::nullopt;
                                  });
    if (refusal) {
        QString text = *refusal;
        text[0] = text[0].toUpper();
        mIdRefusal->setText(text + QLatin1Char('.'));
        mIdRefusal->show();
        mIdEdit->setText(mSelected);
        return;
    }
    mIdRefusal->hide();
    mSelected = newId;
    refresh();
}

void ClientGroupsPanel::chooseRegion(int index)
{
    const std::string region = mRegion->itemData(index).toString().toStdString();
    const std::string id = mSelected.toStdString();
    mDocument->editSections(
        region.empty()
            ? tr("Place client group %1 anywhere").arg(mSelected)
            : tr("Place client group %1 in %2").arg(mSelected, QString::fromStdString(region)),
        [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            for (core::ClientGroup &g : s.clientGroups) {
                if (g.id == id)
                    g.region = region;
            }
            return std::nullopt;
        });
    showSelected();
}

QString ClientGroupsPanel::addGroup()
{
    const core::Topology &t = mDocument->topology();
    core::ClientGroup group;
    group.id = mDocument->uniqueId(QStringLiteral("users")).toStdString();
    group.region = t.regions.empty() ? std::string() : t.regions.front().id;
    group.params = core::ParamSet(core::clientGroupSchema());
    // The rate is what everyone changes first: written, so the file shows it.
    group.params.set("rate_rps", core::clientGroupSchema().find("rate_rps")->defaultValue);
    const auto refusal
        = mDocument->editSections(tr("Add client group %1").arg(fromStd(group.id)),
                                  [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
                                      s.clientGroups.push_back(group);
                                      return std::nullopt;
                                  });
    if (refusal)
        return {};
    selectGroup(fromStd(group.id));
    return mSelected;
}

bool ClientGroupsPanel::removeSelected()
{
    if (mSelected.isEmpty())
        return false;
    const std::string id = mSelected.toStdString();
    const auto &groups = mDocument->topology().clientGroups;
    const auto it = std::find_if(groups.begin(), groups.end(),
                                 [&](const core::ClientGroup &g) { return g.id == id; });
    if (it == groups.end())
        return false;
    // The next group takes the selection, or else the one before.
    const auto index = std::size_t(it - groups.begin());
    QString next;
    if (index + 1 < groups.size())
        next = fromStd(groups[index + 1].id);
    else if (index > 0)
        next = fromStd(groups[index - 1].id);
    const auto refusal = mDocument->editSections(
        tr("Remove client group %1").arg(mSelected),
        [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            std::erase_if(s.clientGroups, [&](const core::ClientGroup &g) { return g.id == id; });
            return std::nullopt;
        });
    if (refusal)
        return false;
    selectGroup(next);
    return true;
}

} // namespace topolab::app
