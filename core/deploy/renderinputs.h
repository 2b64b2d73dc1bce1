#pragma once

#include "core/deploy/secretstore.h"

#include <map>
#include <string>

namespace topolab::core {

// Contents of files read from the hosts before rendering (DeployUnit::factFiles), by host id
// then logical path: public keys generated on their host. A missing fact renders a placeholder
// the plan shows, and is filled once the task that creates it has run.
using HostFacts = std::map<std::string, std::map<std::string, std::string>>;

// What rendering needs besides the model.
struct RenderInputs
{
    SecretStore *secrets = nullptr; // required by renderers of secret files
    HostFacts facts;
};

} // namespace topolab::core
