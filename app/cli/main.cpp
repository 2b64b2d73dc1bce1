// topolab-cli: the headless face of Topolab, for scripts, CI and servers without a desktop.
#include "clicommon.h"
#include "commands.h"

#include <topolab/version.h>

#include <iostream>
#include <map>

int main(int argc, char **argv)
{
    using namespace topolab::cli;
    CLI::App app{"Topolab: design, simulate and deploy web infrastructure topologies.",
                 "topolab-cli"};
    app.set_version_flag("--version", std::string("topolab-cli ") + topolab::versionString);
    app.require_subcommand(1);
    app.fallthrough(false);

    std::map<std::string, CommandRunner> runners = {
        {"validate", addValidateCommand(app)}, {"analyze", addAnalyzeCommand(app)},
        {"simulate", addSimulateCommand(app)}, {"sweep", addSweepCommand(app)},
        {"export", addExportCommand(app)},     {"render", addRenderCommand(app)},
        {"plan", addPlanCommand(app)},         {"deploy", addDeployCommand(app)},
        {"format", addFormatCommand(app)},     {"availability", addAvailabilityCommand(app)},
    };
    for (CLI::App *sub : app.get_subcommands({})) {
        sub->set_version_flag("--version", std::string("topolab-cli ") + topolab::versionString);
        sub->footer("Exit codes: 0 success, 1 invalid topology, 2 unreadable file or usage.");
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        // CLI11 reports a mistyped command or option as "A subcommand is required"; name it.
        const auto extra = app.remaining();
        if (app.get_subcommands().empty() && !extra.empty() && !extra.front().empty()) {
            const bool option = extra.front().front() == '-';
            std::cerr << "topolab-cli: unknown " << (option ? "option" : "command") << " '"
                      << extra.front() << "'; commands are";
            for (auto it = runners.begin(); it != runners.end(); ++it)
                std::cerr << (it == runners.begin() ? " " : ", ") << it->first;
            std::cerr << "\nRun with --help for more information.\n";
            return ExitUnreadable;
        }
        const int code = app.exit(e); // prints help, version, or the usage error
        return code == 0 ? ExitOk : ExitUnreadable;
    }
    for (CLI::App *sub : app.get_subcommands()) {
        try {
            return runners.at(sub->get_name())();
        } catch (const std::exception &e) {
            std::cerr << "topolab-cli " << sub->get_name() << ": error: " << e.what() << '\n';
            return ExitInvalid;
        }
    }
    return ExitUnreadable;
}
