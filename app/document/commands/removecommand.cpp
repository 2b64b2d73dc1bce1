#include "removecommand.h"

#include "../stdstrings.h"
#include "../topologydocument.h"

#include <set>

namespace topolab::app {

namespace {

template<typename T, typename Predicate>
void collect(const std::vector<T> &list, Predicate removed,
             std::vector<std::pair<std::size_t, T>> &out)
{
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (removed(list[i]))
            out.emplace_back(i, list[i]);
    }
}

template<typename T>
void eraseDescending(std::vector<T> &list, const std::vector<std::pair<std::size_t, T>> &items)
{
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(it->first));
}

template<typename T>
void insertAscending(std::vector<T> &list, const std::vector<std::pair<std::size_t, T>> &items)
{
    for (const auto &[index, value] : items)
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(index), value);
}

} // namespace

RemoveCommand::RemoveCommand(TopologyDocument *document, const QStringList &ids)
    : DocumentCommand(document, QString())
{
    const core::Topology &t = model();
    std::set<std::string> regions;
    std::set<std::string> components;
    for (const QString &id : ids) {
        const std::string key = toStd(id);
        if (t.region(key))
            regions.insert(key);
        else if (t.component(key))
            components.insert(key);
    }
    for (const auto &c : t.components) {
        if (regions.count(c.region))
            components.insert(c.id);
    }
    const auto isRemoved = [&](const std::string &id) {
        return components.count(id) > 0 || regions.count(id) > 0;
    };

    collect(
        t.regions, [&](const core::Region &r) { return regions.count(r.id) > 0; }, mRegions);
    collect(
        t.components, [&](const core::Component &c) { return components.count(c.id) > 0; },
        mComponents);
    collect(
        t.links, [&](const core::Link &l) { return isRemoved(l.from) || isRemoved(l.to); }, mLinks);
    if (t.scenario) {
        collect(
            t.scenario->failures,
            [&](const core::ScheduledFailure &f) { return isRemoved(f.params.text("target")); },
            mFailures);
    }
    collect(
        t.deployHosts, [&](const core::DeployHost &h) { return isRemoved(h.component); }, mHosts);
    for (std::size_t i = 0; i < t.clientGroups.size(); ++i) {
        if (regions.count(t.clientGroups[i].region))
            mClientGroupRegions.emplace_back(i, t.clientGroups[i].region);
    }
    for (const auto &[id, box] : t.layout) {
        if (isRemoved(id))
            mBoxes.emplace(id, box);
    }

    const std::size_t count = mRegions.size() + mComponents.size();
    if (count == 1) {
        const std::string &only
            = mRegions.empty() ? mComponents.front().second.id : mRegions.front().second.id;
        setText(tr("Delete %1").arg(toQString(only)));
    } else {
        setText(tr("Delete %n elements", nullptr, static_cast<int>(count)));
    }
}

void RemoveCommand::redo()
{
    core::Topology &t = model();
    for (auto it = mLinks.rbegin(); it != mLinks.rend(); ++it)
        eraseLink(it->first);
    if (t.scenario)
        eraseDescending(t.scenario->failures, mFailures);
    eraseDescending(t.deployHosts, mHosts);
    for (const auto &[index, region] : mClientGroupRegions)
        t.clientGroups[index].region.clear();
    for (auto it = mComponents.rbegin(); it != mComponents.rend(); ++it) {
        eraseComponent(it->first);
        storeBox(it->second.id, std::nullopt);
    }
    for (auto it = mRegions.rbegin(); it != mRegions.rend(); ++it) {
        eraseRegion(it->first);
        storeBox(it->second.id, std::nullopt);
    }
    if (!mFailures.empty() || !mHosts.empty() || !mClientGroupRegions.empty())
        Q_EMIT document()->sectionsChanged();
}

void RemoveCommand::undo()
{
    core::Topology &t = model();
    const auto restoreBox = [this](const std::string &id) {
        if (auto it = mBoxes.find(id); it != mBoxes.end())
            storeBox(id, it->second);
    };
    for (const auto &[index, region] : mRegions) {
        restoreBox(region.id);
        insertRegion(index, region);
    }
    for (const auto &[index, component] : mComponents) {
        restoreBox(component.id);
        insertComponent(index, component);
    }
    for (const auto &[index, link] : mLinks)
        insertLink(index, link);
    if (t.scenario)
        insertAscending(t.scenario->failures, mFailures);
    insertAscending(t.deployHosts, mHosts);
    for (const auto &[index, region] : mClientGroupRegions)
        t.clientGroups[index].region = region;
    if (!mFailures.empty() || !mHosts.empty() || !mClientGroupRegions.empty())
        Q_EMIT document()->sectionsChanged();
}

} // namespace topolab::app
