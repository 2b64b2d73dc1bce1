// Databases, their standbys, volumes and backups.
#include "findings.h"

#include <set>

namespace topolab::core {

namespace {

using K = ComponentKind;

// Walks replication links upstream from a standby; reports missing primaries and loops.
void checkStandby(Findings &f, const Component &standby)
{
    const auto sources = ofKind(f.index().sources(standby.id), K::Database);
    if (sources.size() > 1) {
        f.error("standby-multiple-sources", standby.id,
                "standby '" + standby.id + "' replicates from " + std::to_string(sources.size())
                    + " databases; a standby follows exactly one");
        return;
    }
    std::set<std::string> seen = {standby.id};
    const Component *current = &standby;
    while (true) {
        const auto upstream = ofKind(f.index().sources(current->id), K::Database);
        if (upstream.empty()) {
            f.error("standby-no-primary", standby.id,
                    "standby '" + standby.id
                        + "' has no primary to replicate from; link a "
                          "primary database to it");
            return;
        }
        current = upstream.front();
        if (f.index().isPrimary(*current))
            return;
        if (!seen.insert(current->id).second) {
            f.error("replication-cycle", standby.id,
                    "standby '" + standby.id + "' is in a replication loop with '" + current->id
                        + "'; the chain must start at a primary");
            return;
        }
    }
}

void checkBackupCoverage(Findings &f, const Component &primary)
{
    for (const Component *db : f.index().replicaSet(primary)) {
        for (const Component *volume :
             ofKind(f.index().neighbours(db->id, LinkKind::Storage), K::Volume)) {
            if (!ofKind(f.index().sources(volume->id), K::Backup).empty())
                return;
        }
    }
    f.warning("primary-no-backup", primary.id,
              "no backup copies the volume of primary '" + primary.id
                  + "' or of its standbys; add a backup component linked to the volume");
}

} // namespace

void checkDatabases(Findings &f)
{
    for (const auto &c : f.topology().components) {
        if (c.kind == K::Database) {
            if (f.index().isStandby(c))
                checkStandby(f, c);
            const auto volumes = ofKind(f.index().neighbours(c.id, LinkKind::Storage), K::Volume);
            if (volumes.empty()) {
                f.warning("db-no-volume", c.id,
                          "database '" + c.id
                              + "' keeps its files on the instance; attach a "
                                "volume so the instance can be recreated");
            }
            if (f.index().isPrimary(c))
                checkBackupCoverage(f, c);
        } else if (c.kind == K::Volume) {
            const auto dbs = ofKind(f.index().neighbours(c.id, LinkKind::Storage), K::Database);
            if (dbs.size() > 1) {
                f.error("volume-shared", c.id,
                        "volume '" + c.id + "' is attached to " + std::to_string(dbs.size())
                            + " databases; a volume belongs to one instance");
            } else if (dbs.empty()) {
                f.warning("volume-unattached", c.id,
                          "volume '" + c.id + "' is attached to no database");
            }
        } else if (c.kind == K::Backup) {
            if (ofKind(f.index().targets(c.id), K::Volume).empty()) {
                f.error("backup-no-volume", c.id,
                        "backup '" + c.id + "' copies no volume; link it to the volume to back up");
            }
        }
    }
}

} // namespace topolab::core
