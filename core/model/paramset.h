#pragma once

#include "paramspec.h"

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace topolab::core {

// The parameter values of one record (a component, client group, failure or host entry).
// Holds only the values written explicitly; every read falls back to the schema's default,
// so files stay short and a default documented in one place applies everywhere.
class ParamSet
{
public:
    ParamSet() = default;
    explicit ParamSet(const ParamSchema &schema)
        : mSchema(&schema)
    {
    }

    const ParamSchema &schema() const { return *mSchema; }

    bool isSet(std::string_view path) const;
    // The explicit value, or the default. Throws std::out_of_range for a path not in the schema.
    const ParamValue &value(std::string_view path) const;
    double number(std::string_view path) const; // Integer or Number, as double
    std::int64_t integer(std::string_view path) const;
    bool boolean(std::string_view path) const;
    const std::string &text(std::string_view path) const; // Choice or Text

    // Stores a value after checking it against the spec; returns the reason when refused.
    std::optional<std::string> set(std::string_view path, ParamValue value);
    void unset(std::string_view path);

    // An optional group (for example a DNS provider's health_check) is off until enabled;
    // a mandatory group is always on.
    bool groupEnabled(std::string_view key) const;
    void setGroupEnabled(std::string_view key, bool enabled);

    const std::map<std::string, ParamValue, std::less<>> &explicitValues() const { return mValues; }

    bool operator==(const ParamSet &other) const
    {
        return mSchema == other.mSchema && mValues == other.mValues
               && mEnabledGroups == other.mEnabledGroups;
    }

private:
    const ParamSpec &spec(std::string_view path) const;

    const ParamSchema *mSchema = nullptr;
    std::map<std::string, ParamValue, std::less<>> mValues;
    std::set<std::string, std::less<>> mEnabledGroups;
};

} // namespace topolab::core
