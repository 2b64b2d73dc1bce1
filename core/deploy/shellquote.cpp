#include "shellquote.h"

#include <algorithm>

namespace topolab::core {

namespace {

// Characters that are never special to a POSIX shell in any position of a word.
bool plain(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
           || c == '_' || c == '.' || c == '/' || c == ':' || c == ',' || c == '+' || c == '@'
           || c == '%';
}

} // namespace

std::string shellQuote(std::string_view value)
{
    if (value.find('\0') != std::string_view::npos)
        throw UnquotableValue("a value with a NUL byte cannot be passed to a shell");
    // "=" is left out of plain(): a first word "a=b" would be an assignment. "~" and a leading
    // "#" are left out for the same reason: they mean something at the start of a word.
    if (!value.empty() && std::all_of(value.begin(), value.end(), plain))
        return std::string(value);
    std::string quoted = "'";
    for (char c : value) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    quoted += '\'';
    return quoted;
}

std::string shellCommand(std::initializer_list<std::string_view> words)
{
    std::string command;
    for (std::string_view word : words) {
        if (!command.empty())
            command += ' ';
        command += shellQuote(word);
    }
    return command;
}

} // namespace topolab::core
