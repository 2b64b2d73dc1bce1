#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace topolab::core {

// The known_hosts file Topolab reads and writes, never the user's ~/.ssh/known_hosts:
// $XDG_CONFIG_HOME/topolab/known_hosts, else ~/.config/topolab/known_hosts. A session may name
// another file (SshOptions::knownHostsPath), as tests do. A missing file knows no host.
std::string defaultKnownHostsPath();

// How known_hosts names a host, as OpenSSH writes it: "host" on port 22, "[host]:port" otherwise.
std::string knownHostsName(const std::string &host, int port);

// The SHA256 fingerprint of a public key in OpenSSH's form ("SHA256:" and base64 without
// padding, as `ssh-keygen -lf` prints it). `publicKey` is "type base64 [comment]", the text of a
// .pub file. Empty when it is not a public key.
std::string publicKeyFingerprint(std::string_view publicKey);

// The key type ("ssh-ed25519") of a public key given as for publicKeyFingerprint; empty if none.
std::string publicKeyType(std::string_view publicKey);

// Where sshd keeps the public half of a host key of `keyType` ("ssh-ed25519":
// /etc/ssh/ssh_host_ed25519_key.pub), for the administrator to read its fingerprint with
// `ssh-keygen -lf`.
std::string hostKeyFile(std::string_view keyType);

// A key a known_hosts file holds for one host.
struct KnownHostKey
{
    std::string type;        // "ssh-ed25519"
    std::string fingerprint; // "SHA256:…"
    int line = 0;            // 1-based, for "remove line N"
};

// The keys `knownHostsPath` holds for host:port (hashed host names included).
std::vector<KnownHostKey> knownHostKeys(const std::string &knownHostsPath, const std::string &host,
                                        int port);

// Pins `publicKey` ("type base64 [comment]", such as a host's ssh_host_ed25519_key.pub) for
// host:port in `knownHostsPath`, creating the file and its directory (mode 0700) if needed. For
// keys known ahead of a first connection; an already pinned key is not written twice. Returns an
// error message, else empty.
std::string addKnownHost(const std::string &knownHostsPath, const std::string &host, int port,
                         std::string_view publicKey);

// Host keys the user vouched for before connecting (`--trust HOST=SHA256:…`, or the GUI's host
// key dialog): an unknown host key is accepted only if it has exactly the fingerprint given for
// its host, and is then stored in the known_hosts file. Trust never overrides a changed key.
class HostTrust
{
public:
    // Adds "HOST=SHA256:…", "HOST:PORT=SHA256:…" or "[IPV6]:PORT=SHA256:…" (a bare IPv6
    // address takes no port). Without a port, the fingerprint holds for every port of the host.
    // Returns an error message saying what is wrong with `argument`, else empty.
    std::string add(std::string_view argument);
    // Adds a fingerprint for host:port; port 0 stands for every port. The fingerprint must be in
    // OpenSSH's SHA256 form; returns an error message, else empty.
    std::string add(const std::string &host, int port, std::string_view fingerprint);

    // The fingerprint vouched for at host:port: an entry for that port, else one for every port;
    // nullptr when there is none.
    const std::string *find(const std::string &host, int port) const;
    bool empty() const { return mEntries.empty(); }

private:
    std::map<std::pair<std::string, int>, std::string> mEntries;
};

} // namespace topolab::core
