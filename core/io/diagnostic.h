#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace topolab::core {

enum class Severity { Error, Warning };

// 1-based line and column in the file; 0 means "not known" (a model built in memory).
struct SourceLocation
{
    int line = 0;
    int column = 0;
    bool known() const { return line > 0; }
    bool operator==(const SourceLocation &) const = default;
};

// One finding about a topology: a load error or a validation result. Plain data, so the CLI
// prints it, the GUI shows it as a badge, and tests compare it.
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string code;        // stable, documented in docs/format.md, e.g. "unknown-key"
    std::string message;     // for people: what is wrong and what to do
    std::string componentId; // the component (or region) concerned, when there is one
    SourceLocation location;
};

std::string_view severityName(Severity severity);

// "FILE:LINE:COL: error: MESSAGE [code]" (SPEC §4). Unknown locations print as 1:1 so every
// line keeps the same shape for editors and scripts.
std::string formatDiagnostic(const Diagnostic &diagnostic, std::string_view file);

bool hasErrors(const std::vector<Diagnostic> &diagnostics);

} // namespace topolab::core
