#pragma once

#include "outagetimeline.h"

#include <vector>

namespace topolab::sim {

// A stretch of the horizon that the request-level simulator replays: the outages that overlap
// or follow each other closely, and the settle time after the last repair in which the
// consequences (health checks rising, timeouts running out) die away. Times in ns from the start
// of the horizon; `end` may lie past the horizon by at most the settle time.
struct IncidentWindow
{
    SimTime start = 0;
    SimTime end = 0;
    std::vector<Outage> outages; // by start

    SimTime length() const { return end - start; }
};

// How long before its first outage a window opens. A failure at the very start of a replayed
// period would coincide with the end of its warm-up, and the requests it kills in flight could
// be counted before the statistics restart; a second of normal traffic first keeps them in.
inline constexpr SimTime windowLead = second;

// Merges a timeline (sorted by start, as outageTimeline returns it) into windows: a window opens
// `windowLead` before its first outage's start (not before 0) and closes `settle` after the
// latest end of its outages; an outage whose lead starts before the current window's end joins
// it.
std::vector<IncidentWindow> mergeIntoWindows(const std::vector<Outage> &outages, SimTime settle);

// The settle time a window keeps after its last repair:
//   max(client request timeouts, load balancers' server timeouts)
//     + max(load balancer health-check inter × rise) + 10 s.
// A request sent just before the repair may wait out the longest timeout, and while it does it
// holds a worker or a connection that later requests queue behind; a repaired server receives
// traffic again only after `rise` consecutive good checks `inter` apart; the 10 s cover the
// remaining small delays (DNS provider checks and lookups, a check's own timeout) so that a
// window ends in the steady state the quiet-time baseline describes.
SimTime defaultSettleTime(const ModelSpec &model);

} // namespace topolab::sim
