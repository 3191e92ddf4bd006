#include "LoopbackDialer.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

#ifndef IP_BIND_ADDRESS_NO_PORT
#define IP_BIND_ADDRESS_NO_PORT 24
#endif

namespace bench {

LoopbackDialer::LoopbackDialer(const std::string &host, uint16_t port, int sourceCount) {
    m_dest.sin_family = AF_INET;
    m_dest.sin_port = htons(port);
    if (inet_pton(AF_INET, host.c_str(), &m_dest.sin_addr) != 1) {
        std::fprintf(stderr, "loadgen: bad host address %s\n", host.c_str());
        std::exit(2);
    }
    for (int i = 0; i < sourceCount; ++i) {
        in_addr source{};
        source.s_addr = htonl((127u << 24) | uint32_t(2 + i)); // 127.0.0.2, 127.0.0.3, ...
        m_sources.push_back(source);
    }
}

int LoopbackDialer::dial() {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
    sockaddr_in source{};
    source.sin_family = AF_INET;
    source.sin_addr = m_sources[m_next++ % m_sources.size()];
    if (bind(fd, reinterpret_cast<const sockaddr *>(&source), sizeof source) != 0 ||
        (connect(fd, reinterpret_cast<const sockaddr *>(&m_dest), sizeof m_dest) != 0 &&
         errno != EINPROGRESS)) {
        const int error = errno;
        ::close(fd);
        return -error;
    }
    return fd;
}

} // namespace bench
