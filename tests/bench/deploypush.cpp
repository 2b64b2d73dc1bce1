#include "deploypush.h"

#include "core/deploy/deployrun.h"
#include "core/deploy/ssh/sshconnector.h"
#include "core/deploy/ssh/sshhost.h"
#include "core/io/inventoryreader.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace topolab::bench {

using namespace topolab::core;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point origin, Clock::time_point t)
{
    return std::chrono::duration<double, std::milli>(t - origin).count();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The operations of one run, from every host's thread.
class OpLog
{
public:
    explicit OpLog(Clock::time_point origin)
        : mOrigin(origin)
    {
    }
    void add(const std::string &host, std::string label, Clock::time_point start)
    {
        const Clock::time_point end = Clock::now();
        std::lock_guard lock(mMutex);
        mOps.push_back({host, std::move(label), msSince(mOrigin, start), msSince(start, end)});
    }
    std::vector<HostOp> take()
    {
        std::lock_guard lock(mMutex);
        return std::move(mOps);
    }

private:
    Clock::time_point mOrigin;
    std::mutex mMutex;
    std::vector<HostOp> mOps;
};

// What a command of the deploy engine is for, from its text (hoststate.cpp, hostapply.cpp).
std::string commandLabel(const std::string &command)
{
    if (command.starts_with("f() {"))
        return "read state";
    if (command.starts_with("mkdir -p --"))
        return "prepare directories";
    if (command.find(".topolab-prev") != std::string::npos)
        return "swap (journal, mv)";
    if (command.find("deploy.journal") != std::string::npos)
        return "clear journal";
    return "other command";
}

// An SshHost that notes how long each operation took.
class TimedHost : public RemoteHost
{
public:
    TimedHost(std::unique_ptr<SshHost> ssh, OpLog &log)
        : mSsh(std::move(ssh))
        , mLog(log)
    {
    }
    ~TimedHost() override
    {
        const Clock::time_point start = Clock::now();
        mSsh.reset();
        mLog.add(mName, "disconnect", start);
    }
    const std::string &name() const override { return mName; }
    CommandResult run(const std::string &command, const std::string &stdinData,
                      int timeoutS) override
    {
        const Clock::time_point start = Clock::now();
        CommandResult result = mSsh->run(command, stdinData, timeoutS);
        mLog.add(mName, commandLabel(command), start);
        return result;
    }
    void upload(const std::string &path, const std::string &content, unsigned mode) override
    {
        const Clock::time_point start = Clock::now();
        mSsh->upload(path, content, mode);
        const std::string file = std::filesystem::path(path).filename().string();
        mLog.add(mName, "upload " + file.substr(0, file.find(".bin")), start);
    }

private:
    std::unique_ptr<SshHost> mSsh;
    std::string mName = mSsh->name();
    OpLog &mLog;
};

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The rig's hosts as a topology: one load balancer per host (one tier, all hosts at once), with
// the rig's inventory as its deploy section.
std::optional<Topology> rigTopology(const std::string &rigDir, std::string &problem)
{
    const std::string inventory = rigDir + "/inventory.yaml";
    std::ifstream in(inventory);
    Topology base;
    base.name = "bench-deploy";
    std::string line;
    while (std::getline(in, line)) {
        const std::size_t at = line.find("{component: ");
        if (at == std::string::npos)
            continue;
        const std::size_t start = at + 12;
        const std::string id = line.substr(start, line.find(',', start) - start);
        base.components.push_back(Component::make(id, ComponentKind::LoadBalancer));
    }
    InventoryResult read = loadInventoryFile(inventory, base);
    if (!read.topology) {
        problem = "cannot read " + inventory;
        for (const Diagnostic &d : read.diagnostics)
            problem += "\n  " + d.message;
    }
    return std::move(read.topology);
}

} // namespace

std::vector<PushFile> pushFiles()
{
    std::vector<PushFile> files;
    std::uint64_t state = 0x746f706f6c6162; // splitmix64
    for (const auto &[name, size] :
         {std::pair{"1k", 1024}, std::pair{"16k", 16 * 1024}, std::pair{"256k", 256 * 1024}}) {
        std::string content(static_cast<std::size_t>(size), '\0');
        for (char &byte : content) {
            std::uint64_t z = (state += 0x9e3779b97f4a7c15);
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
            z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
            byte = static_cast<char>((z ^ (z >> 31)) & 0xff);
        }
        files.push_back({std::string("/srv/bench-") + name + ".bin", std::move(content)});
    }
    return files;
}

void wipePush(const std::string &hostRoot)
{
    std::error_code error;
    for (const PushFile &file : pushFiles()) {
        for (const char *suffix : {"", ".topolab-new", ".topolab-prev", ".tmp"})
            std::filesystem::remove(hostRoot + file.path + suffix, error);
    }
    std::filesystem::remove(hostRoot + journalPath, error);
}

std::string checkPush(const std::string &hostRoot)
{
    static const std::vector<PushFile> files = pushFiles();
    for (const PushFile &file : files) {
        const std::string path = hostRoot + file.path;
        struct stat info
        {
        };
        if (::stat(path.c_str(), &info) != 0)
            return path + " is missing";
        if ((info.st_mode & 07777) != 0644)
            return path + " has mode " + std::to_string(info.st_mode & 07777) + ", not 0644";
        if (readFile(path) != file.content)
            return path + " does not hold what was pushed";
    }
    return {};
}

PushRun pushOnce(const std::string &rigDir, bool cold, int parallel)
{
    PushRun result;
    std::optional<Topology> topology = rigTopology(rigDir, result.problem);
    if (!topology)
        return result;
    static const std::vector<PushFile> files = pushFiles();
    if (cold) {
        for (const HostConnection &host : hostConnections(*topology))
            wipePush(host.root);
    }
    const std::string knownHosts = rigDir + "/known_hosts";

    const Clock::time_point start = Clock::now();
    OpLog log(start);
    HostConnector connect = [&log, knownHosts](const HostConnection &host) {
        auto remote = std::make_unique<SshHost>(sshOptions(host, knownHosts));
        const Clock::time_point begin = Clock::now();
        remote->connect();
        log.add(host.id, "connect (TCP, key exchange, login)", begin);
        return std::make_unique<TimedHost>(std::move(remote), log);
    };
    Clock::time_point planned;
    Clock::time_point applied;
    std::vector<HostOutcome> outcomes;
    bool hadChanges = false;
    std::string planProblem;
    {
        SecretStore secrets;
        DeployRun run(*topology, secrets, std::move(connect), {}, parallel);
        run.setRenderer([](const Topology &model, RenderInputs &) {
            RenderResult units;
            for (const DeployHost &host : model.deployHosts) {
                DeployUnit unit;
                unit.component = host.component;
                unit.host = host.component;
                for (const PushFile &file : files) {
                    RenderedFile rendered;
                    rendered.path = file.path;
                    rendered.content = file.content;
                    rendered.mode = 0644;
                    unit.files.push_back(std::move(rendered));
                }
                units.units.push_back(std::move(unit));
            }
            return units;
        });
        for (const HostPlan &plan : run.plan()) {
            if (!plan.error.empty())
                planProblem += plan.error + "\n";
        }
        hadChanges = run.hasChanges();
        planned = Clock::now();
        outcomes = run.apply();
        applied = Clock::now();
    }
    const Clock::time_point end = Clock::now();
    result.totalS = msSince(start, end) / 1000;
    result.planS = msSince(start, planned) / 1000;
    result.applyS = msSince(planned, applied) / 1000;
    result.closeS = msSince(applied, end) / 1000;
    result.ops = log.take();

    if (!planProblem.empty()) {
        result.problem = planProblem;
        return result;
    }
    if (hadChanges != cold)
        result.problem = cold ? "the cold run found nothing to do" : "the re-run found changes";
    const HostProgress::State expected
        = cold ? HostProgress::State::Done : HostProgress::State::Unchanged;
    for (const HostOutcome &outcome : outcomes) {
        if (outcome.state != expected)
            result.problem += outcome.host + ": " + stateName(outcome.state) + " " + outcome.message
                              + "\n" + outcome.log;
    }
    for (const HostConnection &host : hostConnections(*topology)) {
        if (std::string wrong = checkPush(host.root); !wrong.empty())
            result.problem += wrong + "\n";
    }
    return result;
}

double hostsCpuMs(const std::string &rigDir)
{
    double ticks = 0;
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(rigDir, error)) {
        const std::string pid = readFile(entry.path().string() + "/sshd.pid");
        if (pid.empty())
            continue;
        // Fields 16 and 17 of /proc/PID/stat: cutime, cstime (after the command in parentheses).
        const std::string stat = readFile("/proc/" + pid.substr(0, pid.find('\n')) + "/stat");
        std::istringstream fields(stat.substr(stat.rfind(')') + 2));
        std::string field;
        for (int i = 3; i <= 17 && fields >> field; ++i) {
            if (i >= 16)
                ticks += std::stod(field);
        }
    }
    return ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double ownCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval &t) {
        return t.tv_sec * 1000.0 + t.tv_usec / 1000.0;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

std::string describeRuns(const std::vector<PushRun> &runs)
{
    if (runs.empty())
        return {};
    std::map<std::string, std::vector<double>> byLabel;
    std::vector<std::string> order; // as first seen
    std::vector<double> perHostBusy;
    std::size_t hostRuns = 0;
    for (const PushRun &run : runs) {
        std::map<std::string, double> hostBusy;
        for (const HostOp &op : run.ops) {
            if (!byLabel.contains(op.label))
                order.push_back(op.label);
            byLabel[op.label].push_back(op.durationMs);
            hostBusy[op.host] += op.durationMs;
        }
        hostRuns += hostBusy.size();
        for (const auto &[host, ms] : hostBusy)
            perHostBusy.push_back(ms);
    }
    std::vector<double> totals;
    for (const PushRun &run : runs)
        totals.push_back(run.totalS * 1000);
    std::ostringstream out;
    char line[200];
    std::snprintf(line, sizeof line, "    %-36s %9s %9s %8s\n", "per host and run", "median ms",
                  "max ms", "count");
    out << line;
    for (const std::string &label : order) {
        const std::vector<double> &ms = byLabel[label];
        std::snprintf(line, sizeof line, "    %-36s %9.1f %9.1f %8.2f\n", label.c_str(), median(ms),
                      *std::max_element(ms.begin(), ms.end()),
                      static_cast<double>(ms.size()) / static_cast<double>(hostRuns));
        out << line;
    }
    std::snprintf(line, sizeof line, "    %-36s %9.1f\n", "sum of one host's operations",
                  median(perHostBusy));
    out << line;
    std::snprintf(line, sizeof line, "    %-36s %9.1f\n", "run, start to end", median(totals));
    out << line;

    // The timeline of the median run: when each host did what.
    std::vector<std::size_t> byTotal(runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i)
        byTotal[i] = i;
    std::sort(byTotal.begin(), byTotal.end(),
              [&](std::size_t a, std::size_t b) { return runs[a].totalS < runs[b].totalS; });
    const PushRun &typical = runs[byTotal[runs.size() / 2]];
    std::snprintf(line, sizeof line,
                  "    median run: %.1f ms (plan %.1f, apply %.1f, disconnect %.1f); "
                  "start+duration ms:\n",
                  typical.totalS * 1000, typical.planS * 1000, typical.applyS * 1000,
                  typical.closeS * 1000);
    out << line;
    double lastRead = 0;
    for (const HostOp &op : typical.ops) {
        if (op.label == "read state")
            lastRead = std::max(lastRead, op.startMs + op.durationMs);
    }
    std::snprintf(line, sizeof line,
                  "    the plan ended %.1f ms after the last host's state arrived "
                  "(comparing and diffing, on the calling thread)\n",
                  typical.planS * 1000 - lastRead);
    out << line;
    std::map<std::string, std::string> timeline;
    for (const HostOp &op : typical.ops) {
        std::snprintf(line, sizeof line, "%s%s %.0f+%.1f", timeline[op.host].empty() ? "" : ", ",
                      op.label.substr(0, op.label.find(" (")).c_str(), op.startMs, op.durationMs);
        timeline[op.host] += line;
    }
    int shown = 0;
    for (const auto &[host, text] : timeline) {
        if (++shown > 4) {
            out << "      ... " << timeline.size() - 4 << " more hosts\n";
            break;
        }
        out << "      " << host << ": " << text << "\n";
    }
    return out.str();
}

} // namespace topolab::bench
