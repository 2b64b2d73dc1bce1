#include "identifier.h"

namespace topolab::core {

namespace {

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

} // namespace

bool isValidId(std::string_view id)
{
    if (id.empty() || id.size() > maxIdLength || !isAlnum(id.front()))
        return false;
    for (char c : id) {
        if (!isAlnum(c) && c != '.' && c != '_' && c != '-')
            return false;
    }
    return true;
}

} // namespace topolab::core
