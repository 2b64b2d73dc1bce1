// M/M/c FIFO queue on the Topolab kernel, the counterpart of ../shared/peers/mmc_ns3.cc and
// mmc_simpy2.py: same arguments, same model, same one-line output, so the engines can be compared
// event for event. Usage: mm1_topolab c lambda mu customers seed
#include "sim/engine/kernel.h"
#include "sim/random/randomstream.h"
#include "sim/random/streamseed.h"

#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <vector>

using namespace topolab::sim;

namespace {

// Mean time in system of M/M/c by Erlang C, written as in the peers.
double erlangCT(int c, double lambda, double mu)
{
    const double a = lambda / mu;
    const double rho = a / c;
    double sum = 0;
    double term = 1;
    for (int k = 0; k < c; ++k) {
        sum += term;
        term *= a / (k + 1);
    }
    const double pc = term / (1 - rho);
    return pc / (sum + pc) / (c * mu - lambda) + 1 / mu;
}

// The whole queue as one handler: arrivals and departures are its two event tags. A departure's
// `arg` is the server it leaves, whose start record holds the customer's arrival time; waiting
// customers are a FIFO of arrival times, like the deque of the ns-3 peer.
class MmcQueue final : public EventHandler
{
public:
    enum Tag : std::uint16_t { Arrival, Departure };

    MmcQueue(Kernel &kernel, int servers, double lambda, double mu, std::uint64_t customers,
             std::uint64_t seed)
        : mKernel(kernel)
        , mArrivals(streamSeed(seed, 0, "source", "arrivals"))
        , mService(streamSeed(seed, 0, "server", "service"))
        , mMeanInterarrival(1e9 / lambda)
        , mMeanService(1e9 / mu)
        , mCustomers(customers)
        , mArrivedAt(static_cast<std::size_t>(servers))
    {
        mTarget = kernel.addHandler(this);
        for (int s = servers - 1; s >= 0; --s)
            mIdle.push_back(static_cast<std::uint32_t>(s));
        kernel.scheduleIn(draw(mArrivals, mMeanInterarrival), mTarget, 0, Arrival);
    }

    void handleEvent(const Event &event) override
    {
        if (event.tag() == Arrival)
            arrive();
        else
            depart(event.arg);
    }

    std::uint64_t done() const { return mDone; }
    double meanTimeInSystem() const { return mSumT / static_cast<double>(mDone) / 1e9; }

private:
    static SimTime draw(RandomStream &random, double meanNs)
    {
        return static_cast<SimTime>(random.exponential(meanNs) + 0.5);
    }

    void arrive()
    {
        if (++mArrived < mCustomers)
            mKernel.scheduleIn(draw(mArrivals, mMeanInterarrival), mTarget, 0, Arrival);
        if (!mIdle.empty()) {
            const std::uint32_t server = mIdle.back();
            mIdle.pop_back();
            start(server, mKernel.now());
        } else {
            mWaiting.push_back(mKernel.now());
        }
    }

    void start(std::uint32_t server, SimTime arrivedAt)
    {
        mArrivedAt[server] = arrivedAt;
        mKernel.scheduleIn(draw(mService, mMeanService), mTarget, server, Departure);
    }

    void depart(std::uint32_t server)
    {
        mSumT += static_cast<double>(mKernel.now() - mArrivedAt[server]);
        ++mDone;
        if (!mWaiting.empty()) {
            const SimTime next = mWaiting.front();
            mWaiting.pop_front();
            start(server, next);
        } else {
            mIdle.push_back(server);
        }
    }

    Kernel &mKernel;
    RandomStream mArrivals;
    RandomStream mService;
    double mMeanInterarrival; // ns
    double mMeanService;      // ns
    std::uint64_t mCustomers;
    std::uint32_t mTarget = 0;
    std::vector<SimTime> mArrivedAt; // per server: arrival time of the customer it serves
    std::vector<std::uint32_t> mIdle;
    std::deque<SimTime> mWaiting;
    std::uint64_t mArrived = 0;
    std::uint64_t mDone = 0;
    double mSumT = 0; // ns; converted once at the end, not per customer
};

} // namespace

int main(int argc, char **argv)
{
    if (argc != 6) {
        std::fprintf(stderr, "usage: %s c lambda mu customers seed   (e.g. 1 0.8 1 1000000 1)\n",
                     argv[0]);
        return 2;
    }
    const int c = std::atoi(argv[1]);
    const double lambda = std::atof(argv[2]);
    const double mu = std::atof(argv[3]);
    const std::uint64_t customers = std::strtoull(argv[4], nullptr, 10);
    const std::uint64_t seed = std::strtoull(argv[5], nullptr, 10);
    if (c < 1 || !(lambda > 0) || !(mu > 0) || customers < 1) {
        std::fprintf(stderr, "%s: need c >= 1, lambda > 0, mu > 0, customers >= 1\n", argv[0]);
        return 2;
    }

    Kernel kernel;
    MmcQueue queue(kernel, c, lambda, mu, customers, seed);
    const auto t0 = std::chrono::steady_clock::now();
    kernel.runUntil(simTimeMax);
    const double wall
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    const std::uint64_t events = kernel.eventsProcessed();
    const double analytic = lambda < c * mu ? erlangCT(c, lambda, mu) : HUGE_VAL;
    std::printf("engine=topolab c=%d customers=%" PRIu64 " events=%" PRIu64
                " wall_s=%.4f events_per_s=%.0f meanT=%.4f analytic=%.4f\n",
                c, queue.done(), events, wall, static_cast<double>(events) / wall,
                queue.meanTimeInSystem(), analytic);
    return queue.done() == customers ? 0 : 1;
}
