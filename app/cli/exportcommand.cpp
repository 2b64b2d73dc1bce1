#include "clicommon.h"
#include "commands.h"

#include "core/io/atomicfile.h"
#include "core/io/dotwriter.h"
#include "core/validation/validator.h"

#include <iostream>

namespace topolab::cli {

namespace {

struct ExportOptions
{
    std::string file;
    std::string format = "dot";
    std::string out;
};

int run(const ExportOptions &options)
{
    core::LoadResult loaded;
    if (int code = loadOrReport(options.file, loaded); code != ExitOk)
        return code;
    // Like analyze: the graph of a topology that breaks the rules is still useful to look at,
    // but a script must learn that the topology is invalid.
    const auto findings = core::validateTopology(*loaded.topology, &loaded.sources);
    printDiagnostics(findings, options.file);
    const int result = core::hasErrors(findings) ? ExitInvalid : ExitOk;
    const std::string text = core::writeDot(*loaded.topology);
    if (options.out == "-") {
        std::cout << text;
        return result;
    }
    if (std::string problem = core::writeFileAtomically(options.out, text); !problem.empty()) {
        std::cerr << "topolab-cli export: error: " << problem << '\n';
        return ExitUnreadable;
    }
    return result;
}

} // namespace

CommandRunner addExportCommand(CLI::App &app)
{
    auto options = std::make_shared<ExportOptions>();
    CLI::App *cmd = app.add_subcommand(
        "export", "Write the topology graph for other tools (Graphviz dot).\n"
                  "Exit: 0 written, 1 the topology has errors (the graph is still written),\n"
                  "2 unreadable file, unwritable output or usage.");
    cmd->add_option("FILE", options->file, "a *.topolab.yaml file")->required();
    cmd->add_option("--format", options->format, "Output format")
        ->check(CLI::IsMember({"dot"}))
        ->capture_default_str();
    cmd->add_option("--out", options->out, "Output path, or - for stdout")->required();
    return [options] {
        return run(*options);
    };
}

} // namespace topolab::cli
