#include "mpisweepcluster.h"

#include "core/simulation/sweeprun.h"

#include <mpi.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unistd.h>
#include <vector>

namespace topolab::cli {

namespace {

// The messages of the protocol. A worker opens with Ready, carrying how many tasks it runs at
// once; rank 0 answers it that many times, and then once per Result, with a Task or a Stop.
// So every request gets exactly one answer, and a worker is done when it has had one Stop per
// slot.
enum Tag : int { Ready = 1, Task = 2, Stop = 3, Result = 4, Failed = 5 };

constexpr int coordinator = 0;

void sendText(const std::string &text, int to, int tag)
{
    MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, to, tag, MPI_COMM_WORLD);
}

std::string receiveText(const MPI_Status &probed)
{
    int length = 0;
    MPI_Get_count(&probed, MPI_CHAR, &length);
    std::string text(static_cast<std::size_t>(length), '\0');
    MPI_Recv(text.data(), length, MPI_CHAR, probed.MPI_SOURCE, probed.MPI_TAG, MPI_COMM_WORLD,
             MPI_STATUS_IGNORE);
    return text;
}

// Polls without spinning: a process that waits on MPI would otherwise take a core from the
// simulations beside it. Tasks last from milliseconds to minutes, so a wait of at most 2 ms
// between polls costs nothing measurable.
class Backoff
{
public:
    void idle()
    {
        std::this_thread::sleep_for(mDelay);
        mDelay = std::min(mDelay * 2, std::chrono::microseconds(2000));
    }
    void busy() { mDelay = std::chrono::microseconds(50); }

private:
    std::chrono::microseconds mDelay{50};
};

// What rank 0 says if the runtime ends the job under it (a process died, the scheduler's time
// ran out), from a signal handler: it reads only an atomic counter and strings set before the
// run, formats into a buffer on the stack (glibc's snprintf of %d, %zu and %s takes no lock and
// allocates nothing) and writes with write(2).
std::atomic<std::size_t> gFinished{0};
std::size_t gTotal = 0;

void sayStopped(int signal)
{
    char line[1024];
    const std::size_t done = gFinished.load();
    const int n = std::snprintf(line, sizeof line,
                                "\ntopolab-cli sweep: error: the MPI job was ended (signal %d) "
                                "after %zu of %zu runs, most likely because one of its processes "
                                "died; no result was written%s\n",
                                signal, done, gTotal, interruptedNote());
    if (n > 0) [[maybe_unused]]
        auto ignored
            = ::write(STDERR_FILENO, line, std::min(static_cast<std::size_t>(n), sizeof line - 1));
    std::_Exit(128 + signal);
}

class MpiCluster final : public SweepCluster
{
public:
    MpiCluster()
    {
        int provided = 0;
        MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
        MPI_Comm_rank(MPI_COMM_WORLD, &mRank);
        MPI_Comm_size(MPI_COMM_WORLD, &mSize);
    }

    ~MpiCluster() override { MPI_Finalize(); }

    int rank() const override { return mRank; }
    int size() const override { return mSize; }

    std::string run(const core::SweepPlan &plan, core::SweepQueue &queue, int threads,
                    sim::SimObserver *progress) override
    {
        if (mSize == 1)
            return runAlone(plan, queue, threads, progress);
        return mRank == coordinator ? coordinate(plan, queue, threads, progress)
                                    : serve(plan, threads);
    }

    std::pair<int, int> agree(int code) override
    {
        const int mine[2] = {code, mRank == coordinator ? code : 0};
        int all[2] = {0, 0};
        MPI_Allreduce(mine, all, 2, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
        return {all[0], all[1]};
    }

    void abort(int exitCode) override { MPI_Abort(MPI_COMM_WORLD, exitCode); }

private:
    std::string runAlone(const core::SweepPlan &plan, core::SweepQueue &queue, int threads,
                         sim::SimObserver *progress)
    {
        if (std::string failure = core::runSweepThreads(plan, queue, threads, progress);
            !failure.empty())
            return failure;
        return queue.allFinished() ? std::string() : "stopped before every run was done";
    }

    // Rank 0: answers every request with the next task or a stop, runs tasks on its own threads
    // meanwhile, and returns when every worker has had its stops.
    std::string coordinate(const core::SweepPlan &plan, core::SweepQueue &queue, int threads,
                           sim::SimObserver *progress)
    {
        gTotal = queue.size();
        std::signal(SIGTERM, sayStopped);
        std::signal(SIGINT, sayStopped);
        std::string localFailure;
        std::thread local(
            [&] { localFailure = core::runSweepThreads(plan, queue, threads, progress); });

        struct Worker
        {
            bool ready = false;
            int slots = 0;
            int stopsSent = 0;
            std::set<std::size_t> running;
        };
        std::vector<Worker> workers(static_cast<std::size_t>(mSize));
        std::string failure;
        const auto answer = [&](int to) {
            Worker &w = workers[static_cast<std::size_t>(to)];
            const std::optional<std::size_t> task = failure.empty() ? queue.take() : std::nullopt;
            if (task) {
                const auto index = static_cast<std::uint64_t>(*task);
                MPI_Send(&index, 1, MPI_UINT64_T, to, Task, MPI_COMM_WORLD);
                w.running.insert(*task);
            } else {
                MPI_Send(nullptr, 0, MPI_CHAR, to, Stop, MPI_COMM_WORLD);
                ++w.stopsSent;
            }
        };
        const auto allStopped = [&] {
            for (int r = 1; r < mSize; ++r) {
                const Worker &w = workers[static_cast<std::size_t>(r)];
                if (!w.ready || w.stopsSent < w.slots)
                    return false;
            }
            return true;
        };

        Backoff backoff;
        while (!allStopped()) {
            int arrived = 0;
            MPI_Status status;
            MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
            if (!arrived) {
                backoff.idle();
                continue;
            }
            backoff.busy();
            const int from = status.MPI_SOURCE;
            Worker &w = workers[static_cast<std::size_t>(from)];
            const std::string text = receiveText(status);
            switch (status.MPI_TAG) {
            case Ready:
                w.ready = true;
                w.slots = std::max(1, std::atoi(text.c_str()));
                for (int i = 0; i < w.slots; ++i)
                    answer(from);
                break;
            case Result: {
                const std::size_t tab = text.find('\t');
                const std::size_t task = std::strtoull(text.c_str(), nullptr, 10);
                const std::optional<core::SweepOutcome> outcome
                    = tab == std::string::npos
                          ? std::nullopt
                          : core::decodeOutcome(std::string_view(text).substr(tab + 1));
                if (!outcome || !w.running.count(task)) {
                    if (failure.empty())
                        failure = "process " + std::to_string(from)
                                  + " sent a result rank 0 cannot read";
                } else {
                    w.running.erase(task);
                    queue.finish(task, *outcome);
                    gFinished = queue.finishedCount();
                }
                answer(from);
                break;
            }
            case Failed:
                if (failure.empty())
                    failure = "process " + std::to_string(from) + ": " + text;
                answer(from);
                break;
            default:
                if (failure.empty())
                    failure = "process " + std::to_string(from) + " sent an unknown message ("
                              + std::to_string(status.MPI_TAG) + ")";
                answer(from);
                break;
            }
            if (!failure.empty())
                queue.abandon(); // rank 0's own threads stop taking tasks
        }
        local.join();
        gFinished = queue.finishedCount();
        if (!failure.empty())
            return failure;
        if (!localFailure.empty())
            return "process 0: " + localFailure;
        if (!queue.allFinished())
            return "stopped after " + std::to_string(queue.finishedCount()) + " of "
                   + std::to_string(queue.size()) + " runs";
        return {};
    }

    // Every other rank: asks for `threads` tasks, runs them on as many threads, sends each
    // outcome back (which asks for the next), and ends after one stop per thread.
    std::string serve(const core::SweepPlan &plan, int threads)
    {
        const int slots = std::max(1, threads);
        std::mutex mutex;
        std::condition_variable changed;
        std::deque<std::size_t> tasks;
        std::deque<std::string> replies; // "TASK\tOUTCOME" or a failure
        std::deque<int> replyTags;
        int stops = 0;

        auto work = [&] {
            for (;;) {
                std::size_t task = 0;
                {
                    std::unique_lock lock(mutex);
                    changed.wait(lock, [&] { return !tasks.empty() || stops >= slots; });
                    if (tasks.empty())
                        return;
                    task = tasks.front();
                    tasks.pop_front();
                }
                std::string reply;
                int tag = Result;
                try {
                    const core::SweepOutcome outcome
                        = core::runSweepTask(plan, core::taskAt(plan, task));
                    reply = std::to_string(task) + '\t' + core::encodeOutcome(outcome);
                } catch (const std::exception &e) {
                    reply = core::describeFailedTask(plan, task, e.what());
                    tag = Failed;
                }
                std::lock_guard lock(mutex);
                replies.push_back(std::move(reply));
                replyTags.push_back(tag);
            }
        };
        std::vector<std::thread> pool;
        for (int i = 0; i < slots; ++i)
            pool.emplace_back(work);

        sendText(std::to_string(slots), coordinator, Ready);
        Backoff backoff;
        for (;;) {
            bool didSomething = false;
            {
                std::unique_lock lock(mutex);
                while (!replies.empty()) {
                    const std::string reply = std::move(replies.front());
                    const int tag = replyTags.front();
                    replies.pop_front();
                    replyTags.pop_front();
                    lock.unlock();
                    sendText(reply, coordinator, tag);
                    lock.lock();
                    didSomething = true;
                }
                if (stops >= slots)
                    break;
            }
            int arrived = 0;
            MPI_Status status;
            MPI_Iprobe(coordinator, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
            if (arrived) {
                didSomething = true;
                if (status.MPI_TAG == Task) {
                    std::uint64_t index = 0;
                    MPI_Recv(&index, 1, MPI_UINT64_T, coordinator, Task, MPI_COMM_WORLD,
                             MPI_STATUS_IGNORE);
                    std::lock_guard lock(mutex);
                    tasks.push_back(static_cast<std::size_t>(index));
                } else {
                    receiveText(status);
                    std::lock_guard lock(mutex);
                    ++stops;
                }
                changed.notify_all();
            }
            if (didSomething)
                backoff.busy();
            else
                backoff.idle();
        }
        changed.notify_all();
        for (std::thread &t : pool)
            t.join();
        return {};
    }

    int mRank = 0;
    int mSize = 1;
};

} // namespace

std::unique_ptr<SweepCluster> joinMpiSweepCluster()
{
    return std::make_unique<MpiCluster>();
}

} // namespace topolab::cli
