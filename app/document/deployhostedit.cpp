#include "deployhostedit.h"

#include "stdstrings.h"

#include "core/model/schemas.h"

#include <algorithm>

namespace topolab::app {

namespace {

QString titleOf(const std::string &key)
{
    const std::string title = core::deployHostSchema().titleOf(key);
    return toQString(title.empty() ? key : title);
}

std::vector<core::DeployHost>::iterator hostOf(std::vector<core::DeployHost> &hosts,
                                               const std::string &component)
{
    return std::find_if(hosts.begin(), hosts.end(),
                        [&](const core::DeployHost &h) { return h.component == component; });
}

} // namespace

const core::DeployHost *DeployHostEdit::find(const std::vector<core::DeployHost> &hosts,
                                             const std::string &component)
{
    const auto it = std::find_if(hosts.begin(), hosts.end(), [&](const core::DeployHost &h) {
        return h.component == component;
    });
    return it == hosts.end() ? nullptr : &*it;
}

QString DeployHostEdit::titled(const std::string &reason)
{
    QString text = toQString(reason);
    for (const core::ParamSpec &spec : core::deployHostSchema().params) {
        const QString key = toQString(spec.key);
        if (text.startsWith(key + QLatin1Char(' '))) {
            text.replace(0, key.size(), toQString(spec.title));
            break;
        }
    }
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

std::size_t DeployHostEdit::insertionIndex(const core::Topology &topology,
                                           const std::vector<core::DeployHost> &hosts,
                                           const std::string &component)
{
    const auto position = [&](const std::string &id) {
        const auto it = std::find_if(topology.components.begin(), topology.components.end(),
                                     [&](const core::Component &c) { return c.id == id; });
        return std::distance(topology.components.begin(), it);
    };
    const auto mine = position(component);
    for (std::size_t i = 0; i < hosts.size(); ++i) {
        if (position(hosts[i].component) > mine)
            return i;
    }
    return hosts.size();
}

std::optional<QString> DeployHostEdit::setValue(TopologyDocument &document,
                                                const QString &component, const QString &key,
                                                const core::ParamValue &value)
{
    const std::string id = toStd(component);
    const std::string path = toStd(key);
    const core::ParamSpec *spec = core::deployHostSchema().find(path);
    if (!spec || spec->type == core::ParamType::Group)
        return tr("A deploy host has no setting '%1'").arg(key);
    if (!document.component(component))
        return tr("There is no component '%1'").arg(component);
    const bool isAddress = path == "address";
    if (isAddress) {
        const auto *text = std::get_if<std::string>(&value);
        if (text && text->empty())
            return tr("%1 is required: a host is reached at its address").arg(titleOf(path));
    }

    const bool exists = find(document.topology().deployHosts, id) != nullptr;
    if (!exists && !isAddress)
        return tr("Give %1 an address first").arg(component);
    const QString text = exists ? tr("Set %1 of the host of %2").arg(titleOf(path), component)
                                : tr("Deploy %1 to a host").arg(component);
    const core::Topology &topology = document.topology();
    return document.editSections(
        text, [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            auto it = hostOf(s.deployHosts, id);
            if (it == s.deployHosts.end()) {
                core::DeployHost host{id, core::ParamSet(core::deployHostSchema())};
                it = s.deployHosts.insert(
                    s.deployHosts.begin()
                        + std::ptrdiff_t(insertionIndex(topology, s.deployHosts, id)),
                    std::move(host));
            }
            if (auto reason = it->params.set(path, value))
                return toStd(titled(*reason));
            return std::nullopt;
        });
}

std::optional<QString> DeployHostEdit::reset(TopologyDocument &document, const QString &component,
                                             const QString &key)
{
    const std::string id = toStd(component);
    const std::string path = toStd(key);
    if (path == "address")
        return remove(document, component);
    const core::ParamSpec *spec = core::deployHostSchema().find(path);
    if (!spec || spec->type == core::ParamType::Group)
        return tr("A deploy host has no setting '%1'").arg(key);
    const core::DeployHost *host = find(document.topology().deployHosts, id);
    if (!host || !host->params.isSet(path))
        return std::nullopt;
    return document.editSections(tr("Reset %1 of the host of %2").arg(titleOf(path), component),
                                 [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
                                     hostOf(s.deployHosts, id)->params.unset(path);
                                     return std::nullopt;
                                 });
}

std::optional<QString> DeployHostEdit::remove(TopologyDocument &document, const QString &component)
{
    const std::string id = toStd(component);
    if (!find(document.topology().deployHosts, id))
        return std::nullopt;
    return document.editSections(tr("Remove the deploy host of %1").arg(component),
                                 [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
                                     s.deployHosts.erase(hostOf(s.deployHosts, id));
                                     return std::nullopt;
                                 });
}

std::optional<QString> DeployHostEdit::fill(TopologyDocument &document,
                                            const std::vector<core::DeployHost> &hosts,
                                            const QString &source)
{
    const core::Topology &topology = document.topology();
    const QString text = source.isEmpty() ? tr("Fill deploy hosts from an inventory")
                                          : tr("Fill deploy hosts from %1").arg(source);
    return document.editSections(
        text, [&](TopologyDocument::Sections &s) -> std::optional<std::string> {
            for (const core::DeployHost &host : hosts) {
                if (auto it = hostOf(s.deployHosts, host.component); it != s.deployHosts.end()) {
                    *it = host;
                    continue;
                }
                s.deployHosts.insert(
                    s.deployHosts.begin()
                        + std::ptrdiff_t(insertionIndex(topology, s.deployHosts, host.component)),
                    host);
            }
            return std::nullopt;
        });
}

} // namespace topolab::app
