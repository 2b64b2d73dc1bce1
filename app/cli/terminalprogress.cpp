#include "terminalprogress.h"

#include <algorithm>
#include <cstdio>

namespace topolab::cli {

TerminalProgress::TerminalProgress(std::string verb)
    : mVerb(std::move(verb))
{
}

void TerminalProgress::onProgress(double fraction)
{
    const auto now = std::chrono::steady_clock::now();
    // Redrawing on every call would cost more than the simulation between calls.
    if (mDrawn && now - mLastDraw < std::chrono::milliseconds(100) && fraction < 1.0)
        return;
    mShown = std::max(mShown, std::clamp(fraction, 0.0, 1.0));
    mLastDraw = now;
    mDrawn = true;
    constexpr int width = 40;
    const int filled = static_cast<int>(mShown * width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, ' ');
    std::fprintf(stderr, "\r%s %3d%% [%s]", mVerb.c_str(), static_cast<int>(mShown * 100),
                 bar.c_str());
    std::fflush(stderr);
}

void TerminalProgress::clear()
{
    if (!mDrawn)
        return;
    std::fprintf(stderr, "\r%*s\r", static_cast<int>(mVerb.size()) + 50, "");
    std::fflush(stderr);
}

} // namespace topolab::cli
