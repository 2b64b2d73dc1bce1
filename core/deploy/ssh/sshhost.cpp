#include "sshhost.h"

#include "core/deploy/ssh/hostkeyerrors.h"

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>

namespace topolab::core {

// libssh's callback table for one session. Its only job: answer every passphrase prompt with a
// refusal, so an encrypted key never makes OpenSSL ask on a terminal.
struct SshHost::Callbacks
{
    ssh_callbacks_struct table{};
    bool passphraseAsked = false;
};

namespace {

int refusePassphrase(const char *, char *, size_t, int, int, void *userdata)
{
    if (userdata)
        static_cast<bool *>(userdata)[0] = true;
    return SSH_ERROR;
}

bool agentAvailable()
{
    const char *socket = std::getenv("SSH_AUTH_SOCK");
    return socket && socket[0];
}

// "type base64" of a key's public half, for fingerprints.
std::string publicKeyText(ssh_key key)
{
    char *base64 = nullptr;
    if (ssh_pki_export_pubkey_base64(key, &base64) != SSH_OK || !base64)
        return {};
    std::string text = std::string(ssh_key_type_to_char(ssh_key_type(key))) + " " + base64;
    ssh_string_free_char(base64);
    return text;
}

std::string hostPort(const std::string &address, int port)
{
    const bool v6 = address.find(':') != std::string::npos;
    return (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

} // namespace

SshHost::SshHost(SshOptions options)
    : mOptions(std::move(options))
    , mName(mOptions.hostId.empty() ? mOptions.address : mOptions.hostId)
    , mKnownHostsPath(mOptions.knownHostsPath.empty() ? defaultKnownHostsPath()
                                                      : mOptions.knownHostsPath)
    , mCallbacks(std::make_unique<Callbacks>())
{
}

SshHost::~SshHost()
{
    disconnect();
}

void SshHost::disconnect()
{
    if (mSftp) {
        sftp_free(mSftp);
        mSftp = nullptr;
    }
    if (mSession) {
        ssh_disconnect(mSession);
        ssh_free(mSession);
        mSession = nullptr;
    }
}

std::string SshHost::endpoint() const
{
    std::string user = mOptions.user;
    if (user.empty() && mSession) {
        char *name = nullptr;
        if (ssh_options_get(mSession, SSH_OPTIONS_USER, &name) == SSH_OK && name) {
            user = name;
            ssh_string_free_char(name);
        }
    }
    return (user.empty() ? std::string() : user + "@") + hostPort(mOptions.address, mOptions.port);
}

std::string SshHost::lastError() const
{
    return mSession ? ssh_get_error(mSession) : std::string();
}

void SshHost::fail(const std::string &message, const std::string &hint)
{
    throw DeployError(mName, message, hint);
}

void SshHost::checkCancelled(const char *during)
{
    if (mOptions.cancel && mOptions.cancel->load())
        fail(std::string("cancelled while ") + during);
}

void SshHost::connect()
{
    if (mSession && ssh_is_connected(mSession))
        return;
    disconnect(); // a session the host has closed meanwhile
    checkCancelled("connecting");
    const std::string &address = mOptions.address;
    if (address.empty() || address.find_first_of("@ \t\r\n/") != std::string::npos)
        fail("\"" + address + "\" is not a host name or an IP address",
             "set the host's address in the inventory");
    if (mOptions.port < 1 || mOptions.port > 65535)
        fail("port " + std::to_string(mOptions.port) + " is not a TCP port",
             "set a port from 1 to 65535 in the inventory");

    mSession = ssh_new();
    if (!mSession)
        fail("cannot create an SSH session (out of memory)");
    try {
        const long timeout = std::max(mOptions.connectTimeoutS, 1);
        const int port = mOptions.port;
        const bool processConfig = false;
        const int noDelay = 1; // without it, every SFTP write waits for a delayed ACK
        ssh_options_set(mSession, SSH_OPTIONS_HOST, address.c_str());
        ssh_options_set(mSession, SSH_OPTIONS_PORT, &port);
        if (!mOptions.user.empty())
            ssh_options_set(mSession, SSH_OPTIONS_USER, mOptions.user.c_str());
        ssh_options_set(mSession, SSH_OPTIONS_TIMEOUT, &timeout);
        ssh_options_set(mSession, SSH_OPTIONS_KNOWNHOSTS, mKnownHostsPath.c_str());
        ssh_options_set(mSession, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
        ssh_options_set(mSession, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
        ssh_options_set(mSession, SSH_OPTIONS_NODELAY, &noDelay);

        mCallbacks->table = {};
        mCallbacks->table.userdata = &mCallbacks->passphraseAsked;
        mCallbacks->table.auth_function = refusePassphrase;
        ssh_callbacks_init(&mCallbacks->table);
        ssh_set_callbacks(mSession, &mCallbacks->table);

        if (const int rc = handshake(); rc != SSH_OK) {
            if (rc == SSH_AGAIN)
                fail("no SSH server answered at " + hostPort(address, mOptions.port) + " within "
                         + std::to_string(timeout) + " s",
                     "check the address and port in the inventory: something accepts connections "
                     "there but does not speak SSH, or the host is slow or unreachable");
            fail("cannot connect to " + hostPort(address, mOptions.port) + ": " + lastError(),
                 "check the address and port in the inventory, that sshd runs on the host and "
                 "that no firewall blocks the port");
        }
        checkCancelled("connecting");
        verifyHostKey();
        checkCancelled("logging in");
        authenticate();
    } catch (...) {
        disconnect();
        throw;
    }
}

int SshHost::handshake()
{
    // In slices, so that a cancel is seen while a host is slow to answer.
    const int rc = withoutBlocking([this] { return ssh_connect(mSession); });
    checkCancelled("connecting");
    return rc;
}

void SshHost::verifyHostKey()
{
    const std::string where = hostPort(mOptions.address, mOptions.port);
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(mSession, &key) != SSH_OK || !key)
        fail(where + " sent no host key: " + lastError());
    const std::string offeredText = publicKeyText(key);
    ssh_key_free(key);
    const std::string offered = publicKeyFingerprint(offeredText);
    const std::string type = publicKeyType(offeredText);

    const ssh_known_hosts_e state = ssh_session_is_known_server(mSession);
    if (state == SSH_KNOWN_HOSTS_OK)
        return;

    if (state == SSH_KNOWN_HOSTS_UNKNOWN || state == SSH_KNOWN_HOSTS_NOT_FOUND) {
        const std::string trustArgument = where + "=" + offered;
        const std::string *vouched = mOptions.trust.find(mOptions.address, mOptions.port);
        if (!vouched)
            throw HostKeyUnknown(
                mName,
                "the host key of " + where + " is not known yet: " + type + " " + offered
                    + "; nothing was sent to the host",
                "ask the host's administrator for its key fingerprint (on the host: ssh-keygen -lf "
                    + hostKeyFile(type) + "); if it is " + offered + ", trust it with --trust "
                    + trustArgument,
                offered, type, mOptions.address, mOptions.port);
        if (*vouched != offered)
            throw HostKeyUnknown(mName,
                                 "the host key of " + where + " is " + type + " " + offered
                                     + ", not the " + *vouched
                                     + " it was trusted with; nothing was sent to the host",
                                 "check the fingerprint with the host's administrator: another "
                                 "machine may be answering at this address",
                                 offered, type, mOptions.address, mOptions.port);
        std::error_code error;
        const std::filesystem::path directory
            = std::filesystem::path(mKnownHostsPath).parent_path();
        if (!directory.empty() && !std::filesystem::exists(directory, error)) {
            std::filesystem::create_directories(directory, error);
            std::filesystem::permissions(directory, std::filesystem::perms::owner_all, error);
        }
        if (ssh_session_update_known_hosts(mSession) != SSH_OK)
            fail("cannot store the trusted host key of " + where + " in " + mKnownHostsPath + ": "
                     + lastError(),
                 "check that the file and its directory are writable");
        return;
    }

    if (state == SSH_KNOWN_HOSTS_CHANGED || state == SSH_KNOWN_HOSTS_OTHER) {
        const std::vector<KnownHostKey> stored
            = knownHostKeys(mKnownHostsPath, mOptions.address, mOptions.port);
        std::string held;
        for (const KnownHostKey &known : stored) {
            held += (held.empty() ? "" : ", ") + known.type + " " + known.fingerprint + " (line "
                    + std::to_string(known.line) + ")";
        }
        const std::string name = knownHostsName(mOptions.address, mOptions.port);
        throw HostKeyChanged(
            mName,
            "the host key of " + where + " has CHANGED: " + mKnownHostsPath + " holds "
                + (held.empty() ? "another key" : held) + ", the host offers " + type + " "
                + offered
                + ". Another machine may be answering at this address; nothing was sent to it",
            "ask the host's administrator whether its key was replaced; only if so, remove the old "
            "line (ssh-keygen -R '"
                + name + "' -f '" + mKnownHostsPath + "') and trust the new key",
            stored.empty() ? std::string() : stored.front().fingerprint, offered);
    }
    fail("cannot check the host key of " + where + " against " + mKnownHostsPath + ": "
             + lastError(),
         "check that the known_hosts file is readable and well formed");
}

// OpenSSH sends its host keys unasked right after the login and holds its answer to our first
// channel (Nagle: it turns NODELAY on only for a terminal) until that message is acknowledged,
// which a delayed ACK does 40 ms later. Acknowledging what has arrived at once ends the wait.
void SshHost::acknowledgeAtOnce()
{
    const int one = 1;
    const int fd = ssh_get_fd(mSession);
    if (fd != SSH_INVALID_SOCKET)
        setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
}

int SshHost::withoutBlocking(const std::function<int()> &step)
{
    const auto deadline = std::chrono::steady_clock::now()
                          + std::chrono::seconds(std::max(mOptions.connectTimeoutS, 1));
    ssh_set_blocking(mSession, 0);
    int rc = SSH_AGAIN;
    while ((rc = step()) == SSH_AGAIN) {
        if ((mOptions.cancel && mOptions.cancel->load())
            || std::chrono::steady_clock::now() >= deadline)
            break;
        pollfd socket{ssh_get_fd(mSession), POLLIN, 0};
        poll(&socket, 1, 50);
        acknowledgeAtOnce();
    }
    ssh_set_blocking(mSession, 1);
    return rc;
}

void SshHost::authenticate()
{
    const std::string who = endpoint();
    const std::string &keyFile = mOptions.keyFile;
    if (!keyFile.empty()) {
        ssh_key key = nullptr;
        mCallbacks->passphraseAsked = false;
        const int imported = ssh_pki_import_privkey_file(keyFile.c_str(), nullptr, refusePassphrase,
                                                         &mCallbacks->passphraseAsked, &key);
        if (imported != SSH_OK) {
            if (!mCallbacks->passphraseAsked)
                fail("cannot read the key file " + keyFile
                         + ": it does not exist, is not readable or is not a private key",
                     "check key_file of this host in the inventory");
            // Encrypted: the agent may hold it, since it is never decrypted here.
            if (agentAvailable() && ssh_userauth_agent(mSession, nullptr) == SSH_AUTH_SUCCESS)
                return;
            fail("the key file " + keyFile + " is protected by a passphrase, and "
                     + (agentAvailable() ? "ssh-agent holds no key " + who + " accepts"
                                         : std::string("no ssh-agent runs (SSH_AUTH_SOCK is not "
                                                       "set)")),
                 "load the key into ssh-agent (ssh-add " + keyFile
                     + ") and try again; passphrases are never asked for");
        }
        const std::string fingerprint = publicKeyFingerprint(publicKeyText(key));
        const int rc = ssh_userauth_publickey(mSession, nullptr, key);
        ssh_key_free(key);
        if (rc == SSH_AUTH_SUCCESS)
            return;
        if (rc == SSH_AUTH_ERROR)
            fail("the connection to " + who + " failed while logging in: " + lastError());
        fail(who + " refused the key " + keyFile + " (" + fingerprint + ")",
             "check the user name, and that the key's public half (" + keyFile
                 + ".pub) is in the user's ~/.ssh/authorized_keys on the host");
    }

    const int rc = ssh_userauth_publickey_auto(mSession, nullptr, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return;
    if (rc == SSH_AUTH_ERROR)
        fail("the connection to " + who + " failed while logging in: " + lastError());
    if (!agentAvailable())
        fail("no key to log in to " + who
                 + " with: the host has no key file in the inventory, no ssh-agent runs "
                   "(SSH_AUTH_SOCK is not set) and ~/.ssh holds no key the host accepts",
             "set key_file for this host in the inventory, or start ssh-agent and add the key "
             "with ssh-add");
    fail(who + " refused every key of ssh-agent and of ~/.ssh",
         "check the user name, and that the public half of one of these keys is in the user's "
         "~/.ssh/authorized_keys on the host; or set key_file for this host in the inventory");
}

} // namespace topolab::core
