#pragma once

#include "futureeventset.h"

#include <set>

namespace topolab::sim {

// A future-event set on std::set: slow, obviously right. Tests run models on it and on the heap
// and require identical results.
class OrderedEventSet final : public FutureEventSet
{
public:
    void push(const Event &event) override { mItems.insert(event); }
    Event pop() override
    {
        const Event earliest = *mItems.begin();
        mItems.erase(mItems.begin());
        return earliest;
    }
    const Event &top() const override { return *mItems.begin(); }
    std::size_t size() const override { return mItems.size(); }
    void clear() override { mItems.clear(); }

private:
    struct Before
    {
        bool operator()(const Event &a, const Event &b) const { return a.before(b); }
    };
    std::set<Event, Before> mItems;
};

} // namespace topolab::sim
