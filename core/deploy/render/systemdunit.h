#pragma once

#include "core/deploy/deployunit.h"
#include "core/deploy/hostaddress.h"

#include <optional>
#include <string>
#include <string_view>

namespace topolab::core {

// The logical path of the unit file of `service`: /etc/systemd/system/<name>.service.
std::string systemdUnitPath(const ServiceSpec &service);

// The unit file that runs `service` on `target` under systemd (as `systemd-analyze verify`
// reads it): its description, the command with systemd's quoting (every word arrives as it is,
// whatever it holds), user, working directory, environment files under the host's root, the
// signal that reloads or stops it, a restart on failure, and enabled for multi-user.target.
std::string renderSystemdUnit(const ServiceSpec &service, const DeployTarget &target,
                              std::string_view topologyName);

// One argv word as ExecStart= reads it: plain when nothing in it is special, else in double
// quotes with C escapes; `%` doubled so no specifier expands, `$` doubled in arguments so no
// variable does (systemd expands none in the program), and a lone `;` escaped so it separates
// no commands.
std::string systemdExecWord(std::string_view word, bool program = false);

// Why systemd would refuse `program` as the one to execute (it holds a quote, a backslash or a
// control character, or is empty), or nullopt when it runs it.
std::optional<std::string> systemdProgramProblem(std::string_view program);


} // namespace topolab::core
