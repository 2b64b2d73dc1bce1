#include "topology.h"

#include "schemas.h"

namespace topolab::core {

Component Component::make(std::string id, ComponentKind kind, std::string region)
{
    Component c;
    c.id = std::move(id);
    c.kind = kind;
    c.region = std::move(region);
    c.params = ParamSet(componentSchema(kind));
    return c;
}

const Component *Topology::component(std::string_view id) const
{
    for (const auto &c : components) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

Component *Topology::component(std::string_view id)
{
    for (auto &c : components) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

const Region *Topology::region(std::string_view id) const
{
    for (const auto &r : regions) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

bool Topology::hasId(std::string_view id) const
{
    return component(id) != nullptr || region(id) != nullptr;
}

std::vector<const Component *> Topology::componentsOfKind(ComponentKind kind) const
{
    std::vector<const Component *> out;
    for (const auto &c : components) {
        if (c.kind == kind)
            out.push_back(&c);
    }
    return out;
}

} // namespace topolab::core
