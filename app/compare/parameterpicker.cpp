#include "parameterpicker.h"

#include "document/stdstrings.h"

#include "core/model/schemas.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QSignalBlocker>

namespace topolab::app {

namespace {

using Scope = core::ParamPath::Scope;

QVariant ownerData(Scope scope, const std::string &owner)
{
    return QVariantList{int(scope), toQString(owner)};
}

// Parameters a person would vary: single values that are not free text.
bool offered(const core::ParamSpec &spec)
{
    return spec.type != core::ParamType::Group && spec.type != core::ParamType::Text;
}

} // namespace

ParameterPicker::ParameterPicker(QWidget *parent)
    : QWidget(parent)
    , mOwner(new QComboBox)
    , mParameter(new QComboBox)
{
    mOwner->setObjectName(QStringLiteral("ownerBox"));
    mParameter->setObjectName(QStringLiteral("parameterBox"));
    mOwner->setToolTip(tr("What the parameter belongs to: a component, every component of a "
                          "kind, the scenario or a client group"));
    mParameter->setToolTip(tr("The parameter, by the inspector's name"));
    mOwner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    mParameter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mOwner);
    layout->addWidget(mParameter);
    layout->addStretch(1);
    connect(mOwner, &QComboBox::currentIndexChanged, this, [this] {
        fillParameters();
        Q_EMIT changed();
    });
    connect(mParameter, &QComboBox::currentIndexChanged, this, &ParameterPicker::changed);
}

void ParameterPicker::setTopology(const core::Topology &topology)
{
    const std::optional<core::ParamPath> kept = path();
    mTopology = topology;
    {
        const QSignalBlocker blockOwner(mOwner);
        const QSignalBlocker blockParameter(mParameter);
        fillOwners();
        fillParameters();
    }
    if (!kept || !setPath(*kept))
        Q_EMIT changed();
}

void ParameterPicker::fillOwners()
{
    mOwner->clear();
    for (const core::Component &c : mTopology.components) {
        mOwner->addItem(
            QStringLiteral("%1 (%2)").arg(toQString(c.id), toQString(core::kindTitle(c.kind))),
            ownerData(Scope::Component, c.id));
    }
    mOwner->insertSeparator(mOwner->count());
    for (core::ComponentKind kind : core::allComponentKinds) {
        if (mTopology.componentsOfKind(kind).size() < 2)
            continue;
        mOwner->addItem(tr("Every %1").arg(toQString(core::kindTitle(kind)).toLower()),
                        ownerData(Scope::Kind, std::string(core::kindName(kind))));
    }
    mOwner->addItem(tr("Scenario"), ownerData(Scope::Scenario, {}));
    for (const core::ClientGroup &group : mTopology.clientGroups)
        mOwner->addItem(tr("Clients %1").arg(toQString(group.id)),
                        ownerData(Scope::ClientGroup, group.id));
}

std::optional<core::ParamPath> ParameterPicker::ownerPath() const
{
    const QVariantList data = mOwner->currentData().toList();
    if (data.size() != 2)
        return std::nullopt;
    core::ParamPath path;
    path.scope = Scope(data.at(0).toInt());
    path.owner = toStd(data.at(1).toString());
    return path;
}

void ParameterPicker::fillParameters()
{
    const QString kept = mParameter->currentData().toString();
    mParameter->clear();
    const std::optional<core::ParamPath> owner = ownerPath();
    if (!owner)
        return;
    const core::ParamSchema &schema = core::schemaOf(*owner, mTopology);
    int numeric = -1;
    for (const std::string &key : schema.allPaths()) {
        const core::ParamSpec &spec = *schema.find(key);
        if (!offered(spec))
            continue;
        QString title = toQString(schema.titleOf(key));
        if (!spec.unit.empty() && spec.unit != "share")
            title += QStringLiteral(" (%1)").arg(toQString(spec.unit));
        mParameter->addItem(title, toQString(key));
        mParameter->setItemData(mParameter->count() - 1,
                                toQString(key) + QStringLiteral(": ") + toQString(spec.description),
                                Qt::ToolTipRole);
        const bool isNumber
            = spec.type == core::ParamType::Integer || spec.type == core::ParamType::Number;
        if (numeric < 0 && isNumber)
            numeric = mParameter->count() - 1;
    }
    const int same = mParameter->findData(kept);
    mParameter->setCurrentIndex(same >= 0 ? same : std::max(0, numeric));
}

bool ParameterPicker::setPath(const core::ParamPath &path)
{
    const int owner = mOwner->findData(ownerData(path.scope, path.owner));
    if (owner < 0)
        return false;
    mOwner->setCurrentIndex(owner);
    const int parameter = mParameter->findData(toQString(path.param));
    if (parameter < 0)
        return false;
    mParameter->setCurrentIndex(parameter);
    return true;
}

bool ParameterPicker::selectComponent(const QString &id)
{
    const int owner = mOwner->findData(ownerData(Scope::Component, toStd(id)));
    if (owner < 0)
        return false;
    mOwner->setCurrentIndex(owner);
    return true;
}

std::optional<core::ParamPath> ParameterPicker::path() const
{
    std::optional<core::ParamPath> out = ownerPath();
    if (!out || mParameter->currentIndex() < 0)
        return std::nullopt;
    out->param = toStd(mParameter->currentData().toString());
    return out;
}

const core::ParamSpec *ParameterPicker::spec() const
{
    const std::optional<core::ParamPath> picked = path();
    return picked ? &core::specOf(*picked, mTopology) : nullptr;
}

} // namespace topolab::app
