#pragma once

#include "core/deploy/remotehost.h"

#include <string>

namespace topolab::core {

// A host offered a key that the known_hosts file does not hold and no trust entry vouches for.
// Carries what the user needs to check it with the host's administrator and trust it.
class HostKeyUnknown : public DeployError
{
public:
    HostKeyUnknown(std::string host, const std::string &message, std::string hint,
                   std::string fingerprint, std::string keyType, std::string address, int port)
        : DeployError(std::move(host), message, std::move(hint))
        , mFingerprint(std::move(fingerprint))
        , mKeyType(std::move(keyType))
        , mAddress(std::move(address))
        , mPort(port)
    {
    }
    const std::string &fingerprint() const { return mFingerprint; } // "SHA256:…"
    const std::string &keyType() const { return mKeyType; }         // "ssh-ed25519"
    const std::string &address() const { return mAddress; }
    int port() const { return mPort; }

private:
    std::string mFingerprint;
    std::string mKeyType;
    std::string mAddress;
    int mPort;
};

// A host offered a key other than the one the known_hosts file holds for it (or of another type):
// always refused, whatever the trust list says, since it may be someone else answering.
class HostKeyChanged : public DeployError
{
public:
    HostKeyChanged(std::string host, const std::string &message, std::string hint,
                   std::string storedFingerprint, std::string offeredFingerprint)
        : DeployError(std::move(host), message, std::move(hint))
        , mStored(std::move(storedFingerprint))
        , mOffered(std::move(offeredFingerprint))
    {
    }
    // Empty when not known (a known_hosts entry libssh could not read).
    const std::string &storedFingerprint() const { return mStored; }
    const std::string &offeredFingerprint() const { return mOffered; }

private:
    std::string mStored;
    std::string mOffered;
};

} // namespace topolab::core
