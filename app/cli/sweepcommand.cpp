#include "clicommon.h"
#include "clioutput.h"
#include "commands.h"
#include "sweepcluster.h"
#include "terminalprogress.h"

#include "core/io/documenttext.h"
#include "core/simulation/sweepcheckpoint.h"
#include "core/simulation/sweeprun.h"
#include "core/simulation/sweepsummary.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <thread>

namespace topolab::cli {

namespace {

// The command line of `sweep`, filled by CLI11.
struct SweepOptions
{
    std::string file;
    std::vector<std::string> parameters;
    double durationS = 0;
    double years = 0;
    std::uint64_t seed = 0;
    int replications = 0;
    int threads = 0;
    std::string json;
    std::string checkpoint;
    bool quiet = false;
    CLI::Option *durationOption = nullptr;
    CLI::Option *seedOption = nullptr;
    CLI::Option *replicationsOption = nullptr;
    CLI::Option *threadsOption = nullptr;
};

// Loads, validates and plans. Every process of a job does the same and gets the same plan;
// only rank 0 speaks, so a mistake is reported once, not once per process.
int plan(const SweepOptions &options, bool speak, core::SweepPlan &out)
{
    std::ostream nowhere(nullptr);
    std::ostream &err = speak ? std::cerr : nowhere;
    core::LoadResult loaded;
    if (int code = loadForSimulation("sweep", options.file, loaded, speak); code != ExitOk)
        return code;
    core::SweepRequest request;
    request.parameters = options.parameters;
    request.years = options.years;
    if (options.durationOption->count())
        request.overrides.durationS = options.durationS;
    if (options.seedOption->count())
        request.overrides.seed = options.seed;
    if (options.replicationsOption->count())
        request.overrides.replications = options.replications;
    core::Checked<core::SweepPlan> planned = core::planSweep(*loaded.topology, request);
    if (!planned) {
        err << options.file << ": error: " << planned.error << '\n';
        return ExitInvalid;
    }
    out = std::move(*planned.value);
    return ExitOk;
}

// The cores this process may run on: what taskset, a cgroup or an MPI launcher's binding left
// it, which can be fewer than the machine has.
int usableCores()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// Opens the checkpoint and loads what it holds into the queue; on rank 0 only.
int openCheckpoint(const SweepOptions &options, const core::SweepPlan &sweep,
                   core::SweepQueue &queue, std::unique_ptr<core::SweepCheckpoint> &out)
{
    if (options.checkpoint.empty())
        return ExitOk;
    const core::FileText file = core::readTextFile(options.file, "topology");
    if (file.error) {
        std::cerr << options.file << ": error: " << file.error->message << '\n';
        return ExitUnreadable;
    }
    auto opened = core::SweepCheckpoint::open(options.checkpoint,
                                              core::sweepFingerprint(file.text, sweep), queue);
    if (!opened) {
        std::cerr << "topolab-cli sweep: error: " << opened.error << '\n';
        return ExitUnreadable;
    }
    out = std::move(*opened.value);
    if (out->resumed() > 0)
        std::cerr << "topolab-cli sweep: resuming from " << options.checkpoint << ": "
                  << out->resumed() << " of " << queue.size() << " runs already done\n";
    return ExitOk;
}

int run(const SweepOptions &options)
{
    std::unique_ptr<SweepCluster> cluster = joinSweepCluster();
    const bool coordinator = cluster->rank() == 0;
    // Only rank 0 writes; on a cluster the other nodes may not even see its directories.
    int code = ExitOk;
    if (coordinator) {
        for (const std::string *path : {&options.json, &options.checkpoint}) {
            if (std::string problem = checkOutputPath(*path); !problem.empty() && !code) {
                std::cerr << "topolab-cli sweep: error: " << problem << '\n';
                code = ExitUnreadable;
            }
        }
    }
    if (options.checkpoint == "-" && coordinator && !code) {
        std::cerr << "topolab-cli sweep: error: --checkpoint needs a file, not stdout\n";
        code = ExitUnreadable;
    }
    core::SweepPlan sweep;
    if (!code)
        code = plan(options, coordinator, sweep);
    core::SweepQueue queue(code ? 0 : sweep.taskCount());
    std::unique_ptr<core::SweepCheckpoint> checkpoint;
    if (coordinator && !code)
        code = openCheckpoint(options, sweep, queue, checkpoint);
    const auto [worst, first] = cluster->agree(code);
    if (worst != ExitOk) {
        // Rank 0 has said what was wrong with the file or the command line; a process that
        // failed alone says why itself.
        if (!coordinator && code != ExitOk && first == ExitOk) {
            std::cerr << "topolab-cli sweep: process " << cluster->rank() << ":\n";
            core::SweepPlan ignored;
            plan(options, true, ignored);
        }
        return worst;
    }
    if (checkpoint) {
        setInterruptedNote("; the runs done are kept in " + options.checkpoint
                           + ": run the same command again to go on from there");
        queue.onFinished(
            [&checkpoint, said = false](std::size_t task, const core::SweepOutcome &o) mutable {
                if (std::string problem = checkpoint->record(task, o); !problem.empty() && !said) {
                    std::cerr << "topolab-cli sweep: warning: " << problem
                              << "; the sweep goes on without it\n";
                    said = true;
                }
            });
    }

    // One thread per core on a machine of one's own; in a job, one per process unless asked,
    // since the launcher usually gives each process one core.
    const int cores = usableCores();
    int threads = options.threads;
    if (!options.threadsOption->count())
        threads = cluster->size() > 1 ? 1 : cores;
    else if (threads > cores && cluster->size() > 1 && coordinator && !options.quiet)
        std::cerr << "topolab-cli sweep: note: each process may use " << cores
                  << (cores == 1 ? " core" : " cores") << " and runs " << threads
                  << " threads on them; give each its cores (mpirun --map-by slot:PE=" << threads
                  << ", srun --cpus-per-task=" << threads << ")\n";
    threads = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(threads),
                                                     std::max<std::size_t>(1, sweep.taskCount())));

    const bool showProgress = coordinator && !options.quiet && ::isatty(STDERR_FILENO);
    TerminalProgress progress("sweeping");
    const std::string failure
        = cluster->run(sweep, queue, threads, showProgress ? &progress : nullptr);
    progress.clear();
    if (!coordinator)
        return ExitOk;
    if (!failure.empty()) {
        std::cerr << "topolab-cli sweep: error: " << failure << "; no result was written"
                  << interruptedNote() << '\n';
        cluster->abort(ExitInvalid);
        return ExitInvalid;
    }

    const std::vector<core::SweepPointSummary> points
        = core::summarizeSweep(sweep, queue.outcomes());
    if (!options.quiet && options.json != "-")
        std::cout << core::sweepSummaryText(sweep, points);
    if (!options.json.empty())
        return writeOutput("sweep", options.json, core::sweepJson(sweep, points).dump(2) + '\n');
    return ExitOk;
}

} // namespace

CommandRunner addSweepCommand(CLI::App &app)
{
    auto options = std::make_shared<SweepOptions>();
    CLI::App *cmd = app.add_subcommand(
        "sweep",
        "Simulate a grid of parameter values, each point with the same replications and seeds\n"
        "(common random numbers), and report every point with 95 % intervals.\n"
        "Runs on local threads, or across the processes of an MPI job (mpirun, srun) when\n"
        "built with TOPOLAB_WITH_MPI; the output is the same either way.\n"
        "Exit: 0 ran, 1 the topology or a point of the grid has errors, 2 unreadable file,\n"
        "unwritable output or usage.");
    cmd->add_option("FILE", options->file, "a *.topolab.yaml file")->required();
    cmd->add_option("-p,--param", options->parameters,
                    "A parameter and its values: PATH=V1,V2,... or PATH=from:to:steps.\n"
                    "PATH is <component>.<param>, kind:<kind>.<param>, scenario.<key> or\n"
                    "traffic.<group>.<key>. Repeat for a grid; the first varies slowest.")
        ->required()
        ->type_name("PATH=VALUES")
        ->allow_extra_args(false);
    options->replicationsOption = cmd->add_option("--replications", options->replications,
                                                  "Replications per point (scenario replications)")
                                      ->check(CLI::Range(1, 100000));
    options->seedOption
        = cmd->add_option("--seed", options->seed, "Master random seed (scenario seed)")
              ->check(seedValidator());
    options->durationOption
        = cmd->add_option("--duration", options->durationS,
                          "Simulated seconds after the warm-up (scenario duration_s)")
              ->check(CLI::Range(0.001, 1e9));
    cmd->add_option("--years", options->years,
                    "Long-horizon availability mode: simulate component failures over this\n"
                    "many years per replication (see `topolab-cli availability`)")
        ->check(CLI::Range(0.001, 200.0));
    options->threadsOption
        = cmd->add_option("--threads", options->threads,
                          "Worker threads per process; default: one per core, or one per\n"
                          "process in an MPI job. The results do not depend on it.")
              ->check(CLI::Range(1, 4096));
    cmd->add_option("--json", options->json,
                    "Write the result as JSON to PATH, or to stdout with -")
        ->type_name("PATH|-");
    cmd->add_option("--checkpoint", options->checkpoint,
                    "Keep every finished run in PATH as it finishes; run the same command\n"
                    "again after an interruption and only the missing runs run")
        ->type_name("PATH");
    cmd->add_flag("-q,--quiet", options->quiet, "No summary on stdout and no progress bar");
    return [options] {
        return run(*options);
    };
}

} // namespace topolab::cli
