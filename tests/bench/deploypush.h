#pragma once

// The Topolab side of bench_deploy: the same files pushed to every host of a rig through the real
// deploy engine (DeployRun over SshHost), timed from the start of a run to its end, connections
// included, with a record of what each host spent its time on.
#include <string>
#include <vector>

namespace topolab::bench {

// One file of the push: logical path on each host (under the host's root), contents.
struct PushFile
{
    std::string path;
    std::string content;
};

// The files every host gets: 1 KiB, 16 KiB and 256 KiB of fixed pseudo-random bytes under /srv.
std::vector<PushFile> pushFiles();

// Removes the pushed files (and what a deploy leaves beside them) under a host's root.
void wipePush(const std::string &hostRoot);
// Why the pushed files under a host's root are not as pushed (missing, other mode or bytes);
// empty when they are.
std::string checkPush(const std::string &hostRoot);

// One remote operation of one host during a run: "connect", "read state", "upload 16k", ...
struct HostOp
{
    std::string host;
    std::string label;
    double startMs = 0; // from the start of the run
    double durationMs = 0;
};

struct PushRun
{
    double totalS = 0; // construction to destruction of the DeployRun: plan, apply, disconnect
    double planS = 0;
    double applyS = 0;
    double closeS = 0;
    std::vector<HostOp> ops;
    std::string problem; // empty when the run did what it should (all pushed, or nothing to do)
};

// Runs in the rig's client namespace. `rigDir` holds inventory.yaml, known_hosts and the
// client key (tests/deploy/rig/rig.sh). `cold`: the files are absent before the run and the
// run must push them; otherwise they are in place and the run must find nothing to do.
PushRun pushOnce(const std::string &rigDir, bool cold, int parallel);

// CPU time (ms) the rig's hosts have spent so far on connections that ended: what every host's
// sshd has reaped (its connections' sshd, the shells and commands they ran). Read from /proc
// through the pid files rig.sh leaves in `rigDir`.
double hostsCpuMs(const std::string &rigDir);
// CPU time (ms) of this process so far.
double ownCpuMs();

// Where the time of a set of runs went: per operation, the median and the largest duration
// over every host and run, and the median host's timeline of the median run.
std::string describeRuns(const std::vector<PushRun> &runs);

} // namespace topolab::bench
