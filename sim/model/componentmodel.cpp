#include "componentmodel.h"

#include "world.h"

namespace topolab::sim {

namespace {

const char *kindName(SimKind kind)
{
    switch (kind) {
    case SimKind::Dns:
        return "dns";
    case SimKind::LoadBalancer:
        return "load_balancer";
    case SimKind::AppServer:
        return "app_server";
    case SimKind::ObjectStorage:
        return "object_storage";
    case SimKind::Database:
        return "database";
    case SimKind::Volume:
        return "volume";
    case SimKind::Backup:
        return "backup";
    case SimKind::Vpn:
        return "vpn";
    case SimKind::SharedStorage:
        return "shared_storage";
    }
    return "component";
}

bool isDown(ComponentState state)
{
    return state == ComponentState::Down || state == ComponentState::Silent;
}

} // namespace

ComponentModel::ComponentModel(World &world, std::uint32_t index)
    : mWorld(world)
    , mIndex(index)
    , mHandlerId(world.kernel.addHandler(this))
{
}

const ComponentSpec &ComponentModel::spec() const
{
    return mWorld.spec.components[mIndex];
}

void ComponentModel::fail(FailureMode mode, double slowdown)
{
    ++mFailures;
    switch (mode) {
    case FailureMode::Crash:
        setState(ComponentState::Down);
        break;
    case FailureMode::Blackhole:
        setState(ComponentState::Silent);
        break;
    case FailureMode::Degrade:
        mSlowdown = slowdown;
        if (!isDown(mState))
            setState(ComponentState::Degraded);
        break;
    }
    onFailed(mode);
}

void ComponentModel::repair()
{
    if (mFailures == 0)
        return;
    if (--mFailures > 0)
        return;
    mSlowdown = 1;
    setState(ComponentState::Up);
    onRepaired();
}

void ComponentModel::restoreService()
{
    if (mFailures == 0)
        return;
    mFailures = 0;
    mSlowdown = 1;
    setState(ComponentState::Up);
    onRepaired();
}

void ComponentModel::setState(ComponentState state)
{
    if (state == mState)
        return;
    const SimTime now = mWorld.kernel.now();
    mDown.set(now, isDown(state) ? 1.0 : 0.0);
    mState = state;
    mWorld.reportState(mIndex, state);
}

void ComponentModel::restartStatistics(SimTime now)
{
    mDown.restart(now);
    mServed = 0;
    mFailed = 0;
}

ComponentModel::LoadMark ComponentModel::loadMark(SimTime /*now*/) const
{
    return {0, 0, mServed};
}

ComponentResult ComponentModel::result(SimTime now) const
{
    ComponentResult r;
    r.id = spec().id;
    r.kind = kindName(spec().kind);
    r.served = mServed;
    r.failed = mFailed;
    r.downSeconds = mDown.integral(now) / 1e9;
    return r;
}

} // namespace topolab::sim
