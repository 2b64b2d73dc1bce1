#include "knownhosts.h"

#include <libssh/libssh.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <pwd.h>
#include <sstream>
#include <unistd.h>

namespace topolab::core {

namespace {

struct KeyFree
{
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using KeyPtr = std::unique_ptr<ssh_key_struct, KeyFree>;

// "type base64 [comment]" → type and base64, or false.
bool splitPublicKey(std::string_view publicKey, std::string *type, std::string *base64)
{
    std::istringstream words{std::string(publicKey)};
    return static_cast<bool>(words >> *type >> *base64);
}

KeyPtr importPublicKey(std::string_view publicKey, std::string *typeName = nullptr)
{
    std::string type;
    std::string base64;
    if (!splitPublicKey(publicKey, &type, &base64))
        return nullptr;
    const ssh_keytypes_e keyType = ssh_key_type_from_name(type.c_str());
    if (keyType == SSH_KEYTYPE_UNKNOWN)
        return nullptr;
    ssh_key key = nullptr;
    if (ssh_pki_import_pubkey_base64(base64.c_str(), keyType, &key) != SSH_OK)
        return nullptr;
    if (typeName)
        *typeName = type;
    return KeyPtr(key);
}

std::string fingerprintOf(ssh_key key)
{
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != SSH_OK)
        return {};
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    ssh_clean_pubkey_hash(&hash);
    if (!text)
        return {};
    std::string fingerprint(text);
    ssh_string_free_char(text);
    // OpenSSH prints the base64 without its '=' padding.
    while (!fingerprint.empty() && fingerprint.back() == '=')
        fingerprint.pop_back();
    return fingerprint;
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool base64Char(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/';
}

// OpenSSH's SHA256 form with the padding taken off, or empty when `text` is not one.
std::string normalFingerprint(std::string_view text)
{
    constexpr std::string_view prefix = "SHA256:";
    if (text.size() < prefix.size()
        || lower(std::string(text.substr(0, prefix.size()))) != lower(std::string(prefix)))
        return {};
    std::string body(text.substr(prefix.size()));
    while (!body.empty() && body.back() == '=')
        body.pop_back();
    // 32 bytes of hash are 43 base64 characters.
    if (body.size() != 43 || !std::all_of(body.begin(), body.end(), base64Char))
        return {};
    return std::string(prefix) + body;
}

bool parsePort(std::string_view text, int *port)
{
    if (text.empty() || text.size() > 5
        || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    *port = std::stoi(std::string(text));
    return *port >= 1 && *port <= 65535;
}

} // namespace

std::string hostKeyFile(std::string_view keyType)
{
    std::string stem = "ed25519";
    if (keyType.starts_with("ecdsa"))
        stem = "ecdsa";
    else if (keyType.find("rsa") != std::string_view::npos)
        stem = "rsa";
    return "/etc/ssh/ssh_host_" + stem + "_key.pub";
}

std::string defaultKnownHostsPath()
{
    // TOPOLAB_KNOWN_HOSTS names another file for every run of the CLI and the GUI alike.
    if (const char *file = std::getenv("TOPOLAB_KNOWN_HOSTS"); file && file[0])
        return file;
    const char *config = std::getenv("XDG_CONFIG_HOME");
    if (config && config[0] == '/')
        return std::string(config) + "/topolab/known_hosts";
    std::string home;
    if (const char *env = std::getenv("HOME"); env && env[0] == '/')
        home = env;
    else if (const passwd *user = getpwuid(getuid()); user && user->pw_dir)
        home = user->pw_dir;
    return home + "/.config/topolab/known_hosts";
}

std::string knownHostsName(const std::string &host, int port)
{
    if (port == 22)
        return host;
    return "[" + host + "]:" + std::to_string(port);
}

std::string publicKeyFingerprint(std::string_view publicKey)
{
    const KeyPtr key = importPublicKey(publicKey);
    return key ? fingerprintOf(key.get()) : std::string();
}

std::string publicKeyType(std::string_view publicKey)
{
    std::string type;
    return importPublicKey(publicKey, &type) ? type : std::string();
}

std::vector<KnownHostKey> knownHostKeys(const std::string &knownHostsPath, const std::string &host,
                                        int port)
{
    std::vector<KnownHostKey> keys;
    std::ifstream file(knownHostsPath);
    const std::string name = knownHostsName(host, port);
    std::string line;
    for (int number = 1; std::getline(file, line); ++number) {
        if (line.empty() || line[0] == '#')
            continue;
        ssh_knownhosts_entry *entry = nullptr;
        if (ssh_known_hosts_parse_line(name.c_str(), line.c_str(), &entry) != SSH_OK || !entry)
            continue;
        keys.push_back({ssh_key_type_to_char(ssh_key_type(entry->publickey)),
                        fingerprintOf(entry->publickey), number});
        ssh_knownhosts_entry_free(entry);
    }
    return keys;
}

std::string addKnownHost(const std::string &knownHostsPath, const std::string &host, int port,
                         std::string_view publicKey)
{
    std::string type;
    std::string base64;
    const std::string fingerprint = publicKeyFingerprint(publicKey);
    if (fingerprint.empty() || !splitPublicKey(publicKey, &type, &base64))
        return "not a public key (expected \"type base64\", the text of a .pub file)";
    for (const KnownHostKey &known : knownHostKeys(knownHostsPath, host, port)) {
        if (known.fingerprint == fingerprint)
            return {};
    }

    namespace fs = std::filesystem;
    const fs::path directory = fs::path(knownHostsPath).parent_path();
    std::error_code error;
    if (!directory.empty() && !fs::exists(directory, error)) {
        fs::create_directories(directory, error);
        if (error)
            return "cannot create " + directory.string() + ": " + error.message();
        fs::permissions(directory, fs::perms::owner_all, error);
    }
    bool needsNewline = false;
    if (std::ifstream existing(knownHostsPath, std::ios::binary | std::ios::ate);
        existing && existing.tellg() > 0) {
        existing.seekg(-1, std::ios::end);
        needsNewline = existing.get() != '\n';
    }
    std::ofstream file(knownHostsPath, std::ios::app | std::ios::binary);
    file << (needsNewline ? "\n" : "") << knownHostsName(host, port) << ' ' << type << ' ' << base64
         << '\n';
    file.close();
    if (!file)
        return "cannot write " + knownHostsPath;
    return {};
}

std::string HostTrust::add(std::string_view argument)
{
    const std::size_t equals = argument.find('=');
    if (equals == std::string_view::npos)
        return "expected HOST=SHA256:… or HOST:PORT=SHA256:…, got \"" + std::string(argument)
               + "\"";
    const std::string_view target = argument.substr(0, equals);
    const std::string_view fingerprint = argument.substr(equals + 1);
    std::string host;
    int port = 0;
    if (target.starts_with('[')) {
        const std::size_t close = target.find(']');
        if (close == std::string_view::npos)
            return "\"" + std::string(target) + "\" lacks its closing ']'";
        host = target.substr(1, close - 1);
        const std::string_view rest = target.substr(close + 1);
        if (!rest.empty() && (!rest.starts_with(':') || !parsePort(rest.substr(1), &port)))
            return "\"" + std::string(target) + "\": expected [ADDRESS]:PORT";
    } else if (const std::size_t colon = target.find(':');
               colon != std::string_view::npos
               && target.find(':', colon + 1) == std::string_view::npos) {
        host = target.substr(0, colon);
        if (!parsePort(target.substr(colon + 1), &port))
            return "\"" + std::string(target) + "\": the port must be a number from 1 to 65535";
    } else {
        host = target; // a name, an IPv4 address or a bare IPv6 address
    }
    if (host.empty())
        return "\"" + std::string(argument) + "\" names no host";
    return add(host, port, fingerprint);
}

std::string HostTrust::add(const std::string &host, int port, std::string_view fingerprint)
{
    const std::string normal = normalFingerprint(fingerprint);
    if (normal.empty())
        return "\"" + std::string(fingerprint)
               + "\" is not a SHA256 fingerprint: expected SHA256: and 43 characters, as "
                 "`ssh-keygen -lf` prints it";
    mEntries[{lower(host), port}] = normal;
    return {};
}

const std::string *HostTrust::find(const std::string &host, int port) const
{
    const std::string name = lower(host);
    if (auto it = mEntries.find({name, port}); it != mEntries.end())
        return &it->second;
    if (auto it = mEntries.find({name, 0}); it != mEntries.end())
        return &it->second;
    return nullptr;
}

} // namespace topolab::core
