#pragma once

#include "core/deploy/logredactor.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <string>

namespace topolab::core {

// The log of one host during a plan or deploy: what ran, how it ended, what it printed. Every
// line passes the redactor first, so a secret reaches neither the log nor whoever listens.
class HostLog
{
public:
    using Sink = std::function<void(const std::string &host, const std::string &line)>;

    HostLog(std::string host, const LogRedactor &redactor, Sink sink = {});
    void line(const std::string &text);
    // A command's result: its first line, exit status, then its output, indented.
    void command(const std::string &what, const std::string &command, int exitStatus,
                 const std::string &out, const std::string &err);
    std::string text() const;
    // Seconds since the log began, or since the last begin().
    double elapsedS() const;
    // Writes `phase` as a line and counts time from it, so that a deploy's lines read from its
    // own start rather than from the plan that came before it, however long the user looked.
    void begin(const std::string &phase);

private:
    std::string mHost;
    const LogRedactor &mRedactor;
    Sink mSink;
    mutable std::mutex mMutex; // guards mStart and mText: workers log while begin() runs
    std::chrono::steady_clock::time_point mStart;
    std::string mText;
};

// Where the host logs of a deploy of `topologyFile` go unless told otherwise:
// $XDG_STATE_HOME/topolab/deploy-logs/NAME (else ~/.local/state/…, else /tmp/…), NAME being the
// file's name up to its first dot. One HOST.log per host.
std::string defaultLogDirectory(const std::string &topologyFile);

} // namespace topolab::core
