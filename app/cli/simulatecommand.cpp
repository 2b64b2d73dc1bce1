#include "clicommon.h"
#include "clioutput.h"
#include "commands.h"
#include "terminalprogress.h"

#include "core/simulation/resultjson.h"
#include "core/simulation/resultsummary.h"
#include "core/simulation/simmodelbuilder.h"
#include "sim/run/simulator.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

namespace topolab::cli {

namespace {

// The command line of `simulate`, filled by CLI11.
struct SimulateOptions
{
    std::string file;
    double durationS = 0;
    std::uint64_t seed = 0;
    int replications = 0;
    int threads = 0;
    std::string json;
    std::string csv;
    bool quiet = false;
    // Set when the option was given, so the scenario's own value applies otherwise.
    CLI::Option *durationOption = nullptr;
    CLI::Option *seedOption = nullptr;
    CLI::Option *replicationsOption = nullptr;
    CLI::Option *threadsOption = nullptr;
};

// The whole command: check the output paths, load, validate, build, run, report.
int run(const SimulateOptions &options)
{
    if (options.json == "-" && options.csv == "-") {
        std::cerr << "topolab-cli simulate: error: --json - and --csv - would both write to "
                     "stdout; send one of them to a file\n";
        return ExitUnreadable;
    }
    for (const std::string *path : {&options.json, &options.csv}) {
        if (std::string problem = checkOutputPath(*path); !problem.empty()) {
            std::cerr << "topolab-cli simulate: error: " << problem << '\n';
            return ExitUnreadable;
        }
    }

    core::LoadResult loaded;
    if (int code = loadForSimulation("simulate", options.file, loaded); code != ExitOk)
        return code;
    const core::Topology &topology = *loaded.topology;

    core::SimOverrides overrides;
    if (options.durationOption->count())
        overrides.durationS = options.durationS;
    if (options.seedOption->count())
        overrides.seed = options.seed;
    if (options.replicationsOption->count())
        overrides.replications = options.replications;
    const sim::ModelSpec model = core::buildSimModel(topology, overrides);

    int threads = options.threads;
    if (!options.threadsOption->count()) {
        const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        threads = std::min(model.replications, cores);
    }

    const bool showProgress = !options.quiet && ::isatty(STDERR_FILENO);
    TerminalProgress progress;
    const sim::SimulationResult result
        = sim::runSimulation(model, threads, showProgress ? &progress : nullptr);
    progress.clear();

    const bool stdoutTaken = options.json == "-" || options.csv == "-";
    if (!options.quiet && !stdoutTaken)
        std::cout << core::simulationSummaryText(result, model);
    int code = ExitOk;
    if (!options.json.empty()) {
        const std::string text = core::simulationResultJson(result, model).dump(2) + '\n';
        code = std::max(code, writeOutput("simulate", options.json, text));
    }
    if (!options.csv.empty())
        code = std::max(code, writeOutput("simulate", options.csv, core::simulationCsv(result)));
    return code;
}

} // namespace

CommandRunner addSimulateCommand(CLI::App &app)
{
    auto options = std::make_shared<SimulateOptions>();
    CLI::App *cmd = app.add_subcommand(
        "simulate",
        "Run the topology's scenario (traffic, failures) in the discrete-event simulator.\n"
        "Prints a summary on stdout and a progress bar on stderr when it is a terminal.\n"
        "Options given here win over the file's scenario section.\n"
        "Exit: 0 ran, 1 the topology has errors or lacks clients or dns,\n"
        "2 unreadable file, unwritable output or usage.");
    cmd->add_option("FILE", options->file, "a *.topolab.yaml file")->required();
    options->durationOption
        = cmd->add_option("--duration", options->durationS,
                          "Simulated seconds after the warm-up (scenario duration_s)")
              ->check(CLI::Range(0.001, 1e9));
    options->seedOption
        = cmd->add_option("--seed", options->seed, "Master random seed (scenario seed)")
              ->check(seedValidator());
    options->replicationsOption
        = cmd->add_option("--replications", options->replications,
                          "Independent runs for the confidence intervals (scenario "
                          "replications)")
              ->check(CLI::Range(1, 100000));
    options->threadsOption
        = cmd->add_option("--threads", options->threads,
                          "Worker threads; default: one per replication, at most one per core.\n"
                          "The results do not depend on it.")
              ->check(CLI::Range(1, 4096));
    cmd->add_option("--json", options->json,
                    "Write the full result as JSON to PATH, or to stdout with -")
        ->type_name("PATH|-");
    cmd->add_option("--csv", options->csv,
                    "Write the time series as CSV to PATH, or to stdout with -")
        ->type_name("PATH|-");
    cmd->add_flag("-q,--quiet", options->quiet, "No summary on stdout and no progress bar");
    return [options] {
        return run(*options);
    };
}

} // namespace topolab::cli
