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

int validateOne(const std::string &file, bool quiet)
{
    core::LoadResult loaded;
    if (int code = loadOrReport(file, loaded); code != ExitOk)
        return code;
    const auto findings = core::validateTopology(*loaded.topology, &loaded.sources);
    printDiagnostics(findings, file);
    const auto errors = std::count_if(findings.begin(), findings.end(), [](const auto &d) {
        return d.severity == core::Severity::Error;
    });
    const auto warnings = static_cast<long>(findings.size()) - errors;
    if (!quiet) {
        std::cout << file << ": " << (errors ? "invalid" : "valid") << " (" << errors
                  << (errors == 1 ? " error, " : " errors, ") << warnings
                  << (warnings == 1 ? " warning)" : " warnings)") << '\n';
    }
    return errors ? ExitInvalid : ExitOk;
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
