#include "loadbalancermodel.h"

#include "appservermodel.h"
#include "clientgroupmodel.h"
#include "eventtypes.h"
#include "world.h"

#include <algorithm>

namespace topolab::sim {

namespace {

constexpr std::uint16_t checkStart = 0;
constexpr std::uint16_t checkTimedOut = 1u << 11;
constexpr std::uint16_t backendMask = checkTimedOut - 1;

} // namespace

LoadBalancerModel::LoadBalancerModel(World &world, std::uint32_t index)
    : ComponentModel(world, index)
    , mLb(spec().loadBalancer)
    , mRandom(world.stream(spec().id, "balance"))
{
    for (std::uint32_t server : mLb.servers) {
        Backend b;
        b.server = server;
        mBackends.push_back(b);
    }
}

void LoadBalancerModel::start()
{
    // HAProxy staggers its checks: each server's first check comes at a random phase.
    RandomStream random = mWorld.stream(spec().id, "health-check-phase");
    for (std::size_t b = 0; b < mBackends.size() && b <= backendMask; ++b) {
        const auto phase
            = static_cast<SimTime>(random.uniform() * static_cast<double>(mLb.checkInter));
        mWorld.kernel.schedule(phase, handlerId(), 0,
                               internalTag(static_cast<std::uint16_t>(b) | checkStart));
    }
}

SimTime LoadBalancerModel::overhead() const
{
    return static_cast<SimTime>(static_cast<double>(mLb.overhead) * slowdown());
}

bool LoadBalancerModel::believesUp(std::uint32_t server) const
{
    for (const Backend &b : mBackends)
        if (b.server == server)
            return b.up;
    return false;
}

void LoadBalancerModel::handleEvent(const Event &event)
{
    const std::uint8_t type = RequestPool::eventType(event);
    if (type == Internal) {
        const std::size_t b = event.tag() & backendMask;
        if (event.tag() & checkTimedOut) {
            checkResult(b, false);
            mWorld.kernel.schedule(event.time + mLb.checkInter, handlerId(), 0,
                                   internalTag(static_cast<std::uint16_t>(b)));
        } else {
            checkServer(b);
        }
        return;
    }
    Request *r = mWorld.requests.receive(event);
    if (!r)
        return;
    const std::uint32_t id = event.arg;
    switch (type) {
    case LbArrive:
        arrive(id);
        break;
    case LbRetry:
        retry(id, false);
        break;
    case LbConnectTimeout:
        retry(id, true);
        break;
    case LbServerTimeout:
        --mBackends[r->backend].active;
        mWorld.component(r->server).countFailed();
        fail(id, FailureCause::Timeout);
        drainQueue();
        break;
    default:
        break;
    }
}

void LoadBalancerModel::arrive(std::uint32_t id)
{
    ClientGroupModel &client = mWorld.clientGroup(mWorld.requests[id].group);
    if (refusing()) {
        client.connectFailed(id);
        return;
    }
    if (silent()) {
        client.awaitConnectTimeout(id);
        return;
    }
    const std::size_t b = choose(none);
    if (b == none) {
        fail(id, FailureCause::NoBackend);
    } else if (b == busy) {
        expireQueued();
        mWorld.requests[id].serverStart = mWorld.kernel.now();
        mQueue.push_back(id);
    } else {
        dispatch(id, b);
    }
}

std::size_t LoadBalancerModel::choose(std::size_t exclude)
{
    const std::size_t n = mBackends.size();
    bool anyUp = false;
    auto eligible = [&](std::size_t b) {
        const Backend &k = mBackends[b];
        if (!k.up || b == exclude)
            return false;
        anyUp = true;
        return mLb.maxconn <= 0 || k.active < static_cast<std::uint32_t>(mLb.maxconn);
    };
    switch (mLb.algorithm) {
    case BalanceAlgorithm::RoundRobin:
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t b = (mNext + i) % n;
            if (eligible(b)) {
                mNext = (b + 1) % n;
                return b;
            }
        }
        break;
    case BalanceAlgorithm::LeastConn: {
        // Ties go round robin, as HAProxy's leastconn does.
        std::size_t best = none;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t b = (mNext + i) % n;
            if (eligible(b) && (best == none || mBackends[b].active < mBackends[best].active))
                best = b;
        }
        if (best != none) {
            mNext = (best + 1) % n;
            return best;
        }
        break;
    }
    case BalanceAlgorithm::Random: {
        // HAProxy's `balance random` draws two servers and keeps the less loaded one.
        mScratch.clear();
        for (std::size_t b = 0; b < n; ++b)
            if (eligible(b))
                mScratch.push_back(b);
        if (!mScratch.empty()) {
            const std::size_t a = mScratch[mRandom.below(mScratch.size())];
            const std::size_t c = mScratch[mRandom.below(mScratch.size())];
            return mBackends[c].active < mBackends[a].active ? c : a;
        }
        break;
    }
    }
    return anyUp ? busy : none;
}

void LoadBalancerModel::dispatch(std::uint32_t id, std::size_t b)
{
    Request &r = mWorld.requests[id];
    r.server = mBackends[b].server;
    r.backend = static_cast<std::uint16_t>(b);
    AppServerModel &server = mWorld.appServer(r.server);
    switch (server.accept(id)) {
    case AppServerModel::Accept::Accepted:
        ++mBackends[b].active;
        break;
    case AppServerModel::Accept::Refused:
        if (++r.lbAttempts > mLb.retries) {
            fail(id, FailureCause::NoBackend);
        } else {
            // HAProxy's turn-around before retrying: min(timeout connect, 1 s).
            const SimTime wait = std::min(mLb.connectTimeout, second);
            mWorld.stats.lbRetry(r);
            mWorld.requests.schedule(mWorld.kernel, id, mWorld.kernel.now() + wait, handlerId(),
                                     LbRetry);
        }
        break;
    case AppServerModel::Accept::Silent:
        mWorld.requests.schedule(mWorld.kernel, id, mWorld.kernel.now() + mLb.connectTimeout,
                                 handlerId(), LbConnectTimeout);
        break;
    case AppServerModel::Accept::Full:
        server.countFailed();
        fail(id, FailureCause::Overload);
        break;
    }
}

void LoadBalancerModel::retry(std::uint32_t id, bool afterTimeout)
{
    Request &r = mWorld.requests[id];
    if (!serving()) {
        fail(id, refusing() ? FailureCause::LbDown : FailureCause::Timeout);
        return;
    }
    if (afterTimeout) {
        if (++r.lbAttempts > mLb.retries) {
            fail(id, FailureCause::NoBackend);
            return;
        }
        mWorld.stats.lbRetry(r);
    }
    std::size_t b = r.backend;
    // `option redispatch`: the last retry goes to another server.
    if (mLb.redispatch && r.lbAttempts == mLb.retries) {
        const std::size_t other = choose(r.backend);
        if (other == busy) {
            r.serverStart = mWorld.kernel.now();
            mQueue.push_back(id);
            return;
        }
        if (other != none)
            b = other;
    }
    dispatch(id, b);
}

void LoadBalancerModel::serverDone(std::uint32_t id, bool ok, FailureCause cause)
{
    const Request &r = mWorld.requests[id];
    --mBackends[r.backend].active;
    if (!serving()) {
        // The client's connection went through this LB: it broke with the LB.
        fail(id, refusing() ? FailureCause::LbDown : FailureCause::Timeout);
    } else if (ok) {
        countServed();
        // The processing time is a pure delay, so it is charged on the way out: where it sits
        // on the path does not change any queue.
        mWorld.clientGroup(r.group).respond(id, mWorld.kernel.now() + overhead());
    } else {
        // The server (or its database) failed it and counted it; the LB only passes it on.
        mWorld.clientGroup(r.group).respondFailure(id, cause, mWorld.kernel.now());
    }
    drainQueue();
}

void LoadBalancerModel::serverWentSilent(std::uint32_t id)
{
    const Request &r = mWorld.requests[id];
    const SimTime at = std::max(mWorld.kernel.now(), r.serverStart + mLb.serverTimeout);
    mWorld.requests.schedule(mWorld.kernel, id, at, handlerId(), LbServerTimeout);
}

void LoadBalancerModel::drainQueue()
{
    while (!mQueue.empty()) {
        const std::size_t b = choose(none);
        if (b == busy)
            return;
        const std::uint32_t id = mQueue.front();
        mQueue.pop_front();
        if (b == none) {
            fail(id, FailureCause::NoBackend);
            continue;
        }
        // `timeout queue` defaults to `timeout connect`.
        if (mWorld.kernel.now() - mWorld.requests[id].serverStart > mLb.connectTimeout) {
            fail(id, FailureCause::Overload);
            continue;
        }
        dispatch(id, b);
    }
}

void LoadBalancerModel::expireQueued()
{
    // `timeout queue` (= `timeout connect`): the oldest waiting requests give up even while no
    // server frees a slot, so the queue never holds more than rate × timeout.
    const SimTime now = mWorld.kernel.now();
    while (!mQueue.empty()
           && now - mWorld.requests[mQueue.front()].serverStart > mLb.connectTimeout) {
        const std::uint32_t id = mQueue.front();
        mQueue.pop_front();
        fail(id, FailureCause::Overload);
    }
}

void LoadBalancerModel::fail(std::uint32_t id, FailureCause cause)
{
    countFailed();
    mWorld.clientGroup(mWorld.requests[id].group).respondFailure(id, cause, mWorld.kernel.now());
}

void LoadBalancerModel::checkServer(std::size_t b)
{
    const SimTime now = mWorld.kernel.now();
    const ComponentModel &server = mWorld.component(mBackends[b].server);
    if (serving() && server.silent()) {
        // No answer: the check fails when it times out (`inter` without `timeout check`), and
        // the next one starts `inter` after that.
        mWorld.kernel.schedule(now + mLb.checkInter, handlerId(), 0,
                               internalTag(static_cast<std::uint16_t>(b) | checkTimedOut));
        return;
    }
    if (serving())
        checkResult(b, server.serving());
    mWorld.kernel.schedule(now + mLb.checkInter, handlerId(), 0,
                           internalTag(static_cast<std::uint16_t>(b)));
}

void LoadBalancerModel::checkResult(std::size_t b, bool ok)
{
    Backend &k = mBackends[b];
    if (ok == k.up) {
        k.streak = 0;
        return;
    }
    ++k.streak;
    if (k.up && k.streak >= mLb.checkFall) {
        k.up = false;
        k.streak = 0;
        mWorld.incidents.detected(k.server, mWorld.kernel.now());
        drainQueue();
    } else if (!k.up && k.streak >= mLb.checkRise) {
        k.up = true;
        k.streak = 0;
        drainQueue();
    }
}

void LoadBalancerModel::onFailed(FailureMode mode)
{
    if (mode == FailureMode::Degrade)
        return;
    mRestarts = true;
    // Requests waiting in HAProxy's queue die with the process or the host.
    const FailureCause cause
        = mode == FailureMode::Crash ? FailureCause::LbDown : FailureCause::Timeout;
    while (!mQueue.empty()) {
        const std::uint32_t id = mQueue.front();
        mQueue.pop_front();
        fail(id, cause);
    }
}

void LoadBalancerModel::onRepaired()
{
    // A restarted HAProxy assumes every server UP until its checks say otherwise; a slow one
    // that recovers keeps what it knew.
    if (!mRestarts)
        return;
    mRestarts = false;
    for (Backend &k : mBackends) {
        k.up = true;
        k.streak = 0;
    }
}

void LoadBalancerModel::restartStatistics(SimTime now)
{
    ComponentModel::restartStatistics(now);
}

} // namespace topolab::sim
