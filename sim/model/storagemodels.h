#pragma once

#include "componentmodel.h"

namespace topolab::sim {

// A block-storage volume holding a database's files. Losing it (crash) takes the database down
// and its data with it, so the replica set restores from the last backup; a silent volume
// (blackhole) stalls the database without losing data.
class VolumeModel final : public ComponentModel
{
public:
    using ComponentModel::ComponentModel;
    void handleEvent(const Event &) override {}
    void setDatabase(std::uint32_t database) { mDatabase = database; }

protected:
    void onFailed(FailureMode mode) override;
    void onRepaired() override;

private:
    std::uint32_t mDatabase = noIndex;
};

// Periodic base backups of a volume (to object storage). What matters to the simulation is
// when the last one was taken: a restore loses every write after it.
class BackupModel final : public ComponentModel
{
public:
    using ComponentModel::ComponentModel;
    void addDatabase(std::uint32_t database) { mDatabases.push_back(database); }
    void start();
    void handleEvent(const Event &event) override;

private:
    std::vector<std::uint32_t> mDatabases;
};

// A component the request path does not visit (shared storage): it still fails, is repaired
// and reports its state and downtime.
class PassiveModel final : public ComponentModel
{
public:
    using ComponentModel::ComponentModel;
    void handleEvent(const Event &) override {}
};

} // namespace topolab::sim
