#pragma once

#include "core/io/topologyreader.h"

#include <filesystem>
#include <string>
#include <vector>

namespace topolab::cli {

// Exit codes shared by every command (SPEC §4).
enum ExitCode : int {
    ExitOk = 0,
    ExitInvalid = 1,    // the topology has errors
    ExitUnreadable = 2, // the file cannot be read, or the command line is wrong
};

// Prints diagnostics as FILE:LINE:COL: severity: message [code] on stderr.
void printDiagnostics(const std::vector<core::Diagnostic> &diagnostics, const std::string &file);

// Loads FILE; on failure prints why and returns the exit code to use (else ExitOk).
int loadOrReport(const std::string &file, core::LoadResult &result);

// Loads FILE for a simulating command: it must read, validate without errors and have clients
// and DNS to simulate. Otherwise prints why on stderr (`speak` false: says nothing, for the
// processes of a job that are not rank 0) and returns the exit code to use (else ExitOk).
int loadForSimulation(const std::string &command, const std::string &file, core::LoadResult &result,
                      bool speak = true);

} // namespace topolab::cli
