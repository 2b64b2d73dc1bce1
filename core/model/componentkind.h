#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace topolab::core {

// The kinds of component a topology is drawn from (SPEC §3). Order is the palette order.
enum class ComponentKind {
    Dns,
    LoadBalancer,
    AppServer,
    ObjectStorage,
    Database,
    Volume,
    Backup,
    Vpn,
    SharedStorage,
};

inline constexpr std::array allComponentKinds = {
    ComponentKind::Dns,           ComponentKind::LoadBalancer, ComponentKind::AppServer,
    ComponentKind::ObjectStorage, ComponentKind::Database,     ComponentKind::Volume,
    ComponentKind::Backup,        ComponentKind::Vpn,          ComponentKind::SharedStorage,
};

// Whether a kind lives inside a region container.
enum class RegionPlacement {
    Forbidden, // global services: dns, vpn (spans regions)
    Optional,  // may be regional or external: object storage, backup, shared storage
    Required,  // load balancers, app servers, databases, volumes
};

std::string_view kindName(ComponentKind kind);  // the `kind:` value, e.g. "load_balancer"
std::string_view kindTitle(ComponentKind kind); // for people, e.g. "Load balancer"
std::optional<ComponentKind> parseKind(std::string_view name);
RegionPlacement regionPlacement(ComponentKind kind);

} // namespace topolab::core
