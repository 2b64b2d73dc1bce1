#include "diagnostic.h"

#include <algorithm>

namespace topolab::core {

std::string_view severityName(Severity severity)
{
    return severity == Severity::Error ? "error" : "warning";
}

std::string formatDiagnostic(const Diagnostic &diagnostic, std::string_view file)
{
    const int line = diagnostic.location.known() ? diagnostic.location.line : 1;
    const int column = diagnostic.location.known() ? std::max(1, diagnostic.location.column) : 1;
    std::string out(file);
    out += ':' + std::to_string(line) + ':' + std::to_string(column) + ": ";
    out += severityName(diagnostic.severity);
    out += ": " + diagnostic.message;
    if (!diagnostic.code.empty())
        out += " [" + diagnostic.code + "]";
    return out;
}

bool hasErrors(const std::vector<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

} // namespace topolab::core
