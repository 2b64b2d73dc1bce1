#include "simobserver.h"

namespace topolab::sim {

const char *componentStateName(ComponentState state)
{
    switch (state) {
    case ComponentState::Up:
        return "up";
    case ComponentState::Down:
        return "down";
    case ComponentState::Silent:
        return "silent";
    case ComponentState::Degraded:
        return "degraded";
    case ComponentState::Booting:
        return "booting";
    case ComponentState::Draining:
        return "draining";
    case ComponentState::Sick:
        return "sick";
    }
    return "unknown";
}

} // namespace topolab::sim
