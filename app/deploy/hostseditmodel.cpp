#include "hostseditmodel.h"

#include "document/deployhostedit.h"
#include "document/stdstrings.h"
#include "document/topologydocument.h"
#include "gui/kindicons.h"

#include "core/model/schemas.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

#include <array>

namespace topolab::app {

namespace {

using Kind = core::ComponentKind;

// The order of the rows: the tiers people set up hosts for, then object storage.
constexpr std::array rowKinds = {Kind::LoadBalancer, Kind::AppServer, Kind::Database,
                                 Kind::Backup,       Kind::Dns,       Kind::ObjectStorage};

QString shown(const core::ParamValue &value)
{
    return toQString(core::formatParamValue(value));
}

} // namespace

HostsEditModel::HostsEditModel(TopologyDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , mDocument(document)
{
    for (const core::ParamSpec &spec : core::deployHostSchema().params) {
        if (spec.type != core::ParamType::Group && !looksLikeSecret(spec.key))
            mSpecs.push_back(&spec);
    }
    mRows = rowsOfDocument();
    for (auto signal : {&TopologyDocument::sectionsChanged, &TopologyDocument::topologyReset}) {
        connect(mDocument, signal, this, &HostsEditModel::refresh);
    }
    for (auto signal : {&TopologyDocument::componentAdded, &TopologyDocument::componentRemoved,
                        &TopologyDocument::componentChanged}) {
        connect(mDocument, signal, this, &HostsEditModel::refresh);
    }
    connect(mDocument, &TopologyDocument::idRenamed, this, &HostsEditModel::refresh);
}

bool HostsEditModel::deploysSomething(core::ComponentKind kind)
{
    return std::find(rowKinds.begin(), rowKinds.end(), kind) != rowKinds.end();
}

bool HostsEditModel::reachedOverSsh(core::ComponentKind kind)
{
    return deploysSomething(kind) && kind != Kind::ObjectStorage;
}

bool HostsEditModel::looksLikeSecret(std::string_view key)
{
    for (std::string_view word : {"password", "passphrase", "secret", "token", "private_key"}) {
        if (key.find(word) != std::string_view::npos)
            return true;
    }
    return false;
}

QStringList HostsEditModel::rowsOfDocument() const
{
    const core::Topology &topology = mDocument->topology();
    QStringList rows;
    for (Kind kind : rowKinds) {
        for (const core::Component &c : topology.components) {
            if (c.kind == kind)
                rows.append(toQString(c.id));
        }
    }
    // A host the file gives a component that deploys nothing, to be seen and removed.
    for (const core::DeployHost &host : topology.deployHosts) {
        const core::Component *c = topology.component(host.component);
        if (c && !deploysSomething(c->kind))
            rows.append(toQString(c->id));
    }
    return rows;
}

void HostsEditModel::refresh()
{
    const QStringList rows = rowsOfDocument();
    if (rows != mRows) {
        beginResetModel();
        mRows = rows;
        endResetModel();
        return;
    }
    if (!mRows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int HostsEditModel::columnOf(const QString &key) const
{
    for (std::size_t i = 0; i < mSpecs.size(); ++i) {
        if (toQString(mSpecs[i]->key) == key)
            return int(i) + 1;
    }
    return -1;
}

const core::ParamSpec *HostsEditModel::specAt(int column) const
{
    if (column < 1 || column > int(mSpecs.size()))
        return nullptr;
    return mSpecs[std::size_t(column - 1)];
}

bool HostsEditModel::hasHost(int row) const
{
    return DeployHostEdit::find(mDocument->topology().deployHosts, toStd(componentAt(row)));
}

bool HostsEditModel::canTest(int row) const
{
    const core::Component *c = mDocument->component(componentAt(row));
    return c && hasHost(row) && reachedOverSsh(c->kind);
}

std::optional<core::HostConnection> HostsEditModel::connectionAt(int row) const
{
    const std::string id = toStd(componentAt(row));
    for (core::HostConnection &host : core::hostConnections(mDocument->topology())) {
        if (host.id == id)
            return std::move(host);
    }
    return std::nullopt;
}

int HostsEditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mRows.size());
}

int HostsEditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mSpecs.size()) + 2;
}

QVariant HostsEditModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const core::Component *component = mDocument->component(componentAt(index.row()));
    if (!component)
        return {};
    if (index.column() == componentColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return toQString(component->id);
        case Qt::DecorationRole:
            return KindIcons::icon(component->kind);
        case Qt::ToolTipRole:
            return component->label.empty()
                       ? toQString(core::kindTitle(component->kind))
                       : tr("%1 (%2)").arg(toQString(component->label),
                                           toQString(core::kindTitle(component->kind)));
        default:
            return {};
        }
    }
    const core::ParamSpec *spec = specAt(index.column());
    if (!spec)
        return {};
    const core::DeployHost *host
        = DeployHostEdit::find(mDocument->topology().deployHosts, component->id);
    const bool isAddress = spec->key == "address";
    const bool atDefault = host && !host->params.isSet(spec->key);
    switch (role) {
    case Qt::DisplayRole:
        if (!host) {
            if (!isAddress)
                return {};
            return component->kind == Kind::ObjectStorage ? tr("optional: its endpoint")
                                                          : tr("no host yet");
        }
        if (spec->key == "key_file" && host->params.text("key_file").empty())
            return tr("ssh-agent");
        return shown(host->params.value(spec->key));
    case Qt::EditRole:
        return host ? shown(host->params.value(spec->key)) : QString();
    case Qt::ForegroundRole:
        if (!host || atDefault)
            return QApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::FontRole:
        if (!host && isAddress) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (spec->type == core::ParamType::Integer)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole: {
        QString tip = toQString(spec->description);
        if (!host && isAddress)
            tip = tr("%1 has no host yet: type its address to deploy it.")
                      .arg(toQString(component->id))
                  + QLatin1Char('\n') + tip;
        else if (atDefault && !isAddress)
            tip += QLatin1Char('\n') + tr("At its default.");
        return tip;
    }
    default:
        return {};
    }
}

QVariant HostsEditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        if (section == componentColumn)
            return tr("Component");
        if (section == connectionColumn())
            return tr("Connection");
        if (const core::ParamSpec *spec = specAt(section))
            return toQString(spec->title);
    }
    if (role == Qt::ToolTipRole) {
        if (const core::ParamSpec *spec = specAt(section))
            return toQString(spec->description);
    }
    return {};
}

Qt::ItemFlags HostsEditModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    const core::ParamSpec *spec = specAt(index.column());
    // Without a host, only its address can be given: that creates the host.
    if (spec && (hasHost(index.row()) || spec->key == "address"))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool HostsEditModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const core::ParamSpec *spec = specAt(index.column());
    if (role != Qt::EditRole || !spec || !index.isValid())
        return false;
    const QString component = componentAt(index.row());
    const QString key = toQString(spec->key);
    const QString text = value.toString().trimmed();
    if (hasHost(index.row()) && text == data(index, Qt::EditRole).toString())
        return true;

    std::optional<QString> refusal;
    if (text.isEmpty()) {
        refusal = DeployHostEdit::reset(*mDocument, component, key);
    } else if (spec->type == core::ParamType::Integer) {
        bool ok = false;
        const qlonglong number = text.toLongLong(&ok);
        refusal = ok ? DeployHostEdit::setValue(*mDocument, component, key,
                                                core::ParamValue(std::int64_t(number)))
                     : DeployHostEdit::titled(spec->key + " must be a whole number, got '"
                                              + toStd(text) + "'");
    } else {
        refusal
            = DeployHostEdit::setValue(*mDocument, component, key, core::ParamValue(toStd(text)));
    }
    if (refusal) {
        Q_EMIT refused(index, *refusal);
        return false;
    }
    Q_EMIT edited(index);
    return true;
}

} // namespace topolab::app
