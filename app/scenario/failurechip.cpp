#include "failurechip.h"

#include "core/model/schemas.h"

#include <QMimeData>

namespace topolab::app {

namespace {

using K = core::ComponentKind;

QString firstOf(const core::Topology &topology, std::initializer_list<K> kinds)
{
    for (K kind : kinds) {
        const auto found = topology.componentsOfKind(kind);
        if (!found.empty())
            return QString::fromStdString(found.front()->id);
    }
    return {};
}

} // namespace

QList<FailureChip::Kind> FailureChip::all()
{
    return {Kind::Crash, Kind::Blackhole, Kind::Degrade, Kind::LoseRegion, Kind::CutVpn};
}

QString FailureChip::key(Kind kind)
{
    switch (kind) {
    case Kind::Crash:
        return QStringLiteral("crash");
    case Kind::Blackhole:
        return QStringLiteral("blackhole");
    case Kind::Degrade:
        return QStringLiteral("degrade");
    case Kind::LoseRegion:
        return QStringLiteral("region");
    case Kind::CutVpn:
        return QStringLiteral("vpn");
    }
    return {};
}

std::optional<FailureChip::Kind> FailureChip::fromKey(const QString &key)
{
    for (Kind kind : all()) {
        if (FailureChip::key(kind) == key)
            return kind;
    }
    return std::nullopt;
}

QString FailureChip::title(Kind kind)
{
    switch (kind) {
    case Kind::Crash:
        return tr("Crash component");
    case Kind::Blackhole:
        return tr("Blackhole component");
    case Kind::Degrade:
        return tr("Degrade component");
    case Kind::LoseRegion:
        return tr("Lose region");
    case Kind::CutVpn:
        return tr("Cut VPN");
    }
    return {};
}

QString FailureChip::description(Kind kind)
{
    switch (kind) {
    case Kind::Crash:
        return tr("The process dies: connections are refused at once.");
    case Kind::Blackhole:
        return tr("The host goes silent: connections time out.");
    case Kind::Degrade:
        return tr("The component serves slower, by its slowdown factor.");
    case Kind::LoseRegion:
        return tr("Every component of the region goes silent at once.");
    case Kind::CutVpn:
        return tr("The tunnel between regions goes down: replication across it stops.");
    }
    return {};
}

QString FailureChip::mode(Kind kind)
{
    switch (kind) {
    case Kind::Crash:
    case Kind::CutVpn:
        return QStringLiteral("crash");
    case Kind::Blackhole:
    case Kind::LoseRegion:
        return QStringLiteral("blackhole");
    case Kind::Degrade:
        return QStringLiteral("degrade");
    }
    return QStringLiteral("crash");
}

QString FailureChip::mimeType()
{
    return QStringLiteral("application/x-topolab-failure-chip");
}

QMimeData *FailureChip::mimeData(Kind kind)
{
    auto *data = new QMimeData;
    data->setData(mimeType(), key(kind).toUtf8());
    return data;
}

std::optional<FailureChip::Kind> FailureChip::fromMimeData(const QMimeData *data)
{
    if (!data || !data->hasFormat(mimeType()))
        return std::nullopt;
    return fromKey(QString::fromUtf8(data->data(mimeType())));
}

QString FailureChip::defaultTarget(const core::Topology &topology, Kind kind)
{
    switch (kind) {
    case Kind::Crash:
    case Kind::Blackhole:
        return firstOf(topology, {K::LoadBalancer, K::AppServer, K::Database, K::ObjectStorage,
                                  K::SharedStorage, K::Volume, K::Backup});
    case Kind::Degrade:
        return firstOf(topology, {K::AppServer, K::LoadBalancer, K::Database});
    case Kind::LoseRegion:
        return topology.regions.empty() ? QString()
                                        : QString::fromStdString(topology.regions.front().id);
    case Kind::CutVpn:
        return firstOf(topology, {K::Vpn});
    }
    return {};
}

QString FailureChip::missingTarget(Kind kind)
{
    switch (kind) {
    case Kind::Crash:
    case Kind::Blackhole:
        return tr("There is no component to fail yet: add a load balancer or an app server "
                  "first.");
    case Kind::Degrade:
        return tr("There is nothing to degrade yet: add an app server, a load balancer or a "
                  "database first.");
    case Kind::LoseRegion:
        return tr("There is no region to lose: draw a region (under Layout in Components) "
                  "first.");
    case Kind::CutVpn:
        return tr("There is no VPN to cut: add a vpn component between the regions first.");
    }
    return {};
}

core::ScheduledFailure FailureChip::make(Kind kind, const QString &target, double at, double length)
{
    core::ScheduledFailure failure{core::ParamSet(core::scheduledFailureSchema())};
    failure.params.set("at_s", at);
    failure.params.set("target", target.toStdString());
    failure.params.set("mode", mode(kind).toStdString());
    failure.params.set("for_s", length);
    if (kind == Kind::Degrade)
        failure.params.set("slowdown",
                           core::scheduledFailureSchema().find("slowdown")->defaultValue);
    return failure;
}

QColor FailureChip::modeColour(const QString &mode)
{
    if (mode == QLatin1String("blackhole"))
        return QColor(0x8e, 0x44, 0xad);
    if (mode == QLatin1String("degrade"))
        return QColor(0xe0, 0x8e, 0x0b);
    return QColor(0xd3, 0x2f, 0x2f);
}

QStringList FailureChip::modesFor(const core::Topology &topology, const QString &target)
{
    const core::Component *c = topology.component(target.toStdString());
    if (!c || c->kind == K::Vpn)
        return {QStringLiteral("crash"), QStringLiteral("blackhole")};
    return {QStringLiteral("crash"), QStringLiteral("blackhole"), QStringLiteral("degrade")};
}

} // namespace topolab::app
