#pragma once

#include "core/io/diagnostic.h"
#include "core/model/topology.h"

#include <QFont>

#include <memory>
#include <vector>

namespace topolab::app {

class ComponentItem;
class LinkItem;
class RegionItem;

// The items that show one topology, not yet in any scene.
struct SceneItems
{
    std::vector<std::unique_ptr<RegionItem>> regions;
    std::vector<std::unique_ptr<ComponentItem>> components;
    std::vector<std::unique_ptr<LinkItem>> links;

    SceneItems();
    SceneItems(SceneItems &&) noexcept;
    ~SceneItems();
};

// Turns a topology and its findings into canvas items: sizes each box to its id, asks
// AutoLayout where everything goes, marks components that have findings and gives each link
// the kind the connection rules assign it. Owns nothing once build() returns.
class SceneBuilder
{
public:
    explicit SceneBuilder(const QFont &font);

    SceneItems build(const core::Topology &topology,
                     const std::vector<core::Diagnostic> &findings) const;

private:
    QFont mFont;
};

} // namespace topolab::app
