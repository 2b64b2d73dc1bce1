#pragma once

// A port on 127.0.0.1 that accepts connections (the kernel completes the TCP handshake) but
// never answers: no SSH banner ever comes, as from a host that is slow or not an SSH server.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

class SilentPort
{
public:
    SilentPort()
        : mFd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(mFd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
            && ::listen(mFd, 8) == 0
            && ::getsockname(mFd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
            mPort = ntohs(address.sin_port);
    }
    ~SilentPort() { ::close(mFd); }
    SilentPort(const SilentPort &) = delete;
    SilentPort &operator=(const SilentPort &) = delete;
    int port() const { return mPort; }

private:
    int mFd;
    int mPort = 0;
};
