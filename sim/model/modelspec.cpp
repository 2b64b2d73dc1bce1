#include "modelspec.h"

namespace topolab::sim {

std::uint32_t ModelSpec::indexOf(std::string_view id) const
{
    for (std::size_t i = 0; i < components.size(); ++i)
        if (components[i].id == id)
            return static_cast<std::uint32_t>(i);
    return noIndex;
}

} // namespace topolab::sim
