#include "renderedfile.h"

#include <cstdio>

namespace topolab::core {

std::string modeText(unsigned mode)
{
    char text[8];
    std::snprintf(text, sizeof text, "%04o", mode & 07777);
    return text;
}

} // namespace topolab::core
