#include "storagemodels.h"

#include "replicasetmodel.h"
#include "world.h"

namespace topolab::sim {

void VolumeModel::onFailed(FailureMode mode)
{
    if (mDatabase == noIndex || mode == FailureMode::Degrade)
        return;
    mWorld.incidents.attach(mDatabase, mWorld.incidents.incidentOf(index()));
    if (mode == FailureMode::Crash)
        mWorld.replicaSetOf(mDatabase).volumeLost(mDatabase);
    mWorld.component(mDatabase).fail(FailureMode::Crash, 1);
}

void VolumeModel::onRepaired()
{
    if (mDatabase != noIndex)
        mWorld.component(mDatabase).repair();
}

void BackupModel::start()
{
    const SimTime interval = spec().backup.interval;
    if (mDatabases.empty() || interval <= 0)
        return;
    RandomStream random = mWorld.stream(spec().id, "backup-phase");
    const auto phase = static_cast<SimTime>(random.uniform() * static_cast<double>(interval));
    mWorld.kernel.schedule(phase, handlerId(), 0, 1);
}

void BackupModel::handleEvent(const Event &event)
{
    // A backup of a dead volume does not happen; the previous one stays the latest.
    if (serving()) {
        for (std::uint32_t db : mDatabases)
            if (mWorld.component(db).serving())
                mWorld.replicaSetOf(db).backupTaken(event.time);
    }
    mWorld.kernel.schedule(event.time + spec().backup.interval, handlerId(), 0, 1);
}

} // namespace topolab::sim
