#include "componentkind.h"

namespace topolab::core {

namespace {

struct KindNames
{
    ComponentKind kind;
    std::string_view name;
    std::string_view title;
    RegionPlacement placement;
};

constexpr std::array kindTable = {
    KindNames{ComponentKind::Dns, "dns", "DNS", RegionPlacement::Forbidden},
    KindNames{ComponentKind::LoadBalancer, "load_balancer", "Load balancer",
              RegionPlacement::Required},
    KindNames{ComponentKind::AppServer, "app_server", "App server", RegionPlacement::Required},
    KindNames{ComponentKind::ObjectStorage, "object_storage", "Object storage",
              RegionPlacement::Optional},
    KindNames{ComponentKind::Database, "database", "Database", RegionPlacement::Required},
    KindNames{ComponentKind::Volume, "volume", "Volume", RegionPlacement::Required},
    KindNames{ComponentKind::Backup, "backup", "Backup", RegionPlacement::Optional},
    KindNames{ComponentKind::Vpn, "vpn", "VPN", RegionPlacement::Forbidden},
    KindNames{ComponentKind::SharedStorage, "shared_storage", "Shared storage",
              RegionPlacement::Optional},
};

const KindNames &entry(ComponentKind kind)
{
    return kindTable[static_cast<std::size_t>(kind)];
}

} // namespace

std::string_view kindName(ComponentKind kind)
{
    return entry(kind).name;
}

std::string_view kindTitle(ComponentKind kind)
{
    return entry(kind).title;
}

std::optional<ComponentKind> parseKind(std::string_view name)
{
    for (const auto &k : kindTable) {
        if (k.name == name)
            return k.kind;
    }
    return std::nullopt;
}

RegionPlacement regionPlacement(ComponentKind kind)
{
    return entry(kind).placement;
}

} // namespace topolab::core
