#include "failureform.h"

#include "failurechip.h"
#include "paramsetform.h"
#include "timeaxis.h"

#include "designer/palettecatalog.h"
#include "designer/parametereditor.h"
#include "document/topologydocument.h"

#include "core/model/schemas.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace topolab::app {

FailureForm::FailureForm(TopologyDocument *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mTitle(new QLabel(this))
    , mHint(new QLabel(this))
    , mFields(new QWidget(this))
    , mTarget(new QComboBox(mFields))
    , mTargetRefusal(new QLabel(mFields))
    , mForm(new ParamSetForm(core::scheduledFailureSchema(),
                             {QStringLiteral("mode"), QStringLiteral("at_s"),
                              QStringLiteral("for_s"), QStringLiteral("slowdown")},
                             1, mFields))
    , mRemove(new QPushButton(tr("Remove Failure"), mFields))
{
    setObjectName(QStringLiteral("failureForm"));
    QFont bold = mTitle->font();
    bold.setBold(true);
    mTitle->setFont(bold);
    mTitle->setWordWrap(true);
    mHint->setObjectName(QStringLiteral("failureHint"));
    mHint->setWordWrap(true);
    mHint->setForegroundRole(QPalette::PlaceholderText);
    mHint->setText(tr("Select a failure on the timeline to edit it. Drag a bar to move it, its "
                      "right edge to change how long it lasts."));

    mTarget->setObjectName(QStringLiteral("target"));
    mTarget->setAccessibleName(tr("Target"));
    mTarget->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mTarget->setMinimumContentsLength(10);
    const core::ParamSpec *target = core::scheduledFailureSchema().find("target");
    mTarget->setToolTip(QString::fromStdString(target->description) + QLatin1Char('\n')
                        + tr("Key in the file: target"));
    connect(mTarget, &QComboBox::activated, this, &FailureForm::chooseTarget);
    mTargetRefusal->setObjectName(QStringLiteral("target/refusal"));
    mTargetRefusal->setWordWrap(true);
    QPalette refusalPalette = mTargetRefusal->palette();
    refusalPalette.setColor(QPalette::WindowText, ParameterEditor::errorColour(palette()));
    mTargetRefusal->setPalette(refusalPalette);
    mTargetRefusal->hide();

    auto *targetRow = new QGridLayout;
    targetRow->setContentsMargins(0, 0, 0, 0);
    targetRow->setHorizontalSpacing(6);
    auto *targetName = new QLabel(QString::fromStdString(target->title), mFields);
    targetName->setBuddy(mTarget);
    targetRow->addWidget(targetName, 0, 0);
    targetRow->addWidget(mTarget, 0, 1);
    targetRow->addWidget(mTargetRefusal, 1, 1);
    targetRow->setColumnStretch(1, 1);
    const int nameWidth = std::max(mForm->nameWidth(), targetName->sizeHint().width());
    targetRow->setColumnMinimumWidth(0, nameWidth);
    mForm->setNameWidth(nameWidth);

    mRemove->setObjectName(QStringLiteral("removeFailure"));
    mRemove->setToolTip(tr("Remove this failure from the scenario (Delete on the timeline)."));
    connect(mRemove, &QPushButton::clicked, this, &FailureForm::removeRequested);

    auto *fields = new QVBoxLayout(mFields);
    fields->setContentsMargins(0, 0, 0, 0);
    fields->setSpacing(4);
    fields->addLayout(targetRow);
    fields->addWidget(mForm);
    fields->addWidget(mRemove, 0, Qt::AlignLeft);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(mTitle);
    layout->addWidget(mHint);
    layout->addWidget(mFields);
    layout->addStretch(1);

    connect(mForm, &ParamSetForm::valueEdited, this,
            [this](const QString &path, const core::ParamValue &value) { apply(path, value); });
    connect(mForm, &ParamSetForm::resetRequested, this,
            [this](const QString &path) { apply(path, std::nullopt); });
    refresh();
}

void FailureForm::setFailure(int index)
{
    if (index != mIndex) {
        mForm->clearRefusals();
        mTargetRefusal->hide();
    }
    mIndex = index;
    refresh();
}

void FailureForm::refresh()
{
    const core::Topology *t = mDocument ? &mDocument->topology() : nullptr;
    const core::ScheduledFailure *failure = nullptr;
    if (t && t->scenario && mIndex >= 0 && mIndex < int(t->scenario->failures.size()))
        failure = &t->scenario->failures[std::size_t(mIndex)];
    mFields->setVisible(failure != nullptr);
    mHint->setVisible(failure == nullptr);
    if (!failure) {
        mTitle->setText(tr("Scheduled failure"));
        return;
    }
    const core::ParamSet &p = failure->params;
    const QString target = QString::fromStdString(p.text("target"));
    const QString mode = QString::fromStdString(p.text("mode"));
    const QString from = TimeAxis::duration(p.number("at_s"));
    mTitle->setText(p.number("for_s") > 0
                        ? tr("%1: %2 at %3 for %4")
                              .arg(target, mode, from, TimeAxis::duration(p.number("for_s")))
                        : tr("%1: %2 at %3 to the end").arg(target, mode, from));
    fillTargets();
    mTarget->setCurrentIndex(mTarget->findData(target));
    mForm->setParams(p);

    // What the target allows: a region or a tunnel is lost, not slowed.
    const QStringList modes = FailureChip::modesFor(*t, target);
    if (auto *box = qobject_cast<QComboBox *>(mForm->editor(QStringLiteral("mode"))->editor())) {
        if (auto *model = qobject_cast<QStandardItemModel *>(box->model())) {
            for (int i = 0; i < model->rowCount(); ++i) {
                QStandardItem *item = model->item(i);
                item->setEnabled(modes.contains(item->text()));
                item->setForeground(FailureChip::modeColour(item->text()));
            }
        }
    }
    mForm->setPathEnabled(QStringLiteral("slowdown"), p.text("mode") == "degrade");
    mForm->setPathEnabled(QStringLiteral("for_s"), true);
}

void FailureForm::fillTargets()
{
    const core::Topology &t = mDocument->topology();
    QStringList wanted;
    for (const core::Region &r : t.regions)
        wanted.append(QString::fromStdString(r.id));
    for (const core::Component &c : t.components)
        wanted.append(QString::fromStdString(c.id));
    QStringList shown;
    for (int i = 0; i < mTarget->count(); ++i)
        shown.append(mTarget->itemData(i).toString());
    if (shown == wanted)
        return;
    mTarget->clear();
    for (const core::Region &r : t.regions) {
        const QString id = QString::fromStdString(r.id);
        mTarget->addItem(PaletteCatalog::icon(QStringLiteral("region")),
                         r.label.empty()
                             ? tr("%1 (region)").arg(id)
                             : tr("%1 (region, %2)").arg(id, QString::fromStdString(r.label)),
                         id);
    }
    for (const core::Component &c : t.components) {
        const QString id = QString::fromStdString(c.id);
        const QString kind = QString::fromUtf8(core::kindName(c.kind).data(),
                                               qsizetype(core::kindName(c.kind).size()));
        mTarget->addItem(PaletteCatalog::icon(kind), id, id);
        mTarget->setItemData(mTarget->count() - 1, PaletteCatalog::title(c.kind), Qt::ToolTipRole);
    }
}

void FailureForm::chooseTarget(int index)
{
    const QString target = mTarget->itemData(index).toString();
    mTargetRefusal->hide();
    const int at = mIndex;
    const auto refusal = mDocument->editSections(
        tr("Retarget failure to %1").arg(target),
        [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            if (!s.scenario || at < 0 || at >= int(s.scenario->failures.size()))
                return std::string("the failure is gone");
            core::ParamSet &p = s.scenario->failures[std::size_t(at)].params;
            // A region or a tunnel cannot be degraded: it fails as a crash instead.
            const QStringList modes = FailureChip::modesFor(mDocument->topology(), target);
            if (!modes.contains(QString::fromStdString(p.text("mode"))))
                p.set("mode", modes.front().toStdString());
            return p.set("target", target.toStdString());
        });
    if (refusal) {
        mTargetRefusal->setText(*refusal);
        mTargetRefusal->show();
    }
    refresh();
}

void FailureForm::apply(const QString &path, const std::optional<core::ParamValue> &value)
{
    const int at = mIndex;
    const std::string key = path.toStdString();
    QString target;
    if (mDocument->topology().scenario && at >= 0
        && at < int(mDocument->topology().scenario->failures.size()))
        target = QString::fromStdString(
            mDocument->topology().scenario->failures[std::size_t(at)].params.text("target"));
    const QString text = value ? tr("Set %1 of failure of %2").arg(path, target)
                               : tr("Reset %1 of failure of %2").arg(path, target);
    const auto refusal = mDocument->editSections(
        text, [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            if (!s.scenario || at < 0 || at >= int(s.scenario->failures.size()))
                return std::string("the failure is gone");
            core::ParamSet &p = s.scenario->failures[std::size_t(at)].params;
            // Start and target are required, so a reset writes their default.
            if (!value && (key == "at_s" || key == "target"))
                return p.set(key, core::scheduledFailureSchema().find(key)->defaultValue);
            if (!value) {
                p.unset(key);
                return std::nullopt;
            }
            return p.set(key, *value);
        });
    if (refusal)
        mForm->showRefusal(path, *refusal);
    else
        mForm->clearRefusals();
    refresh();
}

} // namespace topolab::app
