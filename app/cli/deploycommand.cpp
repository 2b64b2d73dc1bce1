#include "clicommon.h"
#include "commands.h"
#include "deploysession.h"

#include "core/io/atomicfile.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <unistd.h>

namespace topolab::cli {

void addConnectionOptions(CLI::App &cmd, DeployOptions &options);

namespace {

// Set by the first Ctrl-C: the run stops between steps and its remote commands are stopped, so
// what was swapped in is in the journal for the next run. A second Ctrl-C ends at once.
std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int)
{
    interrupted.store(true);
    std::signal(SIGINT, SIG_DFL);
}

// One line per host on stderr: redrawn in place on a terminal, else printed when it changes.
class ProgressLines
{
public:
    explicit ProgressLines(bool terminal)
        : mTerminal(terminal)
    {
    }

    void update(const core::HostProgress &progress)
    {
        std::lock_guard lock(mMutex);
        const std::string line = format(progress);
        auto [it, added] = mLines.try_emplace(progress.host, line);
        if (!added && it->second == line)
            return;
        it->second = line;
        if (!mTerminal) {
            std::fprintf(stderr, "%s\n", line.c_str());
            return;
        }
        // Back to the first host's line, then every line again.
        if (mDrawn > 0)
            std::fprintf(stderr, "\033[%zuA", mDrawn);
        for (const auto &[host, text] : mLines)
            std::fprintf(stderr, "\r\033[K%s\n", text.c_str());
        mDrawn = mLines.size();
        std::fflush(stderr);
    }

private:
    static std::string format(const core::HostProgress &p)
    {
        char head[96];
        std::snprintf(head, sizeof head, "[%6.1fs] %-16s %-11s ", p.elapsedS, p.host.c_str(),
                      core::stateName(p.state));
        std::string line = head + p.step;
        if (p.total > 0)
            line += " (" + std::to_string(p.done) + "/" + std::to_string(p.total) + ")";
        if (!p.message.empty() && p.step.empty())
            line += p.message;
        if (line.size() > 160)
            line = line.substr(0, 157) + "...";
        return line;
    }

    bool mTerminal;
    std::mutex mMutex;
    std::map<std::string, std::string> mLines;
    std::size_t mDrawn = 0;
};

bool confirm()
{
    if (!isatty(STDIN_FILENO))
        return false;
    std::cerr << "Apply these changes? [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "y" || answer == "Y" || answer == "yes";
}

int run(const DeployOptions &options)
{
    auto progress = std::make_shared<ProgressLines>(isatty(STDERR_FILENO));
    core::DeployObserver observer;
    observer.progress = [progress](const core::HostProgress &p) { progress->update(p); };
    int code = ExitOk;
    auto session = DeploySession::open(options, code, observer, &interrupted);
    if (!session)
        return code;
    core::DeployRun &run = session->run();
    const auto &plans = run.plan();
    if (!session->saveSecrets())
        return ExitInvalid;
    const int planned = reportPlan(run, plans, options);
    if (!run.renderProblems().empty()) {
        std::cerr << "topolab-cli deploy: nothing was changed: fix the render problems first\n";
        return ExitInvalid;
    }
    if (!run.hasChanges()) {
        if (planned == ExitOk)
            std::cout << "Nothing to do.\n";
        return planned == ExitOk ? ExitOk : ExitInvalid;
    }
    if (!options.yes && !confirm()) {
        std::cerr << "topolab-cli deploy: not applied (pass --yes to apply without asking)\n";
        return ExitInvalid;
    }
    std::signal(SIGINT, onInterrupt);
    const std::vector<core::HostOutcome> outcomes = run.apply();
    std::signal(SIGINT, SIG_DFL);
    if (interrupted.load())
        std::cerr << "topolab-cli deploy: interrupted; run it again to finish what was started\n";

    const std::string logDir = options.logDir.empty() ? core::defaultLogDirectory(options.file)
                                                      : options.logDir;
    std::error_code error;
    std::filesystem::create_directories(logDir, error);
    bool failed = false;
    std::cout << "\n";
    for (const core::HostOutcome &outcome : outcomes) {
        const bool bad = outcome.state == core::HostProgress::State::Failed
                         || outcome.state == core::HostProgress::State::RolledBack
                         || outcome.state == core::HostProgress::State::Skipped;
        failed = failed || bad;
        std::printf("%-16s %-11s %s\n", outcome.host.c_str(), core::stateName(outcome.state),
                    run.redactor().redact(outcome.message).c_str());
        if (bad && !outcome.hint.empty())
            std::printf("%-16s %-11s %s\n", "", "", run.redactor().redact(outcome.hint).c_str());
        if (!outcome.log.empty()) {
            const std::string path = logDir + "/" + outcome.host + ".log";
            if (std::string problem = core::writeFileAtomically(path, outcome.log, 0600);
                !problem.empty())
                std::cerr << "topolab-cli deploy: " << problem << '\n';
        }
    }
    std::cout << "\nHost logs: " << logDir << "/\n";
    return failed ? ExitInvalid : ExitOk;
}

} // namespace

CommandRunner addDeployCommand(CLI::App &app)
{
    auto options = std::make_shared<DeployOptions>();
    CLI::App *cmd = app.add_subcommand(
        "deploy", "Applies the plan over SSH: tier by tier in dependency order (databases,\n"
                  "standbys, backups, app servers in rolling batches, load balancers, dns), each\n"
                  "file checked on the host before it replaces the old one, every service health\n"
                  "checked; a host that fails is rolled back and what depends on it is skipped.\n"
                  "Exit: 0 done (or nothing to do), 1 something failed or was refused (what\n"
                  "failed, what was rolled back), 2 unreadable file or usage.");
    addConnectionOptions(*cmd, *options);
    cmd->add_flag("--yes,-y", options->yes, "Apply without asking");
    cmd->add_flag("--no-diff", options->noDiff, "List changed files without their diffs");
    cmd->add_option("--log-dir", options->logDir,
                    "Where each host's log is written (default: "
                    "$XDG_STATE_HOME/topolab/deploy-logs/NAME)");
    return [options] {
        return run(*options);
    };
}

} // namespace topolab::cli
