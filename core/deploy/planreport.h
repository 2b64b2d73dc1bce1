#pragma once

#include "core/deploy/deployrun.h"
#include "core/deploy/logredactor.h"

#include <string>
#include <vector>

namespace topolab::core {

// What a plan would change, as `topolab-cli plan` prints it: per host the files to add (+),
// change (~, with a unified diff) or re-mode (m), the one-time tasks, the service actions and
// the programs the host lacks; hosts that cannot be reached with why and what to do; a summary
// line. Secret files show no content; everything passes the redactor.
std::string formatPlan(const std::vector<HostPlan> &plans, const LogRedactor &redactor,
                       bool withDiffs = true);

// "3 files to add, 1 to change, 2 one-time tasks, 4 service actions on 3 hosts; 6 unchanged"
std::string planSummary(const std::vector<HostPlan> &plans);

} // namespace topolab::core
