#include "clicommon.h"
#include "commands.h"
#include "deploysession.h"

#include <iostream>

namespace topolab::cli {

namespace {

int run(const DeployOptions &options)
{
    int code = ExitOk;
    auto session = DeploySession::open(options, code);
    if (!session)
        return code;
    const auto &plans = session->run().plan();
    if (!session->saveSecrets())
        return ExitInvalid;
    return reportPlan(session->run(), plans, options);
}

} // namespace

void addConnectionOptions(CLI::App &cmd, DeployOptions &options)
{
    cmd.add_option("FILE", options.file, "a *.topolab.yaml file")->required();
    cmd.add_option("--inventory", options.inventory,
                   "A file with a `deploy: {hosts: [...]}` section that replaces the topology's");
    cmd.add_option("--trust", options.trust,
                   "HOST=SHA256:... vouches for an unknown host key (HOST: address, address:port "
                   "or a deploy host's id); never overrides a changed key")
        ->allow_extra_args(false);
    cmd.add_option("--known-hosts", options.knownHosts,
                   "known_hosts file to check host keys against (default: Topolab's own, "
                   "~/.config/topolab/known_hosts)");
    cmd.add_option("--parallel", options.parallel, "Hosts worked on at once (default "
                                                 + std::to_string(core::defaultParallelHosts) + ")")
        ->check(CLI::Range(1, 256));
}

CommandRunner addPlanCommand(CLI::App &app)
{
    auto options = std::make_shared<DeployOptions>();
    CLI::App *cmd = app.add_subcommand(
        "plan", "Dry run against the real hosts: reads each host over SSH in one round trip and\n"
                "prints the files to add or change (unified diffs; secrets never shown), the\n"
                "one-time tasks and the services to start, reload or restart.\n"
                "Exit: 0 no changes, 3 changes pending, 1 invalid topology, a host that\n"
                "cannot be read or a render problem, 2 unreadable file or usage.");
    addConnectionOptions(*cmd, *options);
    cmd->add_flag("--no-diff", options->noDiff, "List changed files without their diffs");
    return [options] {
        return run(*options);
    };
}

} // namespace topolab::cli
