#include "clicommon.h"

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

} // namespace topolab::cli
