#pragma once

#include <cstdint>

namespace topolab::sim {

// The kinds of request events, carried in the top bits of an event's tag (RequestPool). Events
// that concern no request use `Internal` and keep the low bits for their own use.
enum RequestEvent : std::uint8_t {
    LbArrive = 1,         // a client's request reaches a load balancer
    LbRetry = 2,          // the load balancer tries a server again
    LbServerTimeout = 3,  // a silent server held the request past `timeout server`
    ConnectTimeout = 4,   // the client's connection attempt got no answer
    ServiceDone = 5,      // an app server finished the CPU part of a request
    QueryArrive = 6,      // a database query reaches a database in another region
    QueryDone = 7,        // a database finished a query
    QueryReturn = 8,      // a query's answer reaches the app server from another region
    LbConnectTimeout = 9, // a silent server never answered the load balancer's connect
    Internal = 15,
};

inline constexpr std::uint16_t internalTag(std::uint16_t low)
{
    return static_cast<std::uint16_t>((Internal << 12) | (low & 0x0FFF));
}

} // namespace topolab::sim
