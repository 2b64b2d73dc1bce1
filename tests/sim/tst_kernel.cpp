// The event kernel: ordering of simultaneous events, agreement of every future-event set with the
// reference set, timers, run bounds and the observer. Results must never depend on the queue.
#include "sim/engine/daryheap.h"
#include "sim/engine/kernel.h"
#include "sim/engine/orderedeventset.h"
#include "sim/engine/timer.h"
#include "sim/random/randomstream.h"

#include <QtTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace topolab::sim;

namespace {

// What a handler saw: enough to tell two runs apart.
struct Call
{
    SimTime now = 0;
    std::uint32_t target = 0;
    std::uint32_t arg = 0;
    std::uint16_t tag = 0;

    bool operator==(const Call &) const = default;
};

// Records every event it receives, with the clock at the time.
class Recorder final : public EventHandler
{
public:
    explicit Recorder(Kernel &kernel)
        : mKernel(kernel)
    {
    }

    void handleEvent(const Event &event) override
    {
        mCalls.push_back({mKernel.now(), event.target, event.arg, event.tag()});
    }

    const std::vector<Call> &calls() const { return mCalls; }

private:
    Kernel &mKernel;
    std::vector<Call> mCalls;
};

// A small closed model of workers that reschedule themselves: each event draws zero to two
// follow-ups at coarse delays, so many events share a time and ties decide the order. Every
// worker has its own stream, so the calls depend only on the order the kernel delivers.
class Workers final : public EventHandler
{
public:
    Workers(Kernel &kernel, std::vector<Call> &log, int count)
        : mKernel(kernel)
        , mLog(log)
    {
        mTarget = kernel.addHandler(this);
        for (int i = 0; i < count; ++i) {
            mStreams.emplace_back(1000 + static_cast<std::uint64_t>(i));
            kernel.schedule(static_cast<SimTime>(i % 3), mTarget, static_cast<std::uint32_t>(i));
        }
    }

    void handleEvent(const Event &event) override
    {
        mLog.push_back({mKernel.now(), event.target, event.arg, event.tag()});
        RandomStream &random = mStreams[event.arg];
        const std::uint64_t followUps = random.below(mKernel.pending() < 64 ? 3 : 2);
        for (std::uint64_t i = 0; i < followUps; ++i) {
            const auto tag = static_cast<std::uint16_t>(random.below(5));
            mKernel.scheduleIn(static_cast<SimTime>(random.below(4)), mTarget, event.arg, tag);
        }
        if (mKernel.pending() == 0)
            mKernel.scheduleIn(1, mTarget, event.arg);
    }

private:
    Kernel &mKernel;
    std::vector<Call> &mLog;
    std::vector<RandomStream> mStreams;
    std::uint32_t mTarget = 0;
};

std::vector<Call> runWorkers(std::unique_ptr<FutureEventSet> events)
{
    Kernel kernel(std::move(events));
    std::vector<Call> log;
    Workers workers(kernel, log, 16);
    kernel.runUntil(2000);
    return log;
}

// Reschedules itself every nanosecond: a steady stream of events for the observer tests.
class Ticker final : public EventHandler
{
public:
    explicit Ticker(Kernel &kernel)
        : mKernel(kernel)
    {
        mTarget = kernel.addHandler(this);
        kernel.schedule(0, mTarget);
    }

    void handleEvent(const Event &) override { mKernel.scheduleIn(1, mTarget); }

private:
    Kernel &mKernel;
    std::uint32_t mTarget = 0;
};

// Keeps every progress report; asks to stop once it has seen `stopAfter` of them.
class ProgressLog final : public SimObserver
{
public:
    explicit ProgressLog(int stopAfter = -1)
        : mStopAfter(stopAfter)
    {
    }

    void onProgress(double fraction) override { mFractions.push_back(fraction); }
    bool stopRequested() const override
    {
        return mStopAfter >= 0 && static_cast<int>(mFractions.size()) >= mStopAfter;
    }

    const std::vector<double> &fractions() const { return mFractions; }

private:
    int mStopAfter;
    std::vector<double> mFractions;
};

// One timer driven through the kernel; counts how often the current arming fired.
class TimerUser final : public EventHandler
{
public:
    explicit TimerUser(Kernel &kernel)
        : mKernel(kernel)
    {
        mTarget = kernel.addHandler(this);
    }

    void arm(SimTime at) { mTimer.arm(mKernel, at, mTarget, 7); }
    Timer &timer() { return mTimer; }
    const std::vector<SimTime> &firedAt() const { return mFiredAt; }
    int delivered() const { return mDelivered; }

    void handleEvent(const Event &event) override
    {
        ++mDelivered;
        QCOMPARE(event.tag(), std::uint16_t(7));
        if (mTimer.fires(event))
            mFiredAt.push_back(mKernel.now());
    }

private:
    Kernel &mKernel;
    Timer mTimer;
    std::uint32_t mTarget = 0;
    std::vector<SimTime> mFiredAt;
    int mDelivered = 0;
};

// Pops one event from every set and requires them all to agree with the reference.
template<typename... Sets>
bool popAllAgree(OrderedEventSet &reference, Event &popped, Sets &...sets)
{
    popped = reference.pop();
    const auto same = [&popped](const Event &e) {
        return e.time == popped.time && e.order == popped.order && e.target == popped.target
               && e.arg == popped.arg;
    };
    return (same(sets.pop()) && ...);
}

} // namespace

// Checks the kernel, the future-event sets and the timer against each other and by hand.
class TestKernel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventIsCompact();
    void equalTimesRunInSchedulingOrder();
    void heapsMatchReferenceSet();
    void kernelResultsDoNotDependOnQueue();
    void timerCancelDropsStaleEvent();
    void timerRearmFiresOnlyLatest();
    void runUntilStopsAtEnd();
    void scheduleInPastClampsToNow();
    void scheduleInSaturates();
    void stepProcessesOneEvent();
    void observerStopsRun();
    void progressIsMonotone();
};

void TestKernel::eventIsCompact()
{
    QCOMPARE(sizeof(Event), std::size_t(24));
}

void TestKernel::equalTimesRunInSchedulingOrder()
{
    Kernel kernel;
    Recorder recorder(kernel);
    const std::uint32_t target = kernel.addHandler(&recorder);
    // Interleave two instants so the heap has to restore the order of scheduling, not of arrival
    // in its array; tags above the sequence must not decide ties.
    for (std::uint32_t i = 0; i < 100; ++i)
        kernel.schedule(i % 2 == 0 ? 20 : 10, target, i, static_cast<std::uint16_t>(100 - i));
    QVERIFY(kernel.runUntil(100));
    const std::vector<Call> &calls = recorder.calls();
    QCOMPARE(calls.size(), std::size_t(100));
    for (std::size_t i = 0; i < 50; ++i) {
        QCOMPARE(calls[i].now, SimTime(10));
        QCOMPARE(calls[i].arg, std::uint32_t(2 * i + 1));
        QCOMPARE(calls[50 + i].now, SimTime(20));
        QCOMPARE(calls[50 + i].arg, std::uint32_t(2 * i));
    }
}

void TestKernel::heapsMatchReferenceSet()
{
    OrderedEventSet reference;
    DaryHeap<2> binary;
    DaryHeap<4> quaternary;
    DaryHeap<8> octal;
    RandomStream random(42);
    SimTime now = 0;
    std::uint64_t sequence = 0;
    Event previous;
    bool havePrevious = false;
    int pops = 0;
    std::size_t largest = 0;

    const auto push = [&] {
        Event e;
        // A few distinct offsets from the current time: most pushes collide with another event.
        e.time = now + static_cast<SimTime>(random.below(8));
        e.order = (sequence++ << Event::tagBits) | random.below(1u << Event::tagBits);
        e.target = static_cast<std::uint32_t>(random.below(4));
        e.arg = static_cast<std::uint32_t>(sequence);
        reference.push(e);
        binary.push(e);
        quaternary.push(e);
        octal.push(e);
    };
    const auto popAndCheck = [&] {
        Event e;
        if (!popAllAgree(reference, e, binary, quaternary, octal))
            return false;
        // Pushes never go before the clock, so a correct set hands out a strictly increasing
        // (time, sequence) stream, as a simulation would see it.
        if (havePrevious && !previous.before(e))
            return false;
        previous = e;
        havePrevious = true;
        now = e.time;
        ++pops;
        return true;
    };

    for (int op = 0; op < 200'000; ++op) {
        // Drift between growing and shrinking so the sets pass through many sizes.
        const std::uint64_t pushWeight = (op / 20'000) % 2 == 0 ? 11 : 9;
        if (reference.empty() || random.below(20) < pushWeight)
            push();
        else
            QVERIFY2(popAndCheck(), qPrintable(QStringLiteral("pop %1 differs").arg(pops)));
        QCOMPARE(binary.size(), reference.size());
        QCOMPARE(octal.size(), reference.size());
        QCOMPARE(quaternary.size(), reference.size());
        largest = std::max(largest, reference.size());
    }
    QVERIFY(largest > 1000);
    while (!reference.empty())
        QVERIFY2(popAndCheck(), qPrintable(QStringLiteral("drain pop %1 differs").arg(pops)));
    QVERIFY(binary.empty() && quaternary.empty() && octal.empty());
}

void TestKernel::kernelResultsDoNotDependOnQueue()
{
    const std::vector<Call> onHeap = runWorkers(nullptr);
    const std::vector<Call> onSet = runWorkers(std::make_unique<OrderedEventSet>());
    const std::vector<Call> onBinary = runWorkers(std::make_unique<DaryHeap<2>>());
    QVERIFY(onHeap.size() > 5000);
    QVERIFY(onHeap == onSet);
    QVERIFY(onHeap == onBinary);
}

void TestKernel::timerCancelDropsStaleEvent()
{
    Kernel kernel;
    TimerUser user(kernel);
    user.arm(10);
    QVERIFY(user.timer().armed());
    QCOMPARE(user.timer().expiry(), SimTime(10));
    user.timer().cancel();
    QVERIFY(!user.timer().armed());
    QVERIFY(kernel.runUntil(100));
    // The stale event is still delivered (cancellation is O(1)), but it does not fire.
    QCOMPARE(user.delivered(), 1);
    QVERIFY(user.firedAt().empty());

    // A cancelled timer can be armed again and then fires normally.
    user.arm(150);
    user.timer().cancel();
    user.arm(200);
    QVERIFY(kernel.runUntil(300));
    QCOMPARE(user.firedAt(), std::vector<SimTime>{200});
    QVERIFY(!user.timer().armed());
}

void TestKernel::timerRearmFiresOnlyLatest()
{
    Kernel kernel;
    TimerUser user(kernel);
    // Re-arming earlier and later than the pending expiry: only the last arming counts.
    user.arm(50);
    user.arm(20);
    user.arm(80);
    user.arm(30);
    QCOMPARE(user.timer().expiry(), SimTime(30));
    QVERIFY(kernel.runUntil(100));
    QCOMPARE(user.delivered(), 4);
    QCOMPARE(user.firedAt(), std::vector<SimTime>{30});

    // Two armings at the same instant: still one firing.
    user.arm(150);
    user.arm(150);
    QVERIFY(kernel.runUntil(200));
    QCOMPARE(user.firedAt(), (std::vector<SimTime>{30, 150}));
}

void TestKernel::runUntilStopsAtEnd()
{
    Kernel kernel;
    Recorder recorder(kernel);
    const std::uint32_t target = kernel.addHandler(&recorder);
    kernel.schedule(5, target, 1);
    kernel.schedule(10, target, 2);
    kernel.schedule(11, target, 3);
    QVERIFY(kernel.runUntil(10));
    QCOMPARE(kernel.now(), SimTime(10));
    QCOMPARE(kernel.eventsProcessed(), std::uint64_t(2));
    QCOMPARE(kernel.pending(), std::size_t(1));
    QCOMPARE(recorder.calls().back().arg, std::uint32_t(2));

    // An empty stretch still moves the clock to its end.
    QVERIFY(kernel.runUntil(10));
    QCOMPARE(kernel.pending(), std::size_t(1));
    QVERIFY(kernel.runUntil(40));
    QCOMPARE(kernel.now(), SimTime(40));
    QCOMPARE(kernel.pending(), std::size_t(0));
    QCOMPARE(recorder.calls().back(), (Call{11, target, 3, 0}));
    QVERIFY(kernel.runUntil(50));
    QCOMPARE(kernel.now(), SimTime(50));
}

void TestKernel::scheduleInPastClampsToNow()
{
    Kernel kernel;
    Recorder recorder(kernel);
    const std::uint32_t target = kernel.addHandler(&recorder);
    QVERIFY(kernel.runUntil(100));
    kernel.schedule(30, target, 1);
    kernel.scheduleIn(-5, target, 2);
    kernel.schedule(100, target, 3);
    QVERIFY(kernel.runUntil(100));
    // Clamped events run at now, still in the order they were scheduled.
    QCOMPARE(recorder.calls(),
             (std::vector<Call>{{100, target, 1, 0}, {100, target, 2, 0}, {100, target, 3, 0}}));
}

void TestKernel::scheduleInSaturates()
{
    Kernel kernel;
    Recorder recorder(kernel);
    const std::uint32_t target = kernel.addHandler(&recorder);
    QVERIFY(kernel.runUntil(1000));
    kernel.scheduleIn(simTimeMax - 10, target, 1);
    kernel.scheduleIn(simTimeMax, target, 2);
    QVERIFY(kernel.runUntil(simTimeMax - 1));
    QVERIFY(recorder.calls().empty());
    QVERIFY(kernel.runUntil(simTimeMax));
    QCOMPARE(recorder.calls().size(), std::size_t(2));
    QCOMPARE(recorder.calls()[0].now, simTimeMax);
    QCOMPARE(recorder.calls()[1].arg, std::uint32_t(2));
}

void TestKernel::stepProcessesOneEvent()
{
    Kernel kernel;
    Recorder recorder(kernel);
    const std::uint32_t target = kernel.addHandler(&recorder);
    kernel.schedule(7, target, 1);
    kernel.schedule(9, target, 2);
    QVERIFY(!kernel.step(6));
    QCOMPARE(kernel.now(), SimTime(0));
    QVERIFY(kernel.step(8));
    QCOMPARE(kernel.now(), SimTime(7));
    QVERIFY(!kernel.step(8));
    QVERIFY(kernel.step(9));
    QVERIFY(!kernel.step(simTimeMax));
    QCOMPARE(recorder.calls().size(), std::size_t(2));
}

void TestKernel::observerStopsRun()
{
    Kernel kernel;
    Ticker ticker(kernel);
    ProgressLog observer(3);
    const SimTime end = 10'000'000;
    QVERIFY(!kernel.runUntil(end, &observer));
    QCOMPARE(observer.fractions().size(), std::size_t(3));
    // Stopped early: the clock stays at the last event, the rest of the run is still pending.
    QVERIFY(kernel.now() < end);
    QCOMPARE(kernel.now(), static_cast<SimTime>(kernel.eventsProcessed()) - 1);
    QCOMPARE(kernel.pending(), std::size_t(1));

    // The run can be resumed from where it stopped.
    ProgressLog keepGoing;
    QVERIFY(kernel.runUntil(end, &keepGoing));
    QCOMPARE(kernel.now(), end);
    QCOMPARE(keepGoing.fractions().back(), 1.0);
}

void TestKernel::progressIsMonotone()
{
    Kernel kernel;
    Ticker ticker(kernel);
    ProgressLog observer;
    const SimTime end = 1'000'000;
    QVERIFY(kernel.runUntil(end, &observer));
    const std::vector<double> &fractions = observer.fractions();
    QVERIFY(fractions.size() > 10);
    double last = 0.0;
    for (double f : fractions) {
        QVERIFY2(f >= last && f <= 1.0, qPrintable(QString::number(f)));
        last = f;
    }
    QCOMPARE(fractions.back(), 1.0);
    QCOMPARE(kernel.now(), end);
}

QTEST_GUILESS_MAIN(TestKernel)
#include "tst_kernel.moc"
