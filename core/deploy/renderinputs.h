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
    // The topology file's directory: files the topology names by a relative path (an app
    // server's artifact) are read from here. Empty = the current directory.
    std::string baseDirectory;
};

} // namespace topolab::core
