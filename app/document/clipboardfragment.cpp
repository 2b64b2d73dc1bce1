#include "clipboardfragment.h"

#include "core/io/topologyreader.h"
#include "core/io/topologywriter.h"

namespace topolab::app {

namespace {

constexpr std::string_view contextPrefix = "# context-region: ";

} // namespace

ClipboardFragment ClipboardFragment::copy(const core::Topology &source,
                                          const std::vector<std::string> &ids)
{
    const std::set<std::string> wanted(ids.begin(), ids.end());
    std::set<std::string> copiedRegions;
    for (const auto &r : source.regions) {
        if (wanted.count(r.id))
            copiedRegions.insert(r.id);
    }
    ClipboardFragment fragment;
    core::Topology &t = fragment.topology;
    std::set<std::string> copied;
    std::set<std::string> neededRegions = copiedRegions;
    for (const auto &c : source.components) {
        if (!wanted.count(c.id) && !copiedRegions.count(c.region))
            continue;
        t.components.push_back(c);
        copied.insert(c.id);
        if (!c.region.empty() && !copiedRegions.count(c.region)) {
            neededRegions.insert(c.region);
            fragment.contextRegions.insert(c.region);
        }
    }
    for (const auto &r : source.regions) {
        if (neededRegions.count(r.id))
            t.regions.push_back(r);
    }
    for (const auto &l : source.links) {
        if (copied.count(l.from) && copied.count(l.to))
            t.links.push_back(l);
    }
    for (const auto &[id, box] : source.layout) {
        if (copied.count(id) || copiedRegions.count(id))
            t.layout.emplace(id, box);
    }
    return fragment;
}

std::optional<ClipboardFragment> ClipboardFragment::fromText(std::string_view text)
{
    core::LoadResult result = core::readTopology(text);
    if (!result.ok())
        return std::nullopt;
    ClipboardFragment fragment;
    fragment.topology = std::move(*result.topology);
    std::size_t start = 0;
    while (start < text.size() && text[start] == '#') {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.substr(0, contextPrefix.size()) == contextPrefix) {
            const std::string id(line.substr(contextPrefix.size()));
            if (fragment.topology.region(id))
                fragment.contextRegions.insert(id);
        }
        start = end + 1;
    }
    return fragment;
}

std::string ClipboardFragment::toText() const
{
    std::string text;
    for (const auto &id : contextRegions)
        text += std::string(contextPrefix) + id + '\n';
    return text + core::writeTopology(topology);
}

bool ClipboardFragment::isEmpty() const
{
    return topology.components.empty() && topology.regions.size() == contextRegions.size();
}

} // namespace topolab::app
