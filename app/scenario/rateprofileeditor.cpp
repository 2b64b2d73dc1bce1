#include "rateprofileeditor.h"

#include "paramsetform.h"
#include "ratepreview.h"

#include "core/model/schemas.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace topolab::app {

namespace {

const core::ParamSpec *profileSpec()
{
    return core::clientGroupSchema().find("profile");
}

QStringList memberPaths()
{
    QStringList paths;
    if (const core::ParamSpec *profile = profileSpec()) {
        for (const core::ParamSpec &member : profile->members) {
            if (member.key != "shape")
                paths.append(QString::fromStdString("profile." + member.key));
        }
    }
    return paths;
}

} // namespace

RateProfileEditor::RateProfileEditor(QWidget *parent)
    : QWidget(parent)
    , mLayout(new QGridLayout(this))
    , mFields(new QWidget(this))
    , mShape(new QComboBox(mFields))
    , mForm(new ParamSetForm(core::clientGroupSchema(), memberPaths(), 1, mFields))
    , mPreview(new RatePreview(this))
{
    setObjectName(QStringLiteral("rateProfile"));
    mShape->setObjectName(QStringLiteral("profile.shape"));
    const std::pair<QString, QString> shapes[] = {
        {QStringLiteral("constant"), tr("Constant")},
        {QStringLiteral("steps"), tr("Steps")},
        {QStringLiteral("daily"), tr("Daily cycle")},
        {QStringLiteral("spike"), tr("Spike")},
    };
    for (const auto &[key, title] : shapes)
        mShape->addItem(title, key);
    if (const core::ParamSpec *profile = profileSpec()) {
        mShape->setToolTip(QString::fromStdString(profile->description) + QLatin1Char('\n')
                           + QString::fromStdString(profile->members.front().description)
                           + QLatin1Char('\n') + tr("Key in the file: profile.shape"));
    }
    mShape->setAccessibleName(tr("Rate profile: shape"));
    connect(mShape, &QComboBox::activated, this,
            [this](int index) { Q_EMIT shapeChosen(mShape->itemData(index).toString()); });

    auto *shapeRow = new QHBoxLayout;
    shapeRow->setSpacing(6);
    auto *shapeName = new QLabel(tr("Shape"), mFields);
    shapeName->setBuddy(mShape);
    shapeRow->addWidget(shapeName);
    shapeRow->addWidget(mShape, 1);
    auto *fields = new QVBoxLayout(mFields);
    fields->setContentsMargins(0, 0, 0, 0);
    fields->setSpacing(6);
    fields->addLayout(shapeRow);
    fields->addWidget(mForm);
    fields->addStretch(1);
    mForm->setNameWidth(std::max(mForm->nameWidth(), shapeName->sizeHint().width()));
    shapeName->setMinimumWidth(mForm->nameWidth());

    mLayout->setContentsMargins(0, 0, 0, 0);
    mLayout->setSpacing(8);
    setHorizontal(false);

    connect(mForm, &ParamSetForm::valueEdited, this, &RateProfileEditor::valueEdited);
    connect(mForm, &ParamSetForm::resetRequested, this, &RateProfileEditor::resetRequested);
    enableFor(QStringLiteral("constant"));
}

void RateProfileEditor::setHorizontal(bool horizontal)
{
    mLayout->removeWidget(mFields);
    mLayout->removeWidget(mPreview);
    mLayout->addWidget(mFields, 0, 0);
    mLayout->addWidget(mPreview, horizontal ? 0 : 1, horizontal ? 1 : 0);
    mLayout->setColumnStretch(0, horizontal ? 0 : 1);
    mLayout->setColumnStretch(1, horizontal ? 1 : 0);
    mLayout->setRowStretch(0, horizontal ? 1 : 0);
    mLayout->setRowStretch(1, horizontal ? 0 : 1);
}

QStringList RateProfileEditor::pathsOf(const QString &shape)
{
    if (shape == QLatin1String("steps")) {
        return {QStringLiteral("profile.factor"), QStringLiteral("profile.at_s"),
                QStringLiteral("profile.every_s"), QStringLiteral("profile.count")};
    }
    if (shape == QLatin1String("spike")) {
        return {QStringLiteral("profile.factor"), QStringLiteral("profile.at_s"),
                QStringLiteral("profile.for_s")};
    }
    if (shape == QLatin1String("daily")) {
        return {QStringLiteral("profile.factor"), QStringLiteral("profile.trough_factor"),
                QStringLiteral("profile.peak_h")};
    }
    return {};
}

void RateProfileEditor::setGroup(const core::ParamSet &group, double duration)
{
    const bool has = profileSpec() != nullptr;
    const QString shape = has && group.groupEnabled("profile")
                              ? QString::fromStdString(group.text("profile.shape"))
                              : QStringLiteral("constant");
    mShape->setCurrentIndex(std::max(0, mShape->findData(shape)));
    if (has)
        mForm->setParams(group);
    enableFor(shape);
    mPreview->setCurve(RateCurve(group), duration);
}

void RateProfileEditor::enableFor(const QString &shape)
{
    const QStringList used = pathsOf(shape);
    for (const QString &path : mForm->paths())
        mForm->setPathEnabled(path, used.contains(path));
}

} // namespace topolab::app
