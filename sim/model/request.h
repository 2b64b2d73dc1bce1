#pragma once

#include "sim/engine/kernel.h"

#include <cstdint>
#include <vector>

namespace topolab::sim {

// One logical request of a client, from the intended send time to its outcome, across every
// attempt (next DNS address, load balancer retries). Lives in a RequestPool slot.
struct Request
{
    SimTime intended = 0;     // when the client meant to send it: latency counts from here
    SimTime attemptStart = 0; // start of the current connection attempt to a load balancer
    SimTime serverStart = 0;  // when the current app server accepted it
    std::uint32_t group = 0;
    std::uint32_t lb = 0;      // component index of the load balancer of this attempt
    std::uint32_t server = 0;  // component index of the app server
    std::uint32_t answer = 0;  // DNS answer version the client used
    std::uint32_t slot = 0;    // position in its app server's in-service list, for O(1) removal
    std::uint32_t dbSlot = 0;  // position of its running query in the database's list
    std::uint16_t epoch = 0;   // bumped to make pending events about this request stale
    std::uint16_t pending = 0; // events in the queue that name this request
    std::uint16_t backend = 0; // position of the server in its load balancer's list
    std::uint8_t rotation = 0; // index of the first address tried in the answer
    std::uint8_t addressesTried = 0;
    std::uint8_t lbAttempts = 0;
    std::uint8_t queriesLeft = 0;
    bool write = false;
    bool measured = false; // sent inside the measured period
    bool done = false;
    bool stale = false; // its first address was a dead load balancer (down or silent)
};

// Slots for the requests in flight, reused without allocation once warm. A slot is released
// only when its request is done and no queued event names it, so a stale event can always read
// its slot safely; the epoch tells stale events from live ones.
class RequestPool
{
public:
    static constexpr int typeShift = 12;
    static constexpr std::uint16_t epochMask = (1u << typeShift) - 1;

    std::uint32_t acquire()
    {
        std::uint32_t id;
        if (!mFree.empty()) {
            id = mFree.back();
            mFree.pop_back();
            const std::uint16_t epoch = mItems[id].epoch;
            mItems[id] = Request{};
            mItems[id].epoch = static_cast<std::uint16_t>(epoch + 1);
        } else {
            id = static_cast<std::uint32_t>(mItems.size());
            mItems.emplace_back();
        }
        ++mLive;
        return id;
    }

    Request &operator[](std::uint32_t id) { return mItems[id]; }
    const Request &operator[](std::uint32_t id) const { return mItems[id]; }

    // Schedules an event of `type` (0..15) about request `id` for handler `target`.
    void schedule(Kernel &kernel, std::uint32_t id, SimTime at, std::uint32_t target,
                  std::uint8_t type)
    {
        Request &r = mItems[id];
        ++r.pending;
        kernel.schedule(at, target, id,
                        static_cast<std::uint16_t>((type << typeShift) | (r.epoch & epochMask)));
    }

    static std::uint8_t eventType(const Event &event)
    {
        return static_cast<std::uint8_t>(event.tag() >> typeShift);
    }

    // The request an event is about, or nullptr when the event went stale.
    Request *receive(const Event &event)
    {
        Request &r = mItems[event.arg];
        --r.pending;
        if (r.done || (event.tag() & epochMask) != (r.epoch & epochMask)) {
            if (r.done && r.pending == 0)
                release(event.arg);
            return nullptr;
        }
        return &r;
    }

    // Makes every event already scheduled about the request stale.
    void invalidate(std::uint32_t id) { ++mItems[id].epoch; }

    void finish(std::uint32_t id)
    {
        Request &r = mItems[id];
        r.done = true;
        ++r.epoch;
        if (r.pending == 0)
            release(id);
    }

    std::size_t live() const { return mLive; }

private:
    void release(std::uint32_t id)
    {
        mFree.push_back(id);
        --mLive;
    }

    std::vector<Request> mItems;
    std::vector<std::uint32_t> mFree;
    std::size_t mLive = 0;
};

} // namespace topolab::sim
