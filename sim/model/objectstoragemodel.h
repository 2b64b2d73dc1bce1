#pragma once

#include "componentmodel.h"

namespace topolab::sim {

// Object storage (Spaces, S3) serving static content straight to clients. Scales out as far
// as clients ask, so it is a pure delay; it can fail like any component.
class ObjectStorageModel final : public ComponentModel
{
public:
    using ComponentModel::ComponentModel;

    SimTime serviceTime() const
    {
        return static_cast<SimTime>(static_cast<double>(spec().objectStorage.latency) * slowdown());
    }
    void handleEvent(const Event &) override {}
};

} // namespace topolab::sim
