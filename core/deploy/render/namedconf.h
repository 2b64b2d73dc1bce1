#pragma once

#include "core/deploy/hostaddress.h"

#include <string>
#include <string_view>

namespace topolab::core {

// Where BIND reads the configuration and the zone of DNS component `id`, and where it works.
std::string namedConfPath(const std::string &id);
std::string namedZonePath(const std::string &id, const std::string &origin);
std::string namedDirectory(const std::string &id);
std::string namedPidFile(const std::string &id);

// A BIND configuration (as `named-checkconf` reads it) for an authoritative-only server of one
// zone on `target`: listening on `address` and `port` only, no recursion, no transfers, every
// path under the host's root. `header` is the file's first line: a `//` comment ending in \n.
std::string renderNamedConf(std::string_view header, const std::string &id,
                            const DeployTarget &target, const std::string &address, int port,
                            const std::string &origin);

// `text` as a BIND quoted string: backslashes and double quotes escaped.
std::string namedString(std::string_view text);

} // namespace topolab::core
