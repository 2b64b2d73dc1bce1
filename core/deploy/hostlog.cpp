#include "hostlog.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace topolab::core {

namespace {

constexpr std::size_t maxOutputShown = 4000;

std::string indented(const std::string &text)
{
    std::string out;
    std::size_t start = 0;
    const std::string shown = text.size() > maxOutputShown
                                  ? text.substr(0, maxOutputShown) + "\n[... "
                                        + std::to_string(text.size() - maxOutputShown)
                                        + " more bytes]"
                                  : text;
    while (start < shown.size()) {
        std::size_t end = shown.find('\n', start);
        if (end == std::string::npos)
            end = shown.size();
        out += "    | " + shown.substr(start, end - start) + "\n";
        start = end + 1;
    }
    return out;
}

} // namespace

HostLog::HostLog(std::string host, const LogRedactor &redactor, Sink sink)
    : mHost(std::move(host))
    , mRedactor(redactor)
    , mSink(std::move(sink))
    , mStart(std::chrono::steady_clock::now())
{
}

double HostLog::elapsedS() const
{
    std::lock_guard lock(mMutex);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - mStart).count();
}

void HostLog::begin(const std::string &phase)
{
    {
        std::lock_guard lock(mMutex);
        mStart = std::chrono::steady_clock::now();
    }
    line(phase);
}

void HostLog::line(const std::string &text)
{
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "[%7.2fs] ", elapsedS());
    const std::string redacted = std::string(stamp) + mRedactor.redact(text) + "\n";
    {
        std::lock_guard lock(mMutex);
        mText += redacted;
    }
    if (mSink)
        mSink(mHost, redacted);
}

void HostLog::command(const std::string &what, const std::string &command, int exitStatus,
                      const std::string &out, const std::string &err)
{
    std::string firstLine = command.substr(0, command.find('\n'));
    if (firstLine.size() > 200)
        firstLine = firstLine.substr(0, 200) + " ...";
    std::string text = what + ": exit " + std::to_string(exitStatus) + "\n    $ " + firstLine
                       + (firstLine.size() < command.size() ? " ..." : "") + "\n";
    if (!out.empty())
        text += indented(out);
    if (!err.empty())
        text += indented(err);
    if (text.back() == '\n')
        text.pop_back();
    line(text);
}

std::string HostLog::text() const
{
    std::lock_guard lock(mMutex);
    return mText;
}

std::string defaultLogDirectory(const std::string &topologyFile)
{
    std::string base;
    if (const char *state = std::getenv("XDG_STATE_HOME"); state && *state)
        base = state;
    else if (const char *home = std::getenv("HOME"); home && *home)
        base = std::string(home) + "/.local/state";
    else
        base = "/tmp";
    std::string stem = std::filesystem::path(topologyFile).filename().string();
    if (const auto dot = stem.find('.'); dot != std::string::npos)
        stem.resize(dot);
    return base + "/topolab/deploy-logs/" + stem;
}

} // namespace topolab::core
