#pragma once

#include "core/model/topology.h"

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

class QMimeData;

namespace topolab::app {

// The kinds of scheduled failure the Scenario dock's chips offer, and what each one makes:
// its title, the failure mode it injects, the target it picks by default, and the drag payload
// (its own mime type). Also the colours of the failure modes, shared by the chips, the
// timeline and the forms. Owns nothing; all functions are static.
class FailureChip
{
    Q_DECLARE_TR_FUNCTIONS(topolab::app::FailureChip)

public:
    enum class Kind { Crash, Blackhole, Degrade, LoseRegion, CutVpn };

    static QList<Kind> all();
    static QString key(Kind kind); // "crash", "blackhole", "degrade", "region", "vpn"
    static std::optional<Kind> fromKey(const QString &key);
    static QString title(Kind kind); // "Crash component"
    static QString description(Kind kind);
    static QString mode(Kind kind); // the failure's `mode`

    // The drag payload of a chip, and the chip a payload carries.
    static QString mimeType();
    static QMimeData *mimeData(Kind kind);
    static std::optional<Kind> fromMimeData(const QMimeData *data);

    // What a new failure of `kind` targets: for a crash or blackhole the first load balancer
    // (else app server, database, other component); for a degrade the first app server (else
    // load balancer, database); the first region to lose; the first vpn to cut. Empty when the
    // topology has none, and then `missingTarget()` says what to add.
    static QString defaultTarget(const core::Topology &topology, Kind kind);
    static QString missingTarget(Kind kind);
    // The failure a chip adds: every key written, so the file reads on its own.
    static core::ScheduledFailure make(Kind kind, const QString &target, double at, double length);

    // The colour a failure mode is drawn in: crash red, blackhole purple, degrade amber, the
    // colours replay tints components with.
    static QColor modeColour(const QString &mode);
    // The modes a target may fail in: a region or a vpn cannot be degraded.
    static QStringList modesFor(const core::Topology &topology, const QString &target);
};

} // namespace topolab::app
