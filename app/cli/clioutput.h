#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace topolab::cli {

// An output whose directory does not exist is refused before a long run, not after it. Returns
// the problem, or empty when `path` is "-", empty or writable-looking.
std::string checkOutputPath(const std::string &path);

// Writes a result to stdout ("-") or atomically to a file; on failure says so on stderr as
// "topolab-cli COMMAND: error: ..." and returns ExitUnreadable, else ExitOk.
int writeOutput(const std::string &command, const std::string &path, const std::string &text);

// Checks a --seed: a whole number from 0 to 2^64 - 1 (CLI11 alone would wrap "-1" and saturate
// larger values without a word).
CLI::Validator seedValidator();

} // namespace topolab::cli
