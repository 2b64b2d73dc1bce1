#include "idallocator.h"

#include "core/model/identifier.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace topolab::app {

namespace {

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// `id` made valid: other characters become '-', leading non-alphanumerics go.
std::string sanitized(std::string id)
{
    for (char &c : id) {
        if (!isAlnum(c) && c != '.' && c != '_' && c != '-')
            c = '-';
    }
    id.erase(id.begin(), std::find_if(id.begin(), id.end(), isAlnum));
    if (id.empty())
        id = "item";
    if (id.size() > core::maxIdLength)
        id.resize(core::maxIdLength);
    return id;
}

// The number after "stem-" in `id`, if that is all that follows.
std::optional<long> familyNumber(const std::string &id, const std::string &stem)
{
    if (id.size() <= stem.size() + 1 || id.compare(0, stem.size(), stem) != 0
        || id[stem.size()] != '-') {
        return std::nullopt;
    }
    const char *begin = id.data() + stem.size() + 1;
    const char *end = id.data() + id.size();
    if (end - begin > 9)
        return std::nullopt;
    long number = 0;
    const auto [ptr, error] = std::from_chars(begin, end, number);
    if (error != std::errc() || ptr != end)
        return std::nullopt;
    return number;
}

} // namespace

IdAllocator::IdAllocator(const core::Topology &topology)
    : mTopology(topology)
{
}

bool IdAllocator::isTaken(const std::string &id) const
{
    if (mTopology.hasId(id) || mHandedOut.count(id))
        return true;
    return std::any_of(mTopology.clientGroups.begin(), mTopology.clientGroups.end(),
                       [&](const core::ClientGroup &g) { return g.id == id; });
}

std::string IdAllocator::peek(const std::string &base) const
{
    const std::string wanted = sanitized(base);
    if (!isTaken(wanted))
        return wanted;

    std::string stem = wanted;
    if (const auto dash = stem.rfind('-'); dash != std::string::npos && dash > 0) {
        if (familyNumber(stem, stem.substr(0, dash)))
            stem.resize(dash);
    }
    long highest = 1; // the bare stem counts as the first of its family
    const auto consider = [&](const std::string &id) {
        if (const auto number = familyNumber(id, stem))
            highest = std::max(highest, *number);
    };
    for (const auto &c : mTopology.components)
        consider(c.id);
    for (const auto &r : mTopology.regions)
        consider(r.id);
    for (const auto &g : mTopology.clientGroups)
        consider(g.id);
    for (const auto &id : mHandedOut)
        consider(id);
    for (long number = highest + 1;; ++number) {
        const std::string suffix = "-" + std::to_string(number);
        const std::string candidate = stem.substr(0, core::maxIdLength - suffix.size()) + suffix;
        if (!isTaken(candidate))
            return candidate;
    }
}

std::string IdAllocator::allocate(const std::string &base)
{
    std::string id = peek(base);
    mHandedOut.insert(id);
    return id;
}

} // namespace topolab::app
