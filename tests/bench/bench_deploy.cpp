// The deploy against its budgets (SPEC §7) and Ansible, side by side: rigs of 1, 3 and 10 real
// hosts (tests/deploy/rig/rig.sh), the same three files (1 KiB, 16 KiB, 256 KiB, mode 0644)
// pushed to each host, cold (files absent) and again with nothing changed, by Topolab's engine
// (DeployRun over SshHost) and by ansible-playbook's `copy` module with and without pipelining.
// Needs root (network namespaces).
//   bench_deploy [--hosts 1,3,10] [--reps 7] [--ansible-reps 3] [--parallel P] [--no-ansible]
// --parallel: hosts worked on at once (DeployRun's `parallel`); default: all of them.
// The Topolab runs happen in a child in the rig's client namespace:
//   bench_deploy --measure RIG_DIR --reps N --parallel P
#include "ansiblepush.h"
#include "deploypush.h"
#include "rigfixture.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace topolab;

namespace {

struct Series
{
    std::vector<double> seconds;
    double median() const
    {
        if (seconds.empty())
            return 0;
        std::vector<double> s = seconds;
        std::sort(s.begin(), s.end());
        const std::size_t n = s.size();
        return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
    std::string text() const
    {
        if (seconds.empty())
            return "—";
        char cell[64];
        const auto [low, high] = std::minmax_element(seconds.begin(), seconds.end());
        std::snprintf(cell, sizeof cell, "%.2f (%.2f–%.2f)", median(), *low, *high);
        return cell;
    }
};

struct HostCountResult
{
    int hosts = 0;
    Series topolabCold, topolabUnchanged;
    Series ansibleCold, ansibleUnchanged;       // no pipelining (ansible-core's default)
    Series pipeliningCold, pipeliningUnchanged; // pipelining = True
};

// The child: Topolab's runs against one rig, from inside its client namespace. Prints "@ cold S"
// and "@ unchanged S" per run, then where the time went.
int measure(const std::string &rigDir, int reps, int parallel)
{
    int failures = 0;
    const auto series = [&](bool cold, int count, bool timed) {
        std::vector<bench::PushRun> runs;
        // The hosts' sshd reap the connections of a run a moment after it ends.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        const double ownBefore = bench::ownCpuMs();
        const double hostsBefore = bench::hostsCpuMs(rigDir);
        for (int i = 0; i < count; ++i) {
            bench::PushRun run = bench::pushOnce(rigDir, cold, parallel);
            if (!run.problem.empty()) {
                std::printf("run failed: %s\n", run.problem.c_str());
                ++failures;
                continue;
            }
            if (timed) {
                std::printf("@ %s %.4f\n", cold ? "cold" : "unchanged", run.totalS);
                runs.push_back(std::move(run));
            }
        }
        if (timed && !runs.empty()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            std::set<std::string> names;
            for (const bench::HostOp &op : runs.front().ops)
                names.insert(op.host);
            const int hosts = static_cast<int>(names.size());
            const double n = static_cast<double>(runs.size());
            const double own = (bench::ownCpuMs() - ownBefore) / n;
            const double remote = (bench::hostsCpuMs(rigDir) - hostsBefore) / n;
            std::printf("@cpu %s %.1f %.1f %d\n", cold ? "cold" : "unchanged", own, remote, hosts);
        }
        return runs;
    };
    series(true, 1, false); // warm-up: the first session of this process and of each sshd
    const std::vector<bench::PushRun> cold = series(true, reps, true);
    const std::vector<bench::PushRun> unchanged = series(false, reps, true);
    std::printf("  Topolab, cold (where each host's time goes):\n%s",
                bench::describeRuns(cold).c_str());
    std::printf("  Topolab, nothing changed:\n%s", bench::describeRuns(unchanged).c_str());
    std::fflush(stdout);
    return failures == 0 ? 0 : 1;
}

std::vector<int> parseHosts(const char *text)
{
    std::vector<int> hosts;
    for (const QString &word :
         QString::fromLatin1(text).split(QLatin1Char(','), Qt::SkipEmptyParts))
        hosts.push_back(word.toInt());
    return hosts;
}

const char *verdict(bool pass)
{
    return pass ? "PASS" : "MISS";
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<int> hostCounts{1, 3, 10};
    int reps = 7;
    int ansibleReps = 3;
    int parallel = 0; // 0: every host at once (topolab-cli's default --parallel is 8)
    bool ansible = true;
    std::string measureDir;
    for (int i = 1; i < argc; ++i) {
        const auto next = [&] {
            return i + 1 < argc ? argv[++i] : "";
        };
        if (!std::strcmp(argv[i], "--hosts"))
            hostCounts = parseHosts(next());
        else if (!std::strcmp(argv[i], "--reps"))
            reps = std::max(1, std::atoi(next()));
        else if (!std::strcmp(argv[i], "--ansible-reps"))
            ansibleReps = std::max(1, std::atoi(next()));
        else if (!std::strcmp(argv[i], "--parallel"))
            parallel = std::max(0, std::atoi(next()));
        else if (!std::strcmp(argv[i], "--no-ansible"))
            ansible = false;
        else if (!std::strcmp(argv[i], "--measure"))
            measureDir = next();
        else {
            std::fprintf(stderr,
                         "usage: bench_deploy [--hosts 1,3,10] [--reps N] [--ansible-reps N] "
                         "[--parallel P] [--no-ansible]\n");
            return 2;
        }
    }
    if (!measureDir.empty())
        return measure(measureDir, reps, parallel);

    QCoreApplication app(argc, argv);
    if (const QString reason = test::Rig::unavailableReason(); !reason.isEmpty()) {
        std::printf("bench_deploy: skipped: %s\n", qPrintable(reason));
        return 77;
    }
    const QString version = ansible ? bench::ansibleVersion() : QString();
    if (ansible && version.isEmpty()) {
        std::printf("bench_deploy: ansible-playbook is missing (Debian ansible-core; "
                    "installer/test.sh installs it); Topolab alone\n");
        ansible = false;
    }
    std::printf("Deploy: 3 files per host (1 KiB, 16 KiB, 256 KiB, mode 0644) under the host's "
                "root; Topolab %d runs per figure after a warm-up, %s; %s, %d runs per figure\n",
                reps,
                parallel > 0 ? qPrintable(QStringLiteral("--parallel %1").arg(parallel))
                             : "every host at once",
                ansible ? qPrintable(version) : "no Ansible", ansibleReps);
    std::fflush(stdout);

    const QString self = QCoreApplication::applicationFilePath();
    std::vector<HostCountResult> results;
    bool failed = false;
    for (const int hosts : hostCounts) {
        HostCountResult result;
        result.hosts = hosts;
        test::Rig rig(hosts);
        if (!rig.isUp()) {
            std::printf("bench_deploy: the rig of %d hosts did not come up:\n%s\n", hosts,
                        qPrintable(rig.error()));
            return 1;
        }
        std::printf("\n%d host%s (rig %s):\n", hosts, hosts == 1 ? "" : "s",
                    qPrintable(rig.name()));
        const test::RigRun child = rig.runInClient(
            {self, QStringLiteral("--measure"), rig.dir(), QStringLiteral("--reps"),
             QString::number(reps), QStringLiteral("--parallel"),
             QString::number(parallel > 0 ? parallel : hosts)},
            {}, 1800000);
        for (const QString &line : child.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList words = line.split(QLatin1Char(' '));
            if (words.size() == 3 && words[0] == QStringLiteral("@"))
                (words[1] == QStringLiteral("cold") ? result.topolabCold : result.topolabUnchanged)
                    .seconds.push_back(words[2].toDouble());
            else if (words.size() == 5 && words[0] == QStringLiteral("@cpu"))
                std::printf("  CPU per run, %s: this benchmark's process %.0f ms, the hosts' sshd "
                            "and what they ran %.0f ms (%.0f ms per host)\n",
                            words[1] == QStringLiteral("cold") ? "cold" : "nothing changed",
                            words[2].toDouble(), words[3].toDouble(),
                            words[3].toDouble() / std::max(1, words[4].toInt()));
            else
                std::printf("%s\n", qPrintable(line));
        }
        if (!child.ok()) {
            std::printf("bench_deploy: the Topolab runs failed:\n%s\n", qPrintable(child.err));
            failed = true;
        }
        std::fflush(stdout);

        if (ansible) {
            bench::AnsiblePush push(rig);
            if (!push.problem().isEmpty()) {
                std::printf("bench_deploy: %s\n", qPrintable(push.problem()));
                return 1;
            }
            for (const bool pipelining : {false, true}) {
                Series &cold = pipelining ? result.pipeliningCold : result.ansibleCold;
                Series &unchanged
                    = pipelining ? result.pipeliningUnchanged : result.ansibleUnchanged;
                for (const bool isCold : {true, false}) {
                    for (int i = 0; i < ansibleReps; ++i) {
                        const bench::AnsiblePush::Run run = push.once(pipelining, isCold);
                        if (!run.problem.isEmpty()) {
                            std::printf("bench_deploy: Ansible%s failed:\n%s\n",
                                        pipelining ? " with pipelining" : "",
                                        qPrintable(run.problem));
                            failed = true;
                            continue;
                        }
                        (isCold ? cold : unchanged).seconds.push_back(run.seconds);
                    }
                }
                std::printf("  ansible-playbook%s: cold %s s, nothing changed %s s\n",
                            pipelining ? " with pipelining" : "", cold.text().c_str(),
                            unchanged.text().c_str());
                std::fflush(stdout);
            }
        }
        const QStringList namespaces = rig.namespaces();
        if (!rig.down()) {
            std::printf("bench_deploy: the rig did not come down:\n%s\n", qPrintable(rig.error()));
            return 1;
        }
        const test::RigRun list = test::Rig::run(QStringLiteral("ip"),
                                                 {QStringLiteral("netns"), QStringLiteral("list")});
        for (const QString &ns : namespaces) {
            const QRegularExpression listed(QStringLiteral("(^|\\n)")
                                            + QRegularExpression::escape(ns)
                                            + QStringLiteral("( |\\n|$)"));
            if (list.out.contains(listed)) {
                std::printf("bench_deploy: namespace %s is left after the rig's down\n",
                            qPrintable(ns));
                failed = true;
            }
        }
        results.push_back(std::move(result));
    }

    std::printf("\nSeconds, median (min–max); ratio = the faster Ansible / Topolab\n");
    std::printf("| hosts | Topolab cold | Topolab unchanged | Ansible cold | Ansible unchanged | "
                "Ansible pipelining cold | Ansible pipelining unchanged | ratio cold | "
                "ratio unchanged |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    const auto ratio = [](const Series &a, const Series &b, const Series &topolab) {
        double faster = 0;
        for (const Series *s : {&a, &b}) {
            if (!s->seconds.empty())
                faster = faster == 0 ? s->median() : std::min(faster, s->median());
        }
        return topolab.seconds.empty() || faster == 0 ? 0.0 : faster / topolab.median();
    };
    std::map<int, const HostCountResult *> byHosts;
    for (const HostCountResult &r : results) {
        byHosts[r.hosts] = &r;
        const auto times = [](double x) {
            char cell[32];
            std::snprintf(cell, sizeof cell, "%.1f×", x);
            return x > 0 ? std::string(cell) : std::string("—");
        };
        std::printf(
            "| %d | %s | %s | %s | %s | %s | %s | %s | %s |\n", r.hosts,
            r.topolabCold.text().c_str(), r.topolabUnchanged.text().c_str(),
            r.ansibleCold.text().c_str(), r.ansibleUnchanged.text().c_str(),
            r.pipeliningCold.text().c_str(), r.pipeliningUnchanged.text().c_str(),
            times(ratio(r.ansibleCold, r.pipeliningCold, r.topolabCold)).c_str(),
            times(ratio(r.ansibleUnchanged, r.pipeliningUnchanged, r.topolabUnchanged)).c_str());
    }

    std::printf("\nBudgets (SPEC §7):\n");
    if (const auto it = byHosts.find(3); it != byHosts.end()) {
        const HostCountResult &r = *it->second;
        const double cold = r.topolabCold.median();
        const double unchanged = r.topolabUnchanged.median();
        std::printf("  3 hosts, cold: %.2f s (≤ 1.5 s) %s\n", cold, verdict(cold <= 1.5));
        std::printf("  3 hosts, nothing changed: %.2f s (≤ 1 s) %s\n", unchanged,
                    verdict(unchanged <= 1.0));
        if (ansible) {
            const double rc = ratio(r.ansibleCold, r.pipeliningCold, r.topolabCold);
            const double ru = ratio(r.ansibleUnchanged, r.pipeliningUnchanged, r.topolabUnchanged);
            std::printf("  3 hosts, against the faster Ansible: cold %.1f×, nothing changed %.1f× "
                        "(≥ 5×) %s\n",
                        rc, ru, verdict(rc >= 5 && ru >= 5));
        }
    }
    if (byHosts.contains(1) && byHosts.contains(10)) {
        const HostCountResult &one = *byHosts[1];
        const HostCountResult &ten = *byHosts[10];
        const double cold = ten.topolabCold.median() / one.topolabCold.median();
        const double unchanged = ten.topolabUnchanged.median() / one.topolabUnchanged.median();
        std::printf("  10 hosts against 1 host: cold %.2f×, nothing changed %.2f× (≤ 2×) %s\n",
                    cold, unchanged, verdict(cold <= 2 && unchanged <= 2));
    }
    return failed ? 1 : 0;
}
