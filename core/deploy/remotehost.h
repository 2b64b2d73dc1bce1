#pragma once

#include <stdexcept>
#include <string>

namespace topolab::core {

// A failure talking to one host: which host, what happened, what the user can do about it.
class DeployError : public std::runtime_error
{
public:
    DeployError(std::string host, const std::string &message, std::string hint = {})
        : std::runtime_error(host + ": " + message)
        , mHost(std::move(host))
        , mHint(std::move(hint))
    {
    }
    const std::string &host() const { return mHost; }
    const std::string &hint() const { return mHint; }

private:
    std::string mHost;
    std::string mHint;
};

// What a remote command did. An exit status of -1 means unknown (killed by a signal, channel
// closed, timed out): never success.
struct CommandResult
{
    int exitStatus = -1;
    std::string out;
    std::string err;
    bool timedOut = false;
    bool ok() const { return exitStatus == 0; }
};

// One host a deploy talks to: run a shell command, upload a file. The SSH implementation holds
// one session; tests also use a local one. Not thread safe: one host, one thread.
class RemoteHost
{
public:
    virtual ~RemoteHost() = default;
    virtual const std::string &name() const = 0;
    // Runs `command` (one string for the remote POSIX shell; every value in it went through
    // shellQuote) under `timeout timeoutS`, feeding `stdinData` (where secrets travel).
    // Throws DeployError when the connection fails or the run is cancelled.
    virtual CommandResult run(const std::string &command, const std::string &stdinData = {},
                              int timeoutS = 60)
        = 0;
    // Writes `content` to exactly `path` (the caller picks a temporary name and renames it),
    // created with `mode` from the start so a secret is never readable by others, even briefly.
    // Throws DeployError.
    virtual void upload(const std::string &path, const std::string &content, unsigned mode) = 0;
};

} // namespace topolab::core
