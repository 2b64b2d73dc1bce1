#include "parameteredit.h"

#include "stdstrings.h"

#include "core/model/connectionrules.h"

#include <map>

namespace topolab::app {

namespace {

std::optional<std::string> missingParameter(const core::ParamSet &params, const std::string &path)
{
    if (params.schema().find(path))
        return std::nullopt;
    return ParameterEdit::tr("there is no parameter '%1' here").arg(toQString(path)).toStdString();
}

} // namespace

ParameterEdit::Change ParameterEdit::setValue(const std::string &path,
                                              const core::ParamValue &value)
{
    return [path, value](core::ParamSet &params) -> std::optional<std::string> {
        if (auto missing = missingParameter(params, path))
            return missing;
        if (auto reason = params.set(path, value))
            return reason;
        // A member written switches its optional group on, as the file reader does.
        if (const auto dot = path.find('.'); dot != std::string::npos)
            params.setGroupEnabled(path.substr(0, dot), true);
        return std::nullopt;
    };
}

ParameterEdit::Change ParameterEdit::reset(const std::string &path)
{
    return [path](core::ParamSet &params) -> std::optional<std::string> {
        if (auto missing = missingParameter(params, path))
            return missing;
        params.unset(path);
        return std::nullopt;
    };
}

ParameterEdit::Change ParameterEdit::enableGroup(const std::string &group, bool enabled)
{
    return [group, enabled](core::ParamSet &params) -> std::optional<std::string> {
        if (auto missing = missingParameter(params, group))
            return missing;
        const core::ParamSpec *spec = params.schema().find(group);
        if (spec->type != core::ParamType::Group || !spec->optionalGroup)
            return tr("%1 cannot be switched on or off").arg(toQString(group)).toStdString();
        params.setGroupEnabled(group, enabled);
        return std::nullopt;
    };
}

ParameterEdit::ParameterEdit(const core::Topology &topology,
                             const std::vector<std::string> &componentIds, const Change &change)
{
    for (const std::string &id : componentIds) {
        const core::Component *c = topology.component(id);
        if (!c) {
            mRefusal = tr("'%1' is not a component").arg(toQString(id)).toStdString();
            break;
        }
        const bool seen = std::any_of(mChanges.begin(), mChanges.end(),
                                      [&](const auto &done) { return done.component == id; });
        if (seen)
            continue;
        core::ParamSet after = c->params;
        if ((mRefusal = change(after)))
            break;
        if (after != c->params)
            mChanges.push_back(SetParameterCommand::Change{id, c->params, std::move(after)});
    }
    if (!mRefusal)
        checkLinks(topology);
    if (mRefusal)
        mChanges.clear();
}

void ParameterEdit::checkLinks(const core::Topology &topology)
{
    std::map<std::string, const core::ParamSet *> changed;
    for (const auto &change : mChanges)
        changed.emplace(change.component, &change.after);
    const auto effective = [&](const std::string &id) {
        core::Component c = *topology.component(id);
        if (const auto it = changed.find(id); it != changed.end())
            c.params = *it->second;
        return c;
    };
    for (const auto &link : topology.links) {
        if (!changed.count(link.from) && !changed.count(link.to))
            continue;
        const core::ConnectionVerdict verdict
            = core::checkConnection(effective(link.from), effective(link.to));
        if (!verdict.allowed) {
            mRefusal = tr("the link %1 → %2 would no longer be allowed: %3")
                           .arg(toQString(link.from), toQString(link.to), toQString(verdict.reason))
                           .toStdString();
            return;
        }
    }
}

} // namespace topolab::app
