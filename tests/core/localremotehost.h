#pragma once

// A RemoteHost that runs commands on this machine, so the plan and apply logic can be tested
// without an SSH server: the same shell, the same `timeout` wrapper, the same file modes, and,
// given a cancel flag, the same prompt stop SshHost makes (the command's processes killed).

#include "core/deploy/remotehost.h"
#include "core/deploy/shellquote.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace topolab::testing {

class LocalRemoteHost : public core::RemoteHost
{
public:
    explicit LocalRemoteHost(std::string name)
        : mName(std::move(name))
    {
    }

    const std::string &name() const override { return mName; }
    int commands = 0;
    int uploads = 0;
    // Makes every later call fail as a dropped connection would.
    bool dropped = false;
    // Set from any thread: the command running is killed and this call and every later one
    // fail, as SshHost's do (SshOptions::cancel).
    std::atomic<bool> *cancel = nullptr;

    core::CommandResult run(const std::string &command, const std::string &stdinData,
                            int timeoutS) override
    {
        if (dropped)
            throw core::DeployError(mName, "connection lost");
        if (cancelled())
            throw core::DeployError(mName, "cancelled while running a command");
        ++commands;
        int in[2], out[2], err[2];
        if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0)
            throw core::DeployError(mName, "pipe failed");
        const std::string seconds = std::to_string(timeoutS);
        const pid_t pid = fork();
        if (pid == 0) {
            setpgid(0, 0); // its own group, for a cancel to kill all of it
            dup2(in[0], 0);
            dup2(out[1], 1);
            dup2(err[1], 2);
            for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]})
                close(fd);
            // `timeout` itself, not through a shell: it leads the group a cancel kills.
            execlp("timeout", "timeout", "--kill-after=5", seconds.c_str(), "sh", "-c",
                   command.c_str(), static_cast<char *>(nullptr));
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        close(err[1]);
        std::size_t written = 0;
        while (written < stdinData.size()) {
            const ssize_t n = write(in[1], stdinData.data() + written, stdinData.size() - written);
            if (n <= 0)
                break;
            written += static_cast<std::size_t>(n);
        }
        close(in[1]);
        core::CommandResult result;
        pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
        int open = 2;
        char buffer[65536];
        bool stopped = false;
        while (open > 0) {
            if (cancelled()) {
                kill(-pid, SIGKILL);
                stopped = true;
            }
            if (poll(fds, 2, cancel ? 50 : -1) < 0 && errno != EINTR)
                break;
            for (int i = 0; i < 2; ++i) {
                if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
                if (n <= 0) {
                    close(fds[i].fd);
                    fds[i].fd = -1;
                    --open;
                } else {
                    (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
                }
            }
        }
        int status = 0;
        waitpid(pid, &status, 0);
        result.exitStatus = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        result.timedOut = result.exitStatus == 124;
        if (stopped)
            throw core::DeployError(mName, "cancelled while running a command");
        return result;
    }

    void upload(const std::string &path, const std::string &content, unsigned mode) override
    {
        if (dropped)
            throw core::DeployError(mName, "connection lost");
        if (cancelled())
            throw core::DeployError(mName, "cancelled while uploading " + path);
        ++uploads;
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, mode);
        if (fd < 0)
            throw core::DeployError(mName, "cannot open " + path);
        fchmod(fd, mode);
        const bool ok = write(fd, content.data(), content.size())
                        == static_cast<ssize_t>(content.size());
        close(fd);
        if (!ok)
            throw core::DeployError(mName, "cannot write " + path);
    }

private:
    bool cancelled() const { return cancel && cancel->load(); }

    std::string mName;
};

} // namespace topolab::testing
