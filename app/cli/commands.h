#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace topolab::cli {

// Each command registers its subcommand and options, and returns what runs it.
using CommandRunner = std::function<int()>;

CommandRunner addValidateCommand(CLI::App &app);
CommandRunner addAnalyzeCommand(CLI::App &app);
CommandRunner addExportCommand(CLI::App &app);
CommandRunner addFormatCommand(CLI::App &app);
CommandRunner addSimulateCommand(CLI::App &app);
CommandRunner addSweepCommand(CLI::App &app);
CommandRunner addRenderCommand(CLI::App &app);
CommandRunner addPlanCommand(CLI::App &app);
CommandRunner addDeployCommand(CLI::App &app);
CommandRunner addAvailabilityCommand(CLI::App &app);

} // namespace topolab::cli
