#include "documentcommand.h"

#include "../stdstrings.h"
#include "../topologydocument.h"

namespace topolab::app {

DocumentCommand::DocumentCommand(TopologyDocument *document, const QString &text)
    : QUndoCommand(text)
    , mDocument(document)
{
}

core::Topology &DocumentCommand::model() const
{
    return mDocument->mTopology;
}

std::size_t DocumentCommand::componentIndex(const std::string &id) const
{
    const auto &components = model().components;
    for (std::size_t i = 0; i < components.size(); ++i) {
        if (components[i].id == id)
            return i;
    }
    return npos;
}

std::size_t DocumentCommand::regionIndex(const std::string &id) const
{
    const auto &regions = model().regions;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        if (regions[i].id == id)
            return i;
    }
    return npos;
}

std::size_t DocumentCommand::linkIndex(const std::string &from, const std::string &to) const
{
    const auto &links = model().links;
    for (std::size_t i = 0; i < links.size(); ++i) {
        if (links[i].from == from && links[i].to == to)
            return i;
    }
    return npos;
}

void DocumentCommand::insertComponent(std::size_t index, core::Component component)
{
    auto &components = model().components;
    const QString id = toQString(component.id);
    components.insert(components.begin() + static_cast<std::ptrdiff_t>(index),
                      std::move(component));
    Q_EMIT mDocument->componentAdded(id);
}

void DocumentCommand::eraseComponent(std::size_t index)
{
    auto &components = model().components;
    const QString id = toQString(components[index].id);
    components.erase(components.begin() + static_cast<std::ptrdiff_t>(index));
    Q_EMIT mDocument->componentRemoved(id);
}

void DocumentCommand::insertRegion(std::size_t index, core::Region region)
{
    auto &regions = model().regions;
    const QString id = toQString(region.id);
    regions.insert(regions.begin() + static_cast<std::ptrdiff_t>(index), std::move(region));
    Q_EMIT mDocument->regionAdded(id);
}

void DocumentCommand::eraseRegion(std::size_t index)
{
    auto &regions = model().regions;
    const QString id = toQString(regions[index].id);
    regions.erase(regions.begin() + static_cast<std::ptrdiff_t>(index));
    Q_EMIT mDocument->regionRemoved(id);
}

void DocumentCommand::insertLink(std::size_t index, core::Link link)
{
    auto &links = model().links;
    const QString from = toQString(link.from);
    const QString to = toQString(link.to);
    links.insert(links.begin() + static_cast<std::ptrdiff_t>(index), std::move(link));
    Q_EMIT mDocument->linkAdded(from, to);
}

void DocumentCommand::eraseLink(std::size_t index)
{
    auto &links = model().links;
    const QString from = toQString(links[index].from);
    const QString to = toQString(links[index].to);
    links.erase(links.begin() + static_cast<std::ptrdiff_t>(index));
    Q_EMIT mDocument->linkRemoved(from, to);
}

void DocumentCommand::setBox(const std::string &id, const std::optional<core::LayoutBox> &box)
{
    storeBox(id, box);
    const QString qid = toQString(id);
    if (model().component(id))
        Q_EMIT mDocument->componentMoved(qid);
    Q_EMIT mDocument->layoutChanged(qid);
}

void DocumentCommand::storeBox(const std::string &id, const std::optional<core::LayoutBox> &box)
{
    if (box)
        model().layout.insert_or_assign(id, *box);
    else
        model().layout.erase(id);
}

std::optional<core::LayoutBox> DocumentCommand::boxOf(const std::string &id) const
{
    const auto it = model().layout.find(id);
    if (it == model().layout.end())
        return std::nullopt;
    return it->second;
}

} // namespace topolab::app
