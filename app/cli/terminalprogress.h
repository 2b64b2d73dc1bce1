#pragma once

#include "sim/engine/simobserver.h"

#include <chrono>
#include <string>

namespace topolab::cli {

// A one-line progress bar on stderr for people watching a terminal ("simulating  42% [####  ]").
// Runners serialise onProgress calls across their workers, so no lock is needed here.
class TerminalProgress : public sim::SimObserver
{
public:
    explicit TerminalProgress(std::string verb = "simulating");

    void onProgress(double fraction) override;
    // Leaves the terminal line as it was before the bar.
    void clear();

private:
    std::string mVerb;
    std::chrono::steady_clock::time_point mLastDraw;
    double mShown = 0;
    bool mDrawn = false;
};

} // namespace topolab::cli
