#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace topolab::core {

// "a, b, c": lists of ids, kinds and keys in messages and reports.
inline std::string joinWords(const std::vector<std::string> &words,
                             std::string_view separator = ", ")
{
    std::string out;
    for (const auto &word : words) {
        if (!out.empty())
            out += separator;
        out += word;
    }
    return out;
}

} // namespace topolab::core
