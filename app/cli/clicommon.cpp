#include "clicommon.h"

#include "core/simulation/simreadiness.h"
#include "core/validation/validator.h"

#include <iostream>

namespace topolab::cli {

void printDiagnostics(const std::vector<core::Diagnostic> &diagnostics, const std::string &file)
{
    for (const auto &d : diagnostics)
        std::cerr << core::formatDiagnostic(d, file) << '\n';
}

int loadOrReport(const std::string &file, core::LoadResult &result)
{
    result = core::loadTopologyFile(file);
    if (result.unreadable) {
        for (const auto &d : result.diagnostics)
            std::cerr << file << ": error: " << d.message << " [" << d.code << "]\n";
        return ExitUnreadable;
    }
    if (!result.ok()) {
        printDiagnostics(result.diagnostics, file);
        return ExitInvalid;
    }
    return ExitOk;
}

int loadForSimulation(const std::string &command, const std::string &file, core::LoadResult &result,
                      bool speak)
{
    if (!speak) {
        result = core::loadTopologyFile(file);
        if (!result.ok())
            return result.unreadable ? ExitUnreadable : ExitInvalid;
    } else if (int code = loadOrReport(file, result); code != ExitOk) {
        return code;
    }
    const auto findings = core::validateTopology(*result.topology, &result.sources);
    if (speak)
        printDiagnostics(findings, file);
    if (core::hasErrors(findings)) {
        if (speak)
            std::cerr << "topolab-cli " << command << ": " << file
                      << ": not simulated: fix the errors above first\n";
        return ExitInvalid;
    }
    if (std::string missing = core::missingForSimulation(*result.topology); !missing.empty()) {
        if (speak)
            std::cerr << file << ": error: " << missing << '\n';
        return ExitInvalid;
    }
    return ExitOk;
}

} // namespace topolab::cli
