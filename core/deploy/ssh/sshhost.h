#pragma once

#include "core/deploy/remotehost.h"
#include "core/deploy/ssh/knownhosts.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

struct ssh_session_struct;
struct sftp_session_struct;

namespace topolab::core {

// Where and how to reach one host over SSH.
struct SshOptions
{
    std::string hostId;  // the deploy.hosts entry; names the host in every error (else address)
    std::string address; // host name or IP address
    int port = 22;
    std::string user;         // empty: the local user's name
    std::string keyFile;      // private key; empty: the keys ssh-agent holds (or ~/.ssh's defaults)
    int connectTimeoutS = 10; // for the TCP connection, the SSH handshake and the login
    std::string knownHostsPath;          // empty: defaultKnownHostsPath()
    HostTrust trust;                     // fingerprints the user vouched for (unknown keys only)
    std::atomic<bool> *cancel = nullptr; // set from any thread to stop the current operation
};

// A RemoteHost over one libssh session: strict host key checking against Topolab's own
// known_hosts file, public key authentication only (a key file or ssh-agent, never a password),
// commands on exec channels under `timeout`, files over one SFTP session. Connects on first use
// (or connect()), and again after the connection was lost; owns the session and the SFTP
// session. One thread at a time; only the cancel flag may be touched from elsewhere.
class SshHost : public RemoteHost
{
public:
    explicit SshHost(SshOptions options);
    ~SshHost() override;
    SshHost(const SshHost &) = delete;
    SshHost &operator=(const SshHost &) = delete;

    const std::string &name() const override { return mName; }
    const SshOptions &options() const { return mOptions; }

    // Connects, checks the host key and logs in. Throws HostKeyUnknown, HostKeyChanged or
    // DeployError (unreachable, no SSH server, login denied, cancelled).
    void connect();
    bool connected() const { return mSession != nullptr; }
    void disconnect();

    // The remote command runs as `timeout --kill-after=5 timeoutS sh -c command`, so it stops
    // even when this side gives up; exit status 124 reports timedOut. Output beyond 64 MiB is
    // an error.
    CommandResult run(const std::string &command, const std::string &stdinData = {},
                      int timeoutS = 60) override;
    // SFTP: created (or truncated) with `mode` before any byte is written.
    void upload(const std::string &path, const std::string &content, unsigned mode) override;

    static constexpr std::size_t maxOutputBytes = 64u << 20;

private:
    // ssh_connect: SSH_OK, SSH_AGAIN when the host did not answer in time, else SSH_ERROR.
    int handshake();
    void verifyHostKey();
    void authenticate();
    void acknowledgeAtOnce();
    // Repeats a libssh step that waits for the host until it is done, polling the socket in
    // slices: SSH_OK, SSH_ERROR, or SSH_AGAIN when cancelled or the host took longer than the
    // connect timeout.
    int withoutBlocking(const std::function<int()> &step);
    void openSftp();
    void checkCancelled(const char *during);
    [[noreturn]] void fail(const std::string &message, const std::string &hint = {});
    std::string endpoint() const; // "user@address:port"
    std::string lastError() const;

    SshOptions mOptions;
    std::string mName;
    std::string mKnownHostsPath;
    ssh_session_struct *mSession = nullptr;
    sftp_session_struct *mSftp = nullptr;
    struct Callbacks;
    std::unique_ptr<Callbacks> mCallbacks; // libssh's callback table for mSession
};

// Replaces `path` on `host` in one step: uploads `path.tmp` (created with `mode`) beside it,
// then `mv -f -- path.tmp path`. Readers see the old file or the new one, never a part.
void replaceAtomically(RemoteHost &host, const std::string &path, const std::string &content,
                       unsigned mode);

} // namespace topolab::core
