// The event kernel on its own: an M/M/1 queue through the full dispatch path (items = events),
// and the classic hold model on each future-event set at growing sizes (items = pop+push pairs).
// mm1_topolab and peers_side_by_side.sh compare the same M/M/1 with ns-3 and SimPy.
#include "sim/engine/daryheap.h"
#include "sim/engine/kernel.h"
#include "sim/engine/orderedeventset.h"
#include "sim/random/randomstream.h"
#include "sim/random/streamseed.h"

#include <benchmark/benchmark.h>

#include <deque>
#include <memory>
#include <type_traits>
#include <vector>

using namespace topolab::sim;

namespace {

// An endless M/M/1 queue at rho = 0.8 (arrival rate 0.8/s, service rate 1/s) as one handler,
// built like the one in mm1_topolab.cpp: a FIFO of arrival times and two event tags.
class Mm1 final : public EventHandler
{
public:
    enum Tag : std::uint16_t { Arrival, Departure };

    explicit Mm1(Kernel &kernel)
        : mKernel(kernel)
        , mArrivals(streamSeed(1, 0, "source", "arrivals"))
        , mService(streamSeed(1, 0, "server", "service"))
    {
        mTarget = kernel.addHandler(this);
        kernel.scheduleIn(draw(mArrivals, 1.25e9), mTarget, 0, Arrival);
    }

    void handleEvent(const Event &event) override
    {
        if (event.tag() == Arrival) {
            mKernel.scheduleIn(draw(mArrivals, 1.25e9), mTarget, 0, Arrival);
            mWaiting.push_back(mKernel.now());
            if (mWaiting.size() == 1)
                mKernel.scheduleIn(draw(mService, 1e9), mTarget, 0, Departure);
        } else {
            mSumT += static_cast<double>(mKernel.now() - mWaiting.front());
            mWaiting.pop_front();
            if (!mWaiting.empty())
                mKernel.scheduleIn(draw(mService, 1e9), mTarget, 0, Departure);
        }
    }

    double sumT() const { return mSumT; }

private:
    static SimTime draw(RandomStream &random, double meanNs)
    {
        return static_cast<SimTime>(random.exponential(meanNs) + 0.5);
    }

    Kernel &mKernel;
    RandomStream mArrivals;
    RandomStream mService;
    std::uint32_t mTarget = 0;
    std::deque<SimTime> mWaiting; // the customer in service first
    double mSumT = 0;             // ns
};

// One iteration runs 1,000 simulated seconds (about 1,600 events) of a queue already in
// steady state.
template<typename Set> std::unique_ptr<FutureEventSet> makeSet()
{
    if constexpr (std::is_void_v<Set>)
        return nullptr;
    else
        return std::make_unique<Set>();
}

template<typename Set> void BM_KernelMm1(benchmark::State &state)
{
    Kernel kernel(makeSet<Set>());
    Mm1 model(kernel);
    kernel.runUntil(10'000 * second);
    const std::uint64_t before = kernel.eventsProcessed();
    for (auto _ : state)
        kernel.runUntil(kernel.now() + 1000 * second);
    benchmark::DoNotOptimize(model.sumT());
    state.SetItemsProcessed(static_cast<std::int64_t>(kernel.eventsProcessed() - before));
}

// The hold model: N pending events; each step pops the earliest and pushes it back an
// exponential increment later. Increments come from a table so the set dominates the cost.
template<typename Set> void BM_Hold(benchmark::State &state)
{
    const auto pending = static_cast<std::size_t>(state.range(0));
    constexpr std::size_t tableSize = 1 << 12;
    RandomStream random(5);
    std::vector<SimTime> increments(tableSize);
    for (SimTime &d : increments)
        d = static_cast<SimTime>(random.exponential(1e6) + 0.5);

    Set set;
    std::uint64_t sequence = 0;
    for (std::size_t i = 0; i < pending; ++i) {
        Event e;
        e.time = increments[i % tableSize] + static_cast<SimTime>(i / tableSize);
        e.order = sequence++ << Event::tagBits;
        set.push(e);
    }
    std::size_t next = 0;
    for (auto _ : state) {
        Event e = set.pop();
        e.time += increments[next++ & (tableSize - 1)];
        e.order = sequence++ << Event::tagBits;
        set.push(e);
    }
    benchmark::DoNotOptimize(set.top());
    state.SetItemsProcessed(state.iterations());
}

void holdSizes(benchmark::internal::Benchmark *b)
{
    b->Arg(16)->Arg(1 << 10)->Arg(1 << 16)->Arg(1 << 20);
}

} // namespace

// `void` is the kernel's default set, called without virtual dispatch.
BENCHMARK_TEMPLATE(BM_KernelMm1, void);
BENCHMARK_TEMPLATE(BM_KernelMm1, DaryHeap<4>);
BENCHMARK_TEMPLATE(BM_KernelMm1, OrderedEventSet);

BENCHMARK_TEMPLATE(BM_Hold, DaryHeap<2>)->Apply(holdSizes);
BENCHMARK_TEMPLATE(BM_Hold, DaryHeap<4>)->Apply(holdSizes);
BENCHMARK_TEMPLATE(BM_Hold, DaryHeap<8>)->Apply(holdSizes);
BENCHMARK_TEMPLATE(BM_Hold, OrderedEventSet)->Apply(holdSizes);

BENCHMARK_MAIN();
