#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace topolab::sim {

// Why a request failed, as the JSON output names it. The first six are the contract of
// SPEC §4; the others split out causes people ask about separately.
enum class FailureCause : std::uint8_t {
    DnsStale,      // the client used an address DNS had already withdrawn
    LbDown,        // the load balancer it reached was dead and still in DNS
    NoBackend,     // the load balancer had no server it believed up, or every retry failed
    Timeout,       // no answer in time: a silent server, or the client's request timeout
    DbUnavailable, // the database the request needed was down
    Overload,      // a queue was full (app server queue, load balancer maxconn queue)
    ServerCrash,   // the app server died while the request was in it
    StorageDown,   // static content: the object storage was down
};

inline constexpr std::size_t failureCauseCount = 8;

inline constexpr std::array<std::string_view, failureCauseCount> failureCauseNames = {
    "dns_stale",      "lb_down",  "no_backend",   "timeout",
    "db_unavailable", "overload", "server_crash", "storage_down",
};

inline std::string_view failureCauseName(FailureCause cause)
{
    return failureCauseNames[static_cast<std::size_t>(cause)];
}

} // namespace topolab::sim
