#pragma once

#include "componentkind.h"
#include "paramspec.h"

#include <vector>

namespace topolab::core {

// The parameter tables of the file format. Each is built once and lives for the program.
const ParamSchema &componentSchema(ComponentKind kind);
const ParamSchema &clientGroupSchema();
const ParamSchema &scenarioSchema();
const ParamSchema &scheduledFailureSchema();
const ParamSchema &randomFailureSchema();
const ParamSchema &deployHostSchema();

// Every table above: the kinds' in palette order, then the sections'.
std::vector<const ParamSchema *> allParamSchemas();

} // namespace topolab::core
