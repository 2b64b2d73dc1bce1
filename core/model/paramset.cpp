#include "paramset.h"

#include <stdexcept>

namespace topolab::core {

const ParamSpec &ParamSet::spec(std::string_view path) const
{
    const ParamSpec *s = mSchema ? mSchema->find(path) : nullptr;
    if (!s)
        throw std::out_of_range("no parameter '" + std::string(path) + "'");
    return *s;
}

bool ParamSet::isSet(std::string_view path) const
{
    return mValues.find(path) != mValues.end();
}

const ParamValue &ParamSet::value(std::string_view path) const
{
    if (auto it = mValues.find(path); it != mValues.end())
        return it->second;
    return spec(path).defaultValue;
}

double ParamSet::number(std::string_view path) const
{
    const ParamValue &v = value(path);
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
    return std::get<double>(v);
}

std::int64_t ParamSet::integer(std::string_view path) const
{
    return std::get<std::int64_t>(value(path));
}

bool ParamSet::boolean(std::string_view path) const
{
    return std::get<bool>(value(path));
}

const std::string &ParamSet::text(std::string_view path) const
{
    return std::get<std::string>(value(path));
}

std::optional<std::string> ParamSet::set(std::string_view path, ParamValue value)
{
    const ParamSpec &s = spec(path);
    // Numbers are kept as doubles whatever the file wrote, so equal values compare equal.
    if (s.type == ParamType::Number) {
        if (const auto *i = std::get_if<std::int64_t>(&value))
            value = static_cast<double>(*i);
    }
    if (auto problem = checkParamValue(s, value))
        return problem;
    mValues.insert_or_assign(std::string(path), std::move(value));
    return std::nullopt;
}

void ParamSet::unset(std::string_view path)
{
    if (auto it = mValues.find(path); it != mValues.end())
        mValues.erase(it);
}

bool ParamSet::groupEnabled(std::string_view key) const
{
    const ParamSpec &s = spec(key);
    if (!s.optionalGroup)
        return true;
    return mEnabledGroups.find(key) != mEnabledGroups.end();
}

void ParamSet::setGroupEnabled(std::string_view key, bool enabled)
{
    const ParamSpec &s = spec(key);
    if (!s.optionalGroup)
        return;
    if (enabled) {
        mEnabledGroups.insert(std::string(key));
        return;
    }
    if (auto it = mEnabledGroups.find(key); it != mEnabledGroups.end())
        mEnabledGroups.erase(it);
    for (const auto &member : s.members)
        unset(std::string(key) + "." + member.key);
}

} // namespace topolab::core
