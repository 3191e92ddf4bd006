#pragma once

#include <netinet/in.h>

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

// Opens non-blocking TCP connections to a loopback port, rotating over the source addresses
// 127.0.0.2, 127.0.0.3, ... Each socket binds to source:0 with IP_BIND_ADDRESS_NO_PORT, so the
// kernel picks the port at connect() time per 4-tuple: tens of thousands of sockets (and the
// TIME_WAITs of earlier runs) do not exhaust one address's ephemeral range.
class LoopbackDialer {
public:
    LoopbackDialer(const std::string &host, uint16_t port, int sourceCount);

    // Starts a connect; returns the fd (connect in progress) or -errno.
    int dial();
    int sourceCount() const { return int(m_sources.size()); }

private:
    sockaddr_in m_dest{};
    std::vector<in_addr> m_sources;
    size_t m_next = 0;
};

} // namespace bench
