#include "clicommon.h"
#include "commands.h"

#include "core/io/atomicfile.h"
#include "core/io/topologywriter.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace topolab::cli {

namespace {

struct FormatOptions
{
    std::vector<std::string> files;
    bool check = false;
    bool toStdout = false;
};

std::string contentsOf(const std::string &file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Rewrites one file in the canonical form the designer saves (docs/format.md): the same bytes
// whoever wrote it, so that diffs in version control show changes, not styles.
int formatOne(const std::string &file, const FormatOptions &options)
{
    core::LoadResult loaded;
    if (int code = loadOrReport(file, loaded); code != ExitOk)
        return code;
    const std::string canonical = core::writeTopology(*loaded.topology);
    if (options.toStdout) {
        std::cout << canonical;
        return ExitOk;
    }
    const bool same = contentsOf(file) == canonical;
    if (options.check) {
        if (!same)
            std::cout << file << ": not in canonical form\n";
        return same ? ExitOk : ExitInvalid;
    }
    if (same)
        return ExitOk;
    if (std::string problem = core::writeFileAtomically(file, canonical); !problem.empty()) {
        std::cerr << "topolab-cli format: error: " << problem << '\n';
        return ExitUnreadable;
    }
    std::cout << file << ": formatted\n";
    return ExitOk;
}

} // namespace

CommandRunner addFormatCommand(CLI::App &app)
{
    auto options = std::make_shared<FormatOptions>();
    CLI::App *cmd = app.add_subcommand(
        "format", "Rewrite topology files in the canonical form Topolab saves.\n"
                  "Exit: 0 done (or already canonical with --check), 1 errors or, with --check,\n"
                  "a file not in canonical form, 2 unreadable file or usage.");
    cmd->add_option("FILE", options->files, "*.topolab.yaml files")->required();
    cmd->add_flag("--check", options->check, "Change nothing; exit 1 if a file would change");
    cmd->add_flag("--stdout", options->toStdout, "Print the canonical form instead of writing");
    return [options] {
        int worst = ExitOk;
        for (const auto &file : options->files)
            worst = std::max(worst, formatOne(file, *options));
        return worst;
    };
}

} // namespace topolab::cli
