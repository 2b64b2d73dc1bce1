// SshHost::run: one exec channel per command, read in short slices so a cancel or a hung host
// is noticed within a fraction of a second.
#include "sshhost.h"

#include "core/deploy/shellquote.h"

#include <libssh/libssh.h>

#include <algorithm>
#include <chrono>
#include <poll.h>

namespace topolab::core {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int killAfterS = 5;      // `timeout --kill-after`: TERM first, KILL this much later
constexpr int deadlineMarginS = 5; // beyond the remote kill, for the exit status to arrive
constexpr int sliceMs = 100;       // longest wait between two looks at the cancel flag

// The wrapper announces the remote process id on stderr before the command starts (closing a
// channel does not stop a command, and sshd refuses signal requests for root logins, so a
// cancelled command is stopped by its pid). The line is taken out of the command's stderr.
constexpr std::string_view pidMarker = "topolab-pid=";
constexpr std::size_t pidSearchLimit = 64 * 1024; // a login shell's noise before the marker

// Owns an exec channel.
class Channel
{
public:
    explicit Channel(ssh_session session)
        : mChannel(ssh_channel_new(session))
    {
    }
    ~Channel() { drop(); }
    Channel(const Channel &) = delete;
    Channel &operator=(const Channel &) = delete;
    ssh_channel get() const { return mChannel; }
    void drop()
    {
        if (mChannel) {
            ssh_channel_close(mChannel);
            ssh_channel_free(mChannel);
            mChannel = nullptr;
        }
    }

private:
    ssh_channel mChannel;
};

// Removes the pid line from `err` once it is complete; returns the pid, 0 while not there yet,
// -1 when it will not come.
long takePid(std::string &err)
{
    const std::size_t at = err.find(pidMarker);
    const std::size_t end = at == std::string::npos ? at : err.find('\n', at);
    if (end == std::string::npos)
        return err.size() > pidSearchLimit ? -1 : 0;
    const long pid = std::strtol(err.c_str() + at + pidMarker.size(), nullptr, 10);
    err.erase(at, end + 1 - at);
    return pid > 1 ? pid : -1;
}

// Stops the remote command (timeout passes TERM on to everything the command started) through
// a second channel, without waiting for it.
void stopRemote(ssh_session session, long pid)
{
    if (pid <= 1)
        return;
    Channel kill(session);
    const std::string command = "kill -TERM " + std::to_string(pid) + " 2>/dev/null";
    if (kill.get() && ssh_channel_open_session(kill.get()) == SSH_OK
        && ssh_channel_request_exec(kill.get(), command.c_str()) == SSH_OK)
        ssh_channel_send_eof(kill.get());
}

} // namespace

CommandResult SshHost::run(const std::string &command, const std::string &stdinData, int timeoutS)
{
    connect();
    checkCancelled("starting a command");
    const int limit = std::max(timeoutS, 1);
    // `exec` keeps the login shell's pid for timeout, which puts the command in a process group
    // of its own and kills that whole group at the limit.
    const std::string wrapped = "echo " + std::string(pidMarker)
                                + "$$ >&2; exec timeout --kill-after=" + std::to_string(killAfterS)
                                + " " + std::to_string(limit) + " sh -c " + shellQuote(command);

    Channel channel(mSession);
    ssh_channel ch = channel.get();
    const auto lost = [&](const char *during) {
        const std::string error = lastError();
        const std::string who = endpoint();
        channel.drop();
        disconnect(); // the next operation connects again
        fail("the connection to " + who + " failed while " + during + ": " + error,
             "check that the host is up and reachable; the command may or may not have run");
    };
    if (!ch || withoutBlocking([&] { return ssh_channel_open_session(ch); }) != SSH_OK) {
        checkCancelled("opening a channel");
        lost("opening a channel");
    }
    if (withoutBlocking([&] { return ssh_channel_request_exec(ch, wrapped.c_str()); }) != SSH_OK) {
        checkCancelled("starting a command");
        lost("starting a command");
    }

    const auto start = Clock::now();
    const auto deadline = start + std::chrono::seconds(limit + killAfterS + deadlineMarginS);
    CommandResult result;
    long pid = 0;
    std::string buffer(64 * 1024, '\0');
    const auto readStderr = [&](int timeoutMs) {
        int n = ssh_channel_read_timeout(ch, buffer.data(), static_cast<uint32_t>(buffer.size()), 1,
                                         timeoutMs);
        while (n > 0) {
            result.err.append(buffer.data(), static_cast<std::size_t>(n));
            n = ssh_channel_read_nonblocking(ch, buffer.data(),
                                             static_cast<uint32_t>(buffer.size()), 1);
        }
        if (n == SSH_ERROR)
            lost("reading a command's output");
        if (pid == 0)
            pid = takePid(result.err);
    };
    const auto cancelled = [&] {
        return mOptions.cancel && mOptions.cancel->load();
    };
    const auto stop = [&] {
        // The pid comes first thing; a cancel right after the start waits a moment for it.
        for (const auto until = Clock::now() + milliseconds(500);
             pid == 0 && Clock::now() < until && !ssh_channel_is_eof(ch);)
            readStderr(50);
        stopRemote(mSession, pid);
    };
    const auto giveUp = [&] {
        stop();
        result.exitStatus = -1;
        result.timedOut = true;
        return std::move(result);
    };

    std::size_t written = 0;
    bool eofSent = false;
    for (;;) {
        if (cancelled()) {
            stop();
            fail("cancelled while running a command");
        }
        if (Clock::now() > deadline)
            return giveUp();

        if (!eofSent) {
            // Only what the remote window takes, so a command that reads slowly never blocks us.
            const std::size_t room
                = std::min<std::size_t>(stdinData.size() - written, ssh_channel_window_size(ch));
            if (room > 0) {
                const int n = ssh_channel_write(ch, stdinData.data() + written,
                                                static_cast<uint32_t>(room));
                if (n < 0)
                    written = stdinData.size(); // the command closed its input: nothing to feed
                else
                    written += static_cast<std::size_t>(n);
            }
            if (written == stdinData.size()) {
                ssh_channel_send_eof(ch);
                eofSent = true;
            }
        }

        const int n = ssh_channel_read_timeout(
            ch, buffer.data(), static_cast<uint32_t>(buffer.size()), 0, eofSent ? sliceMs : 10);
        if (n == SSH_ERROR)
            lost("reading a command's output");
        if (n > 0)
            result.out.append(buffer.data(), static_cast<std::size_t>(n));
        readStderr(0);
        if (result.out.size() + result.err.size() > maxOutputBytes) {
            stop();
            fail("a command wrote more than " + std::to_string(maxOutputBytes >> 20)
                     + " MiB of output; it was stopped",
                 "write large results to a file on the host and read that instead");
        }
        if (ssh_channel_is_eof(ch))
            break;
    }

    // The exit status follows the end of the output. Waiting for it in blocking mode could last
    // forever, so look without blocking and wait on the socket in slices.
    int status = -1;
    ssh_set_blocking(mSession, 0);
    for (;;) {
        status = ssh_channel_get_exit_status(ch);
        if (status != -1 || ssh_channel_is_closed(ch) || cancelled() || Clock::now() > deadline)
            break;
        pollfd socket{ssh_get_fd(mSession), POLLIN, 0};
        poll(&socket, 1, sliceMs);
    }
    ssh_set_blocking(mSession, 1);
    if (status == -1 && cancelled()) {
        stop();
        fail("cancelled while running a command");
    }
    if (status == -1 && Clock::now() > deadline)
        return giveUp();

    result.exitStatus = status;
    const bool ranToLimit = Clock::now() - start >= std::chrono::seconds(limit);
    // 124: timeout stopped it with TERM; 137 (KILL) after the limit: it ignored TERM.
    result.timedOut = status == 124 || (status == 137 && ranToLimit);
    return result;
}

} // namespace topolab::core
