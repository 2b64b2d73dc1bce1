#include "clientgroupmodel.h"

#include "dnsmodel.h"
#include "eventtypes.h"
#include "loadbalancermodel.h"
#include "objectstoragemodel.h"
#include "world.h"

#include <algorithm>
#include <cmath>

namespace topolab::sim {

namespace {

// Each client and resolver keeps its own cache; beyond this many the population shares slots,
// which keeps memory bounded for groups of millions while caches stay independent enough.
constexpr std::int64_t maxModelledCaches = 1 << 20;

} // namespace

ClientGroupModel::ClientGroupModel(World &world, std::uint32_t group)
    : mWorld(world)
    , mSpec(world.spec.clientGroups[group])
    , mGroup(group)
    , mHandler(world.kernel.addHandler(this))
    , mArrivals(world.stream(mSpec.id, "arrivals"))
    , mChoices(world.stream(mSpec.id, "choices"))
    , mArrivalDelay(3 * mSpec.latency)
{
    mPeakFactor = mSpec.profile.maxFactor();
    if (mSpec.rateRps > 0 && mPeakFactor > 0 && std::isfinite(mPeakFactor))
        mMeanGapNs = 1e9 / (mSpec.rateRps * mPeakFactor);
    // Static content comes from the object storage the app servers of the group's region use.
    for (const ComponentSpec &c : world.spec.components) {
        if (c.kind != SimKind::AppServer || c.appServer.objectStorage == noIndex)
            continue;
        if (mStorage == noIndex || c.region == mSpec.region) {
            mStorage = c.appServer.objectStorage;
            if (c.region == mSpec.region)
                break;
        }
    }
}

void ClientGroupModel::start()
{
    // Caches start at random ages, as in a system that has been running for a while: if every
    // cache were filled at t = 0 they would all expire together, every TTL.
    // A cache's cycle is its lifetime plus the wait for the next request after it expires, so
    // in steady state it is found expired with probability gap / (life + gap), and otherwise has
    // a uniform remaining life.
    RandomStream random = mWorld.stream(mSpec.id, "cache-phase");
    SimTime ttl = 0;
    if (mSpec.dns != noIndex)
        ttl = mWorld.dns(mSpec.dns).ttl();
    mResolvers.resize(static_cast<std::size_t>(std::min(mSpec.resolvers, maxModelledCaches)));
    mViolating.resize(mResolvers.size());
    mClients.resize(static_cast<std::size_t>(std::min(mSpec.clients, maxModelledCaches)));
    const double dynamicRate
        = mSpec.rateRps * (mStorage != noIndex ? 1.0 - mSpec.staticFraction : 1.0);
    const double clientGap
        = dynamicRate > 0 ? static_cast<double>(mClients.size()) / dynamicRate * 1e9 : 0.0;
    const double appCache = static_cast<double>(mSpec.appCache);
    const double resolverRate = appCache > 0
                                    ? static_cast<double>(mClients.size()) / (appCache + clientGap)
                                    : dynamicRate / 1e9;
    const double resolverGap
        = resolverRate > 0 ? static_cast<double>(mResolvers.size()) / resolverRate : 0.0;
    auto remaining = [&](double life, double gap) -> SimTime {
        if (life <= 0 || random.bernoulli(gap / (life + gap)))
            return 0;
        return static_cast<SimTime>(random.uniformPositive() * life);
    };
    for (std::size_t i = 0; i < mResolvers.size(); ++i) {
        mViolating[i] = random.bernoulli(mSpec.ttlViolatingShare);
        const SimTime life = ttl + (mViolating[i] ? mSpec.ttlViolation : 0);
        mResolvers[i].expiry = remaining(static_cast<double>(life), resolverGap);
    }
    if (mSpec.appCache > 0) {
        for (AppCache &c : mClients) {
            c.expiry = remaining(appCache, clientGap);
            c.rotation = static_cast<std::uint8_t>(random.below(256));
        }
    }
    if (mMeanGapNs > 0 && mSpec.dns != noIndex) {
        const SimTime first = nextSendTime(0);
        mNextIntended = first;
        pickNextClient();
        mWorld.kernel.schedule(first + mArrivalDelay, mHandler, 0, internalTag(0));
    }
}

SimTime ClientGroupModel::nextSendTime(SimTime after)
{
    SimTime t = after + static_cast<SimTime>(mArrivals.exponential(mMeanGapNs));
    if (mSpec.profile.constant())
        return t;
    while (t < mWorld.runEnd
           && mArrivals.uniform() * mPeakFactor >= mSpec.profile.factorAt(t - mWorld.warmupEnd))
        t += static_cast<SimTime>(mArrivals.exponential(mMeanGapNs));
    return t;
}

void ClientGroupModel::pickNextClient()
{
    // Drawn one request ahead so its cache line can be fetched while other events run: with
    // tens of thousands of clients the lookup is otherwise a cache miss on every request.
    mNextClient = mArrivals.below(mClients.size());
    __builtin_prefetch(&mClients[mNextClient]);
}

void ClientGroupModel::finish()
{
    // Requests sent just before the end whose arrival event falls after it: offered, and
    // still in flight.
    if (mMeanGapNs <= 0 || mSpec.dns == noIndex)
        return;
    for (SimTime t = mNextIntended; t < mWorld.runEnd; t = nextSendTime(t)) {
        if (t + mArrivalDelay > mWorld.kernel.now())
            mWorld.stats.offeredUnsent(t);
    }
}

SimTime ClientGroupModel::latencyTo(std::uint32_t component) const
{
    const std::uint32_t region = mWorld.spec.components[component].region;
    if (mSpec.region == noIndex || region == noIndex || region == mSpec.region)
        return mSpec.latency;
    return mSpec.remoteLatency;
}

void ClientGroupModel::handleEvent(const Event &event)
{
    if (RequestPool::eventType(event) == Internal) {
        arrive();
        return;
    }
    if (mWorld.requests.receive(event))
        connectFailed(event.arg);
}

void ClientGroupModel::arrive()
{
    // The event comes when a request sent without a DNS lookup to a local load balancer would
    // reach it, which saves an event for most requests; the send time is what counts.
    const SimTime now = mWorld.kernel.now() - mArrivalDelay;
    const SimTime next = nextSendTime(now);
    mNextIntended = next;
    const std::size_t clientIndex = mNextClient;
    pickNextClient();
    if (next < mWorld.runEnd)
        mWorld.kernel.schedule(next + mArrivalDelay, mHandler, 0, internalTag(0));

    const std::uint32_t id = mWorld.requests.acquire();
    Request &r = mWorld.requests[id];
    r.intended = now;
    r.group = mGroup;
    r.write = mChoices.bernoulli(mSpec.writeFraction);
    if (mStorage != noIndex && mChoices.bernoulli(mSpec.staticFraction)) {
        sendStatic(id);
        return;
    }

    DnsModel &dns = mWorld.dns(mSpec.dns);
    AppCache &client = mClients[clientIndex];
    SimTime lookup = 0;
    if (mSpec.appCache > 0 && client.expiry > now) {
        r.answer = client.version;
        r.rotation = client.rotation;
    } else {
        const std::size_t ri
            = static_cast<std::size_t>(&client - mClients.data()) % mResolvers.size();
        ResolverCache &resolver = mResolvers[ri];
        if (resolver.expiry <= now) {
            resolver.version = dns.visibleVersion();
            resolver.expiry = now + dns.ttl() + (mViolating[ri] ? mSpec.ttlViolation : 0);
            lookup = dns.lookupTime();
        }
        r.answer = resolver.version;
        // Resolvers shuffle the records of each answer they hand out.
        r.rotation = static_cast<std::uint8_t>(mChoices.below(256));
        if (mSpec.appCache > 0) {
            client.expiry = now + mSpec.appCache;
            client.version = r.answer;
            client.rotation = r.rotation;
        }
    }
    const auto &answer = dns.answer(r.answer, mGroup);
    if (answer.empty()) {
        mWorld.stats.offered(r);
        respondFailure(id, FailureCause::NoBackend, now);
        return;
    }
    r.stale = !mWorld.component(answer[r.rotation % answer.size()]).serving();
    mWorld.stats.offered(r);
    r.attemptStart = now + lookup;
    connect(id);
}

void ClientGroupModel::sendStatic(std::uint32_t id)
{
    Request &r = mWorld.requests[id];
    mWorld.stats.offered(r);
    ObjectStorageModel &storage = mWorld.objectStorage(mStorage);
    const SimTime now = r.intended;
    const SimTime oneWay = latencyTo(mStorage);
    if (storage.refusing()) {
        storage.countFailed();
        mWorld.stats.failed(r, FailureCause::StorageDown, now + 2 * oneWay);
    } else if (storage.silent()) {
        storage.countFailed();
        mWorld.stats.failed(r, FailureCause::StorageDown, now + mSpec.connectTimeout);
    } else {
        storage.countServed();
        mWorld.stats.succeeded(r, now + 4 * oneWay + storage.serviceTime());
    }
    mWorld.requests.finish(id);
}

void ClientGroupModel::connect(std::uint32_t id)
{
    Request &r = mWorld.requests[id];
    const auto &answer = mWorld.dns(mSpec.dns).answer(r.answer, mGroup);
    r.lb = answer[(r.rotation + r.addressesTried) % answer.size()];
    LoadBalancerModel &lb = mWorld.loadBalancer(r.lb);
    // Handshake (one round trip) and the request's way in: the state of the LB is read when
    // the request arrives; a refusal reaches the client a moment earlier in reality.
    const SimTime at = r.attemptStart + 3 * latencyTo(r.lb);
    if (at <= mWorld.kernel.now())
        lb.receive(id);
    else
        mWorld.requests.schedule(mWorld.kernel, id, at, lb.handlerId(), LbArrive);
}

FailureCause ClientGroupModel::connectCause(std::uint32_t lb) const
{
    return mWorld.dns(mSpec.dns).announced(lb) ? FailureCause::LbDown : FailureCause::DnsStale;
}

void ClientGroupModel::connectFailed(std::uint32_t id)
{
    Request &r = mWorld.requests[id];
    const SimTime now = mWorld.kernel.now();
    const auto &answer = mWorld.dns(mSpec.dns).answer(r.answer, mGroup);
    ++r.addressesTried;
    if (mSpec.retryNextAddress && r.addressesTried < answer.size() && r.addressesTried < 255) {
        mWorld.stats.retriedNextAddress(r);
        r.attemptStart = now;
        connect(id);
        return;
    }
    mWorld.component(r.lb).countFailed();
    respondFailure(id, connectCause(r.lb), now);
}

void ClientGroupModel::awaitConnectTimeout(std::uint32_t id)
{
    const Request &r = mWorld.requests[id];
    const SimTime at = std::max(mWorld.kernel.now(), r.attemptStart + mSpec.connectTimeout);
    mWorld.requests.schedule(mWorld.kernel, id, at, mHandler, ConnectTimeout);
}

void ClientGroupModel::respond(std::uint32_t id, SimTime at)
{
    const Request &r = mWorld.requests[id];
    mWorld.stats.succeeded(r, at + latencyTo(r.lb));
    mWorld.requests.finish(id);
}

void ClientGroupModel::respondFailure(std::uint32_t id, FailureCause cause, SimTime at)
{
    const Request &r = mWorld.requests[id];
    mWorld.stats.failed(r, cause, at);
    mWorld.requests.finish(id);
}

} // namespace topolab::sim
