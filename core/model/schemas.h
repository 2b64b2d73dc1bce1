#pragma once

#include "componentkind.h"
#include "paramspec.h"

namespace topolab::core {

// The parameter tables of the file format. Each is built once and lives for the program.
const ParamSchema &componentSchema(ComponentKind kind);
const ParamSchema &clientGroupSchema();
const ParamSchema &scenarioSchema();
const ParamSchema &scheduledFailureSchema();
const ParamSchema &randomFailureSchema();
const ParamSchema &deployHostSchema();

} // namespace topolab::core
