#pragma once

#include "futureeventset.h"

#include <vector>

namespace topolab::sim {

// Implicit d-ary min-heap of events. A wider node than binary halves the depth and keeps a
// node's children in one or two cache lines, which is what bounds pop() on large heaps.
template<int Arity = 4> class DaryHeap final : public FutureEventSet
{
    static_assert(Arity >= 2);

public:
    void push(const Event &pushed) override
    {
        const Event event = pushed; // `pushed` may live in mItems, which may reallocate
        std::size_t hole = mItems.size();
        mItems.push_back(event);
        while (hole > 0) {
            const std::size_t parent = (hole - 1) / Arity;
            if (!event.before(mItems[parent]))
                break;
            mItems[hole] = mItems[parent];
            hole = parent;
        }
        mItems[hole] = event;
    }

    Event pop() override
    {
        const Event earliest = mItems.front();
        const Event last = mItems.back();
        mItems.pop_back();
        const std::size_t n = mItems.size();
        if (n == 0)
            return earliest;
        std::size_t hole = 0;
        for (;;) {
            const std::size_t first = hole * Arity + 1;
            if (first >= n)
                break;
            const std::size_t end = first + Arity < n ? first + Arity : n;
            std::size_t best = first;
            for (std::size_t c = first + 1; c < end; ++c)
                if (mItems[c].before(mItems[best]))
                    best = c;
            if (!mItems[best].before(last))
                break;
            mItems[hole] = mItems[best];
            hole = best;
        }
        mItems[hole] = last;
        return earliest;
    }

    const Event &top() const override { return mItems.front(); }
    std::size_t size() const override { return mItems.size(); }
    void clear() override { mItems.clear(); }
    void reserve(std::size_t n) { mItems.reserve(n); }

private:
    std::vector<Event> mItems;
};

} // namespace topolab::sim
