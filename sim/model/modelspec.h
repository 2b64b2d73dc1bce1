#pragma once

#include "rateprofile.h"
#include "sim/engine/simtime.h"
#include "sim/random/distribution.h"

#include <cstdint>
#include <string>
#include <vector>

namespace topolab::sim {

// What to simulate, as plain data with every default already applied and every unit converted:
// the simulator's own input, independent of the file format. core builds it from a topology
// (core/simulation/simmodelbuilder.h); tests build it directly for textbook queues.
// Durations are SimTime (ns) unless a name says otherwise. Indices refer to ModelSpec vectors.

inline constexpr std::uint32_t noIndex = 0xFFFFFFFFu;

enum class SimKind : std::uint8_t {
    Dns,
    LoadBalancer,
    AppServer,
    ObjectStorage,
    Database,
    Volume,
    Backup,
    Vpn,
    SharedStorage,
};

enum class DnsPolicy : std::uint8_t { RoundRobin, ActiveStandby, Geo };
enum class BalanceAlgorithm : std::uint8_t { RoundRobin, LeastConn, Random };
enum class FailureMode : std::uint8_t { Crash, Blackhole, Degrade };

struct DnsSpec
{
    DnsPolicy policy = DnsPolicy::RoundRobin;
    SimTime ttl = 300 * second;
    SimTime propagation = 30 * second;
    SimTime lookup = 20 * millisecond;
    bool healthCheck = false; // provider checks of the LBs
    SimTime checkInterval = 10 * second;
    int checkFall = 3;
    std::vector<std::uint32_t> loadBalancers; // in link order (active/standby: first = active)
};

struct LoadBalancerSpec
{
    BalanceAlgorithm algorithm = BalanceAlgorithm::RoundRobin;
    SimTime checkInter = 2 * second;
    int checkFall = 3;
    int checkRise = 2;
    int retries = 3;
    bool redispatch = true;
    SimTime overhead = 200 * microsecond;
    SimTime connectTimeout = 5 * second;
    SimTime serverTimeout = 30 * second; // HAProxy `timeout server`: a silent backend gives up
    int maxconn = 0;                     // per server; 0 = unlimited
    std::vector<std::uint32_t> servers;  // app servers, in link order
};

struct AutoscaleSpec
{
    bool enabled = false;
    int maxInstances = 1;
    SimTime bootTime = 60 * second;
    SimTime checkInterval = 30 * second;
    double scaleOutUtilization = 0.8;
    double scaleInUtilization = 0.3;
};

struct AppServerSpec
{
    int workers = 8;
    Distribution service = Distribution::exponential(20e6); // ns
    int queueLimit = 100;
    double dbQueries = 2;             // mean per request; the fraction is a Bernoulli extra query
    std::uint32_t database = noIndex; // the database it queries (a primary)
    std::uint32_t objectStorage = noIndex; // where its region's static content lives
    AutoscaleSpec autoscale;
};

struct ObjectStorageSpec
{
    SimTime latency = 30 * millisecond;
};

struct DatabaseSpec
{
    bool primary = true;
    bool syncReplication = false; // on a standby
    Distribution query = Distribution::exponential(2e6);
    int cpus = 4;
    SimTime replicationLag = 100 * millisecond;
    bool servesReads = false;
    SimTime promote = 5 * second;
    SimTime detect = 30 * second;
    SimTime recreate = 300 * second;
    SimTime commitAck = 1 * millisecond; // sync standby's acknowledgement within a region
    std::uint32_t upstream = noIndex;    // on a standby: the primary it follows
    std::uint32_t volume = noIndex;
    std::uint32_t vpn = noIndex; // tunnel towards the other regions' databases
};

struct VolumeSpec
{
    double sizeGb = 100;
    SimTime attach = 30 * second;
    std::uint32_t backup = noIndex;
};

struct BackupSpec
{
    SimTime interval = 24 * 3600 * second;
    double restoreMbPerS = 100;
};

struct VpnSpec
{
    SimTime latency = 40 * millisecond; // one way
    SimTime pingInterval = 60 * second;
    SimTime pingTimeout = 5 * second;
};

// One component with the parameters of its kind (the other members keep their defaults).
struct ComponentSpec
{
    std::string id;
    SimKind kind = SimKind::AppServer;
    std::uint32_t region = noIndex;
    DnsSpec dns;
    LoadBalancerSpec loadBalancer;
    AppServerSpec appServer;
    ObjectStorageSpec objectStorage;
    DatabaseSpec database;
    VolumeSpec volume;
    BackupSpec backup;
    VpnSpec vpn;
};

struct ClientGroupSpec
{
    std::string id;
    std::uint32_t region = noIndex; // noIndex = anywhere
    std::int64_t clients = 10000;
    std::int64_t resolvers = 100;
    double rateRps = 100;
    RateProfile profile;
    SimTime latency = 30 * millisecond;       // one way, to a load balancer in its region
    SimTime remoteLatency = 80 * millisecond; // one way, to another region
    bool retryNextAddress = true;
    SimTime connectTimeout = 3 * second;
    SimTime appCache = 60 * second;
    double ttlViolatingShare = 0.05;
    SimTime ttlViolation = 3600 * second;
    double staticFraction = 0.3;
    double writeFraction = 0.1;
    SimTime requestTimeout = 30 * second;
    std::uint32_t dns = noIndex; // the DNS name it resolves
};

struct FailureSpec
{
    SimTime at = 0;       // after the warm-up
    SimTime duration = 0; // 0 = until the end
    FailureMode mode = FailureMode::Crash;
    double slowdown = 4;
    std::string target;                    // component or region id
    std::vector<std::uint32_t> components; // what fails: the component, or a region's members
};

struct RandomFailureSpec
{
    SimKind kind = SimKind::AppServer;
    double mtbfHours = 1000;
    double mttrMinutes = 30;
    FailureMode mode = FailureMode::Crash;
};

struct ModelSpec
{
    std::string name;
    std::vector<std::string> regions;
    std::vector<ComponentSpec> components;
    std::vector<ClientGroupSpec> clientGroups;
    std::vector<FailureSpec> failures;
    std::vector<RandomFailureSpec> randomFailures;

    SimTime duration = 3600 * second;
    SimTime warmup = 60 * second;
    std::uint64_t seed = 1;
    int replications = 1;
    SimTime bucket = second; // time-series resolution
    // Keep each component's load per bucket (TimeSeries::utilization, servedPerS), for a
    // front end that replays the run; off for the command line, which does not show it.
    bool recordLoad = false;

    std::uint32_t indexOf(std::string_view id) const;
};

} // namespace topolab::sim
