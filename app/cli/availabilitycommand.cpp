#include "clicommon.h"
#include "clioutput.h"
#include "commands.h"
#include "terminalprogress.h"

#include "core/simulation/availabilityreport.h"
#include "core/simulation/simmodelbuilder.h"
#include "sim/availability/availabilityrunner.h"
#include "sim/availability/outagetimeline.h"

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <thread>

namespace topolab::cli {

namespace {

// The command line of `availability`, filled by CLI11.
struct AvailabilityCommandOptions
{
    std::string file;
    double years = 1;
    int replications = 10;
    std::uint64_t seed = 0;
    int threads = 0;
    double settleS = 0;
    std::string json;
    bool quiet = false;
    CLI::Option *seedOption = nullptr;
    CLI::Option *threadsOption = nullptr;
    CLI::Option *settleOption = nullptr;
};

int run(const AvailabilityCommandOptions &options)
{
    if (std::string problem = checkOutputPath(options.json); !problem.empty()) {
        std::cerr << "topolab-cli availability: error: " << problem << '\n';
        return ExitUnreadable;
    }

    core::LoadResult loaded;
    if (int code = loadForSimulation("availability", options.file, loaded); code != ExitOk)
        return code;
    const core::Topology &topology = *loaded.topology;

    core::SimOverrides overrides;
    if (options.seedOption->count())
        overrides.seed = options.seed;
    const sim::ModelSpec model = core::buildSimModel(topology, overrides);
    if (model.randomFailures.empty()) {
        std::cerr << options.file
                  << ": error: no random failures to simulate: add a scenario.random_failures "
                     "entry per component kind, e.g.\n"
                     "  scenario:\n"
                     "    random_failures:\n"
                     "      - {kind: app_server, mtbf_h: 2000, mttr_min: 15}\n";
        return ExitInvalid;
    }
    if (std::string problem = sim::horizonProblem(model, options.years); !problem.empty()) {
        std::cerr << options.file << ": error: " << problem << '\n';
        return ExitInvalid;
    }
    if (!model.failures.empty() && !options.quiet)
        std::cerr << options.file
                  << ": note: the scheduled scenario.failures are not part of "
                     "the availability mode and are left out\n";

    sim::AvailabilityOptions run;
    run.years = options.years;
    run.replications = options.replications;
    if (options.settleOption->count())
        run.settle = sim::fromSeconds(options.settleS);
    int threads = options.threads;
    if (!options.threadsOption->count()) {
        const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        threads = std::min(options.replications, cores);
    }

    const bool showProgress = !options.quiet && ::isatty(STDERR_FILENO);
    TerminalProgress progress("availability");
    const sim::AvailabilityResult result
        = sim::runAvailability(model, run, threads, showProgress ? &progress : nullptr);
    progress.clear();

    if (!options.quiet && options.json != "-")
        std::cout << core::availabilitySummaryText(result, model);
    if (options.json.empty())
        return ExitOk;
    return writeOutput("availability", options.json,
                       core::availabilityResultJson(result, model).dump(2) + '\n');
}

} // namespace

CommandRunner addAvailabilityCommand(CLI::App &app)
{
    auto options = std::make_shared<AvailabilityCommandOptions>();
    CLI::App *cmd = app.add_subcommand(
        "availability",
        "Estimate availability over years: the scenario's random_failures as up/down processes,\n"
        "each incident window replayed request by request, the quiet time between windows\n"
        "from a failure-free run. Scheduled scenario.failures are not part of this mode;\n"
        "steps and spike rate profiles count as constant, daily ones are kept.\n"
        "Exit: 0 ran, 1 the topology has errors, lacks clients or dns, or has no\n"
        "random_failures, 2 unreadable file, unwritable output or usage.");
    cmd->add_option("FILE", options->file, "a *.topolab.yaml file")->required();
    cmd->add_option("--years", options->years, "Simulated years per replication (default 1)")
        ->check(CLI::Range(0.001, 200.0));
    cmd->add_option("--replications", options->replications,
                    "Independent replications for the intervals (default 10)")
        ->check(CLI::Range(2, 100000));
    options->seedOption
        = cmd->add_option("--seed", options->seed, "Master random seed (scenario seed)")
              ->check(seedValidator());
    options->threadsOption
        = cmd->add_option("--threads", options->threads,
                          "Worker threads; default: one per replication, at most one per core.\n"
                          "The results do not depend on it.")
              ->check(CLI::Range(1, 4096));
    options->settleOption
        = cmd->add_option("--settle", options->settleS,
                          "Seconds a window keeps after its last repair; default: the largest\n"
                          "timeout + the largest health-check inter x rise + 10 s")
              ->check(CLI::Range(0.0, 86400.0));
    cmd->add_option("--json", options->json,
                    "Write the full result as JSON to PATH, or to stdout with -")
        ->type_name("PATH|-");
    cmd->add_flag("-q,--quiet", options->quiet, "No summary on stdout and no progress bar");
    return [options] {
        return run(*options);
    };
}

} // namespace topolab::cli
