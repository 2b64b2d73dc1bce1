#pragma once

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>

namespace topolab::core {

// Thrown for a value no POSIX shell word can carry (it holds a NUL byte).
class UnquotableValue : public std::invalid_argument
{
public:
    using std::invalid_argument::invalid_argument;
};

// The one way a value reaches a remote shell: as a single word that the shell takes literally,
// whatever it holds (spaces, quotes, $, `, ;, newlines, a leading dash is the command's
// business: pass `--` before paths). Plain words of safe characters stay as they are so logs
// read naturally; anything else is wrapped in single quotes, each ' written as '\''.
std::string shellQuote(std::string_view value);

// Words joined with spaces, each quoted: shellCommand({"mv", "-f", "--", from, to}).
std::string shellCommand(std::initializer_list<std::string_view> words);

} // namespace topolab::core
