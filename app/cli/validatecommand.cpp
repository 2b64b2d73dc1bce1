#include "clicommon.h"
#include "commands.h"

#include "core/validation/validator.h"

#include <algorithm>
#include <iostream>

namespace topolab::cli {

namespace {

struct ValidateOptions
{
    std::vector<std::string> files;
    bool quiet = false;
};

void printSummary(const std::string &file, const std::vector<core::Diagnostic> &findings)
{
    const auto errors = std::count_if(findings.begin(), findings.end(), [](const auto &d) {
        return d.severity == core::Severity::Error;
    });
    const auto warnings = static_cast<long>(findings.size()) - errors;
    std::cout << file << ": " << (errors ? "invalid" : "valid") << " (" << errors
              << (errors == 1 ? " error, " : " errors, ") << warnings
              << (warnings == 1 ? " warning)" : " warnings)") << '\n';
}

int validateOne(const std::string &file, bool quiet)
{
    core::LoadResult loaded;
    if (int code = loadOrReport(file, loaded); code != ExitOk) {
        // Every file gets its line, so a script reading stdout learns about each one.
        if (!quiet && code == ExitUnreadable)
            std::cout << file << ": unreadable\n";
        else if (!quiet)
            printSummary(file, loaded.diagnostics);
        return code;
    }
    const auto findings = core::validateTopology(*loaded.topology, &loaded.sources);
    printDiagnostics(findings, file);
    if (!quiet)
        printSummary(file, findings);
    return core::hasErrors(findings) ? ExitInvalid : ExitOk;
}

} // namespace

CommandRunner addValidateCommand(CLI::App &app)
{
    auto options = std::make_shared<ValidateOptions>();
    CLI::App *cmd = app.add_subcommand(
        "validate", "Check topology files: schema and the reference-architecture rules.\n"
                    "Prints FILE:LINE:COL: error|warning: MESSAGE [code] on stderr.\n"
                    "Exit: 0 valid (warnings allowed), 1 errors, 2 unreadable file or usage.");
    cmd->add_option("FILE", options->files, "*.topolab.yaml files")->required();
    cmd->add_flag("-q,--quiet", options->quiet, "No summary line per file on stdout");
    return [options] {
        int worst = ExitOk;
        for (const auto &file : options->files)
            worst = std::max(worst, validateOne(file, options->quiet));
        return worst;
    };
}

} // namespace topolab::cli
