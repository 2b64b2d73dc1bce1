#pragma once

#include <map>
#include <string>

namespace topolab::core {

// Passwords and credentials a deploy needs and a topology file must never hold (replication
// passwords, object storage keys). Kept in a YAML file of mode 0600 beside the topology:
// `shop.topolab.yaml` → `shop.topolab.secrets.yaml`.
class SecretStore
{
public:
    // The secret `name`; a new random one (32 letters and digits) when there is none yet, so
    // the caller must save the store afterwards.
    const std::string &get(const std::string &name);
    // The secret `name` when it is set; nullptr otherwise (for values only a user can give,
    // such as object storage keys).
    const std::string *find(const std::string &name) const;
    void set(const std::string &name, std::string value);
    const std::map<std::string, std::string> &all() const { return mValues; }
    bool changed() const { return mChanged; }

    // The path of the secrets file of `topologyPath`.
    static std::string pathFor(const std::string &topologyPath);
    // Reads `path`; a missing file is an empty store. Returns an error message naming the file
    // (and line:col for malformed YAML, or a mode that lets others read it), else empty.
    std::string load(const std::string &path);
    // Writes atomically, created with mode 0600. Returns an error message, else empty.
    std::string save(const std::string &path);

private:
    std::map<std::string, std::string> mValues;
    bool mChanged = false;
};

} // namespace topolab::core
