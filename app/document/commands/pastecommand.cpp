#include "pastecommand.h"

#include "../clipboardfragment.h"
#include "../elementgeometry.h"
#include "../idallocator.h"
#include "../stdstrings.h"

namespace topolab::app {

PasteCommand::Elements PasteCommand::place(const ClipboardFragment &fragment,
                                           const core::Topology &target, QPointF offset,
                                           QStringList &newIds)
{
    const core::Topology &source = fragment.topology;
    IdAllocator ids(target);
    std::map<std::string, std::string> renamed;
    const auto allocate = [&](const std::string &id) {
        const std::string fresh = ids.allocate(id);
        renamed.emplace(id, fresh);
        newIds.append(toQString(fresh));
        return fresh;
    };
    Elements elements;
    for (const auto &r : source.regions) {
        if (!fragment.contextRegions.count(r.id))
            elements.regions.push_back(core::Region{allocate(r.id), r.label});
    }
    for (const auto &c : source.components) {
        core::Component copy = c;
        copy.id = allocate(c.id);
        if (const auto it = renamed.find(c.region); it != renamed.end())
            copy.region = it->second;
        else if (!target.region(c.region))
            copy.region.clear();
        elements.components.push_back(std::move(copy));
    }
    for (const auto &l : source.links)
        elements.links.push_back(core::Link{renamed.at(l.from), renamed.at(l.to)});
    for (const auto &[id, box] : source.layout) {
        const auto it = renamed.find(id);
        if (it == renamed.end())
            continue;
        core::LayoutBox moved = box;
        moved.x = ElementGeometry::bounded(box.x + offset.x());
        moved.y = ElementGeometry::bounded(box.y + offset.y());
        elements.boxes.emplace(it->second, moved);
    }
    return elements;
}

PasteCommand::PasteCommand(TopologyDocument *document, const QString &text, Elements elements)
    : DocumentCommand(document, text)
    , mElements(std::move(elements))
{
}

void PasteCommand::redo()
{
    for (const auto &[id, box] : mElements.boxes)
        storeBox(id, box);
    for (const auto &region : mElements.regions)
        insertRegion(model().regions.size(), region);
    for (const auto &component : mElements.components)
        insertComponent(model().components.size(), component);
    for (const auto &link : mElements.links)
        insertLink(model().links.size(), link);
}

void PasteCommand::undo()
{
    for (std::size_t i = 0; i < mElements.links.size(); ++i)
        eraseLink(model().links.size() - 1);
    for (std::size_t i = 0; i < mElements.components.size(); ++i)
        eraseComponent(model().components.size() - 1);
    for (std::size_t i = 0; i < mElements.regions.size(); ++i)
        eraseRegion(model().regions.size() - 1);
    for (const auto &[id, box] : mElements.boxes)
        storeBox(id, std::nullopt);
}

} // namespace topolab::app
